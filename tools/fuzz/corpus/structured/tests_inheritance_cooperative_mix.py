# inheritance: super chains, cooperative multiple inheritance, mro, overriding dunders via base
class Base:
    def __init__(self, **kw):
        print("Base.__init__", sorted(kw))
    def hello(self):
        return ["Base"]
class A(Base):
    def __init__(self, a=0, **kw):
        print("A.__init__", a)
        super().__init__(**kw)
    def hello(self):
        return ["A"] + super().hello()
class B(Base):
    def __init__(self, b=0, **kw):
        print("B.__init__", b)
        super().__init__(**kw)
    def hello(self):
        return ["B"] + super().hello()
class C(A, B):
    def __init__(self, **kw):
        print("C.__init__")
        super().__init__(**kw)
    def hello(self):
        return ["C"] + super().hello()
c = C(a=1, b=2, extra=3)
print(c.hello(), [k.__name__ for k in C.__mro__], C.mro() == list(C.__mro__))
print(super(A, c).hello(), super(C, c).hello())
try:
    class X(A, C):
        pass
except TypeError as e:
    print("TypeError:", e)
class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides, area {self.area():.2f}"
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Tri(Shape):
    sides = 3
for s in [Square(2), Tri()]:
    try:
        print(s.describe())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return type(self)(self.v + (o.v if isinstance(o, Num) else o))
    def __radd__(self, o):
        return self + o
    def __repr__(self):
        return f"{type(self).__name__}({self.v})"
class Money(Num):
    def __repr__(self):
        return f"${self.v:.2f}"
print(Num(1) + 2, 3 + Num(1), Money(1.5) + Money(2), sum([Money(1), Money(2)], Money(0)), sum([Num(1)], 10))
class Base2:
    def __eq__(self, o):
        print("Base2.__eq__")
        return NotImplemented
class Derived2(Base2):
    def __eq__(self, o):
        print("Derived2.__eq__")
        return True
print(Base2() == Derived2())
class Meta:
    def __init_subclass__(cls, **kw):
        cls.registered = True
class Sub(Meta):
    pass
print(Sub.registered, issubclass(Sub, Meta), isinstance(Sub(), Meta), Sub.__bases__, Sub.__base__, object.__bases__)
class Parent:
    @classmethod
    def create(cls):
        return cls()
    def __repr__(self):
        return f"<{type(self).__name__}>"
class Child(Parent):
    pass
print(Child.create(), Parent.create(), Child.__name__, Child.__qualname__)
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, object), type(True) is bool, bool.__mro__)
