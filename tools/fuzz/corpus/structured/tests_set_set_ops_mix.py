# sets and frozensets
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a >= {1}, a.isdisjoint({9}), a.issubset(range(10)), a.issuperset([1, 2]))
print(a.union([7], (8,)), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference([1, 9]))
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {99}
print(sorted(c), len(c))
c.add(5); c.discard(42); c.remove(5)
try:
    c.remove(42)
except KeyError as e:
    print("KeyError:", e)
print(c.pop() in {2, 10, 99}, len(c))
c.clear(); print(c, set(), frozenset(), {1}.copy())
f = frozenset([3, 1, 2])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset([1, 2, 3])), {f: "v"}[frozenset({1, 2, 3})])
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
print({1, 2} == frozenset([1, 2]), {1} != {1.0}, {True, 1, 1.0}, {0, False, -0.0}, {(1, 2), (1, 2)}, set("hello") == set("olleh"))
print(sorted({3, -1, 2}), sorted({"b", "a"}), max({4, 9, 2}), sum({1, 2, 3}), 3 in frozenset({3}))
s = {x * x for x in range(-3, 4)}
print(sorted(s), {n % 3 for n in range(10)})
print(set([1, 2]).update([3]), {1, 2} - {2} | {3} & {3, 4})
s2 = set()
for w in "the cat and the hat and the bat".split():
    s2.add(w)
print(sorted(s2), len(s2))
print(repr(set()), repr(frozenset()), repr(frozenset({1})), str({1, 2}))
class H:
    def __init__(self, k): self.k = k
    def __hash__(self): return hash(self.k % 3)
    def __eq__(self, o): return self.k == o.k
    def __repr__(self): return f"H{self.k}"
print(len({H(1), H(4), H(1)}), H(4) in {H(1), H(4)}, H(7) in {H(1)})
