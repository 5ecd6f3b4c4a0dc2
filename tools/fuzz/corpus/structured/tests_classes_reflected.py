# Reflected operators: NotImplemented fallback order, subclass priority.
class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("A.__radd__")
        return "A-radd"
class B:
    def __add__(self, o):
        print("B.__add__")
        return NotImplemented
    def __radd__(self, o):
        print("B.__radd__")
        return "B-radd"
print(A() + B())
print(1 + A())
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, int):
            return Money(self.v + o)
        if isinstance(o, Money):
            return Money(self.v + o.v)
        return NotImplemented
    __radd__ = __add__
    def __repr__(self):
        return "Money(%d)" % self.v
print(Money(1) + 2, 2 + Money(1), sum([Money(1), Money(2)]), Money(1) + Money(5))
class Base:
    def __mul__(self, o):
        return "Base.__mul__"
    def __rmul__(self, o):
        return "Base.__rmul__"
class Derived(Base):
    def __rmul__(self, o):
        return "Derived.__rmul__"
print(Base() * Derived(), Derived() * Base(), 3 * Derived())
try:
    A() + A()
except TypeError as e:
    print("TypeError:", e)
