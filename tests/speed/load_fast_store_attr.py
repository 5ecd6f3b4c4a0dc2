# `local.name = v` runs as one instruction (LOAD_FAST_STORE_ATTR) that writes a compact
# instance's slot, existing or newly added, through the cache of the STORE_ATTR it fuses with;
# everything else falls back to LOAD_FAST and STORE_ATTR with CPython's errors and order.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx):
        self.x = self.x + dx
        return self


class Q(P):
    pass


ps = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
for p in ps:
    for _ in range(3):
        p.move(1)
print([(p.x, p.y) for p in ps])


# New attributes beyond the estimated capacity, deletion, then re-adding.
def grow(o, n):
    for i in range(n):
        o.extra = i
    return o


p = P(1, 2)
grow(p, 3)
del p.extra
grow(p, 2)
print(p.extra, sorted(vars(p)))
for i in range(40):
    setattr(p, "a%d" % i, i)
p.move(5)
print(p.x, p.a39)


# Old values are released after the store: their __del__ sees the new value.
class D:
    def __init__(self, owner, name):
        self.owner = owner
        self.name = name

    def __del__(self):
        print("del", self.name, "owner.x is", self.owner.x.name)


def replace(o, name):
    o.x = D(o, name)


h = P(None, None)
replace(h, "first")
replace(h, "second")
replace(h, "third")
print("stored", h.x.name)


# Properties, __setattr__, __slots__, read-only builtins and non-instances at the same site.
class Prop:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        print("setter", v)
        self._x = v


class Hook:
    def __setattr__(self, name, v):
        print("setattr", name, v)
        object.__setattr__(self, name, v)


class Slotted:
    __slots__ = ("x",)


class NS:
    pass


def set_x(o, v):
    o.x = v


for o in (P(0, 0), Prop(), Hook(), Slotted(), NS, P(0, 0)):
    set_x(o, 1)
    set_x(o, 2)
    print(type(o).__name__, o.x)
for bad in (1, "s", None, [1]):
    try:
        set_x(bad, 3)
    except AttributeError as e:
        print("AttributeError", e)


# A class attribute that becomes a data descriptor after the site cached a slot store.
q = P(1, 2)
set_x(q, 10)
set_x(q, 11)
P.x = property(lambda self: "prop", lambda self, v: print("prop set", v))
set_x(q, 12)
print(q.x)
del P.x
print(q.x)


# Unbound and deleted locals raise as LOAD_FAST would.
def unbound(flag):
    if flag:
        o = P(1, 2)
    o.x = 5
    return o.x


print(unbound(True))
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


# The stored value must stay alive once its other references go.
def keep():
    o = P(None, None)
    o.y = [1, 2, 3]
    o.z = "new"
    return o


k = keep()
print(k.y, k.z)
