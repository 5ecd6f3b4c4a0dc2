# Defining __eq__ without __hash__ makes instances unhashable; __hash__ inheritance.
class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, P) and o.v == self.v
print(P.__hash__ is None, P(1) == P(1), P(1) != P(2), P(1) in [P(0), P(1)])
try:
    {P(1)}
except TypeError as e:
    print("TypeError:", e)
class Q(P):
    def __hash__(self):
        return hash(self.v)
print(len({Q(1), Q(1), Q(2)}), Q(1) == Q(1))
class R:
    pass
r = R()
print(hash(r) == hash(r), {r: 1}[r], r == r, r != R())
class S(str):
    pass
print(hash(S("a")) == hash("a"), {S("a"): 1}["a"])
