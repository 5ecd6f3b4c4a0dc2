# Set algebra with operators and methods, comparisons, in-place forms.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, {1, 5} <= a)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}), a.isdisjoint(b))
print(a == {4, 3, 2, 1}, a != b, frozenset(a) == a, {1} == frozenset({1}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 20}
print(c)
d = set()
d.update([1, 2], (3,))
d.intersection_update({1, 2, 3, 4})
d.difference_update({1})
print(d)
print(frozenset({1, 2}) | {3}, type(frozenset({1}) | {3}).__name__, type({3} | frozenset({1})).__name__)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
print(sorted(set(range(0, 20, 3)) & set(range(0, 20, 2))))
