# isinstance() also consults obj.__class__ when it can differ from type(obj): a weak proxy
# forwards it to its referent, and a class may define __class__ itself.
import weakref

class C:
    pass

class D(C):
    pass

c = D()
p = weakref.proxy(c)
print(isinstance(p, C), isinstance(p, D), isinstance(p, int), isinstance(p, (int, C)))
print(p.__class__ is D, type(p) is D)
print(isinstance(p, weakref.ProxyType))

class M:
    __class__ = int

m = M()
print(m.__class__, isinstance(m, int), isinstance(m, M), isinstance(m, str))

class P:
    @property
    def __class__(self):
        return str

print(P().__class__, isinstance(P(), str), isinstance(P(), P))

class Broken:
    @property
    def __class__(self):
        raise AttributeError("nope")

print(isinstance(Broken(), int), isinstance(Broken(), Broken))

class Raises:
    @property
    def __class__(self):
        raise ValueError("bad")

try:
    isinstance(Raises(), int)
except ValueError as e:
    print("ValueError", e)
print(isinstance(Raises(), Raises))
del c
try:
    isinstance(p, C)
    print("no error")
except ReferenceError as e:
    print("ReferenceError", e)
