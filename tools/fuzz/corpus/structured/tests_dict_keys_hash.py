# Keys: equal ints/floats/bools collide, tuples and frozensets as keys, user __hash__/__eq__.
d = {}
d[1] = "a"
d[1.0] = "b"
d[True] = "c"
print(d, len(d))
d2 = {0: "zero", (): "empty", (1, (2, 3)): "nested", frozenset([1, 2]): "fs"}
print(d2[0.0], d2[()], d2[(1, (2, 3))], d2[frozenset([2, 1])])
class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __repr__(self):
        return "Key(%r)" % (self.k,)
d3 = {Key(1): "one", Key(2): "two"}
print(d3[Key(1)], Key(3) in d3, d3)
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class Same:
    def __hash__(self):
        return 42
s1, s2 = Same(), Same()
d4 = {s1: 1, s2: 2}
print(len(d4), d4[s1], d4[s2])
print(hash(-1) == hash(-2), hash(-1), hash(0), hash(12345))
