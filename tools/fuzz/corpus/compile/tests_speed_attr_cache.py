# Inline attribute caches must notice every change that alters what an attribute access means.
class A:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


def read_all(objs):
    out = []
    for o in objs:
        out.append(o.x)
    return out


def call_all(objs):
    return [o.get() for o in objs]


a, b = A(1), A(2)
print(read_all([a, b, a]), call_all([a, b]))
# Instance attribute shadows the method at the same call site.
b.get = lambda: "shadow"
print(call_all([a, b, a]))
del b.get
print(call_all([a, b]))
# The method is replaced on the class.
A.get = lambda self: self.x * 10
print(call_all([a, b]))
# A data descriptor added to the class now wins over the instance dict.
A.x = property(lambda self: "prop")
print(read_all([a, b]))
del A.x
print(read_all([a, b]))
# Different dict layouts at one site (hint misses).
c = A(3)
c.__dict__.clear()
c.y = 0
c.x = 4
print(read_all([a, c, b, c]))
# A missing attribute at a cached site raises the usual error.
del c.x
try:
    read_all([a, c])
except AttributeError as e:
    print("AttributeError:", e)
# __getattr__ added later.
A.__getattr__ = lambda self, name: "fallback " + name
print(read_all([a, c]))
# __class__ assignment changes the type seen by the cache.
class B:
    def get(self):
        return "B.get"
a.__class__ = B
print(call_all([a, b]))
# Stores through a cached site, then reads.
def store(objs, v):
    for o in objs:
        o.z = v
objs = [A(0), A(1), A(2)]
store(objs, 5)
store(objs, 6)
print([o.z for o in objs])
class S:
    __slots__ = ("z",)
s = S()
store([objs[0], s, objs[1]], 7)
print(s.z, objs[0].z)
# Subclasses share sites with their base class.
class C(A):
    def get(self):
        return "C"
print(call_all([A(1), C(2), A(3)]))
# Methods of builtin types through the cache.
def appends(ls):
    for l in ls:
        l.append(len(l))
ls = [[], [1], []]
appends(ls)
appends(ls)
print(ls)
