# Set iteration of small ints, set comprehensions, set equality/containment with frozensets.
s = {5, 3, 1, 4, 2}
print(s, list(s), sorted(s, reverse=True), len(s))
total = 0
for v in s:
    total += v
print(total)
print({x * 2 for x in range(5)}, {x % 3 for x in range(10)}, set(), {0})
fs = frozenset({1, 2})
print({fs, frozenset({2, 1})} == {fs}, fs in {fs: 1}, frozenset() == set())
d = {}
for n in [3, 1, 3, 2, 1]:
    d.setdefault(n, set()).add(n * 10)
print(d)
print(min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}), sorted({-1, -5, 3}))
a = set()
a.add(1)
a.add(1)
print(a, len(a), a == {1}, a is not {1})
