# Rich comparisons, reflection of comparisons, __eq__ default identity, total ordering by hand.
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return isinstance(o, Ver) and self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "Ver" + repr(self.parts)
a, b = Ver(1, 2), Ver(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Ver(1, 2), a != b)
print(sorted([Ver(2), Ver(1, 5), Ver(1)]), max(a, b), min([b, a]))
print(a == "x", a != 3)
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q)
try:
    p < q
except TypeError as e:
    print("TypeError:", e)
class Loud:
    def __eq__(self, o):
        print("Loud.__eq__")
        return NotImplemented
print(Loud() == 1, 1 == Loud())
class Gt:
    def __gt__(self, o):
        return "Gt.__gt__ reflected"
print(5 < Gt())
print(Ver(1) in [Ver(0), Ver(1)], [Ver(3)].index(Ver(3)))
