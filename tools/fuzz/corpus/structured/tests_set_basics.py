# set and frozenset of ints: construction, repr, membership, add/remove/discard/pop.
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 in s, set(), frozenset(), set([1, 1, 2]), frozenset(range(3)))
s.add(4); s.add(1)
print(s)
s.remove(4); s.discard(99); s.discard(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
t = set(range(5))
popped = t.pop()
print(popped in range(5), len(t))
t.clear()
print(t)
try:
    t.pop()
except KeyError as e:
    print("KeyError:", e)
print({x % 4 for x in range(10)}, sorted({i * i for i in range(-3, 4)}))
print(set("aaa") == {"a"}, len(set("hello")))
print(sorted({5, -1, 3}), sorted(frozenset({9, 8})))
f = frozenset([1, 2])
print(hash(f) == hash(frozenset([2, 1])), {f: "key"}[frozenset({1, 2})])
try:
    f.add(3)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
u = s.copy()
u.add(100)
print(s, u)
