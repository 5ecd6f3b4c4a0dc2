# __new__ and __init__: order, returning other objects, singletons, __init__ returning non-None.
class Traced:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        return inst
    def __init__(self, x):
        print("__init__", x)
        self.x = x
t = Traced(5)
print(t.x)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("not called")
print(Other())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
class WithInit:
    def __init__(self, a, b):
        self.s = a + b
try:
    WithInit(1)
except TypeError as e:
    print("TypeError:", e)
print(WithInit(b=2, a=3).s)
