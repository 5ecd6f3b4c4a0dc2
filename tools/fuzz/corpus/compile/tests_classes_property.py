# property: getter, setter, deleter, read-only errors, property() call form.
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.fahrenheit)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
class Old:
    def _get(self):
        return "got"
    x = property(_get, doc="doc of x")
print(Old().x, Old.x.__doc__, type(Old.x).__name__)
try:
    del Old().x
except AttributeError as e:
    print("AttributeError:", e)
class Counter:
    def __init__(self):
        self._n = 0
    n = property(lambda self: self._n)
c = Counter()
print(c.n)
