# `local.name` runs as one instruction (LOAD_FAST_LOAD_ATTR) that reads a compact instance's
# slot through the cache of the LOAD_ATTR it fuses with; everything else falls back to LOAD_FAST
# and LOAD_ATTR, with CPython's errors.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    pass


def sum_xy(p):
    return p.x + p.y


pts = [P(1, 2), Q(3, 4), P(5, 6)]
print([sum_xy(p) for p in pts for _ in range(3)])

# The shape changes under the site: new attributes, deletion, a dict-mode instance.
p = P(1, 2)
print(sum_xy(p), sum_xy(p))
p.z = 3
print(sum_xy(p))
del p.x
try:
    sum_xy(p)
except AttributeError as e:
    print("AttributeError", e)
p.x = 10
print(sum_xy(p))
for i in range(40):
    setattr(p, "a%d" % i, i)
print(sum_xy(p), p.a39)

# Non-instances at the same site: a module, a type, ints, a namedtuple-like tuple subclass.
import math


class NS:
    x = 7
    y = 8


class Num(int):
    @property
    def x(self):
        return int(self) * 2

    y = 1


for o in (NS, NS(), Num(5), P(0.5, 0.25)):
    print(sum_xy(o))


def mod_attr(m):
    return m.pi


print(mod_attr(math))

# A class attribute changed after the site has cached the slot; a property replacing it;
# __getattribute__ and __getattr__.
q = P(1, 2)
print(sum_xy(q))
P.x = property(lambda self: 100)
try:
    print(sum_xy(q))
except AttributeError as e:
    print("AttributeError", e)
del P.x
print(sum_xy(q))


class G(P):
    def __getattribute__(self, name):
        if name == "x":
            return -1
        return object.__getattribute__(self, name)


class M(P):
    def __getattr__(self, name):
        return "missing " + name


print(sum_xy(G(1, 2)))
m = M(1, 2)
del m.x
try:
    print(sum_xy(m))
except TypeError as e:
    print("TypeError", e)


# Unbound locals raise as LOAD_FAST would, naming the variable.
def unbound(flag):
    if flag:
        o = P(1, 2)
    return o.x


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def deleted():
    o = P(3, 4)
    del o
    return o.y


try:
    deleted()
except UnboundLocalError as e:
    print("UnboundLocalError", e)

# The attribute's value outlives the instance it came from.
def take():
    t = P([1, 2], None)
    return t.x


print(take())
