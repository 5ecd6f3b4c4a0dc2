# descriptors and object model details
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)
class Rec:
    age = Typed()
    def __init__(self, age):
        self.age = age
r = Rec(5)
print(r.age, Rec.age.owner, Rec.age.name, vars(r))
try:
    r.age = "old"
except TypeError as e:
    print("TypeError:", e)
r.__dict__["age"] = "shadow"
print(r.age)
class NonData:
    def __get__(self, obj, t=None):
        return "from descriptor"
class H:
    nd = NonData()
h = H()
print(h.nd)
h.nd = "instance wins"
print(h.nd, H.nd)
class Base:
    @property
    def v(self):
        return "base"
class Over(Base):
    @Base.v.getter
    def v(self):
        return "over:" + super().v
print(Over().v)
class Weird:
    def __new__(cls, *a):
        return 42
print(Weird(), type(Weird()))
class InitRet:
    def __init__(self):
        return 5
try:
    InitRet()
except TypeError as e:
    print("TypeError:", e)
class A: pass
class B: pass
a = A()
a.__class__ = B
print(type(a).__name__, isinstance(a, B))
class Op:
    def __init__(self, v): self.v = v
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return Op(self.v + o)
    def __repr__(self): return f"Op({self.v})"
o = Op(1); o += 5; print(o)
class X:
    pass
for expr in [lambda: X() + 1, lambda: 1 - X(), lambda: X() * X(), lambda: X() @ X(), lambda: X() ** 2, lambda: ~X(), lambda: X() < 1, lambda: X() >= X(), lambda: [] + (), lambda: {} | [], lambda: 1 + None, lambda: "a" < None]:
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)
class Cmp:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("gt called")
        return self.v > o.v
print(Cmp(1) < Cmp(2))
class E:
    def __eq__(self, o):
        return True
print(E() != E(), E() == 5, 5 == E())
def deco(cls):
    cls.decorated = True
    return cls
@deco
class D:
    pass
print(D.decorated, D().decorated)
class M:
    def method(self): pass
m = M()
print(m.method == m.method, m.method is m.method, M.method is M.method, m.method.__self__ is m, m.method.__func__ is M.method)
class S:
    @staticmethod
    def st(): return "st"
    @classmethod
    def cm(cls): return cls.__name__
class S2(S):
    @classmethod
    def cm(cls): return "S2>" + super().cm()
print(S2.cm(), S2().cm(), S2.st(), S().st())
