# Operators on proxies unwrap them: arithmetic both ways, comparisons, unary and in-place.
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))

    def __radd__(self, o):
        return Num(o + self.v)

    def __sub__(self, o):
        return Num(self.v - (o.v if isinstance(o, Num) else o))

    def __mul__(self, o):
        return Num(self.v * o)

    def __neg__(self):
        return Num(-self.v)

    def __lt__(self, o):
        return self.v < (o.v if isinstance(o, Num) else o)

    def __eq__(self, o):
        return self.v == (o.v if isinstance(o, Num) else o)

    def __iadd__(self, o):
        self.v += o
        return self

    def __repr__(self):
        return "Num(%r)" % self.v


a, b = Num(5), Num(3)
pa, pb = weakref.proxy(a), weakref.proxy(b)
print(pa + 1, 1 + pa, pa - pb, pa + pb, pa * 2, -pa)
print(pa < pb, pb < pa, pa == 5, pa == a, pa == pb, pa != pb)
print(pa < 10, 3 == pb)
q = pa
q += 10
print(a, q, type(q).__name__)
s = {1, 2}
ps = weakref.proxy(s)
print(ps | {3}, {0} | ps, ps & {2}, len(ps))
try:
    pa / 2
except TypeError as e:
    print("TypeError:", e)
