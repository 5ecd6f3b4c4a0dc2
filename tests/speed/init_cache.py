# A call site that instantiates a class remembers the class's __init__ (AC_INIT); it must see
# __init__ replaced on the class or on a base, other classes at the same site, and classes
# whose __init__ is not a Python function.
class Base:
    def __init__(self, v):
        self.v = ("base", v)


class A(Base):
    def __init__(self, v):
        self.v = ("A", v)


class B(Base):
    pass


class E(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def make(cls, v):
    return cls(v)  # one call site for every class


out = []
for i in range(3):
    out.append(make(A, i).v)
    out.append(make(B, i).v)
print(out)


def a_init2(self, v):
    self.v = ("A2", v)


A.__init__ = a_init2
print(make(A, 1).v, make(B, 1).v)


def base_init2(self, v):
    self.v = ("base2", v)


Base.__init__ = base_init2
print(make(A, 2).v, make(B, 2).v)
del A.__init__
print(make(A, 3).v)
B.__init__ = lambda self, v: setattr(self, "v", ("lambda", v))
print(make(B, 4).v)


class C:
    pass


try:
    make(C, 1)
except TypeError as e:
    print("TypeError:", e)
C.__init__ = lambda self, v: None
print(type(make(C, 5)).__name__)
for i in range(3):
    e = make(E, i)
    print(type(e).__name__, e.code, e.args)


class R:
    def __init__(self, v):
        return v


try:
    make(R, 1)
except TypeError as e:
    print("TypeError:", e)
