# Exception classes with a Python __init__ are instantiated by the loop without C recursion
# (BaseException.__new__ gets the arguments): args, keywords, a missing super().__init__, an
# __init__ returning non-None, a class with its own __new__, and argument errors.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
class KwErr(ValueError):
    def __init__(self, a, b=2, *, c=3):
        self.t = (a, b, c)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
class BadInit(Exception):
    def __init__(self, x):
        return 5
class WithNew(Exception):
    def __new__(cls, *a):
        o = super().__new__(cls, "fixed")
        return o
    def __init__(self, *a):
        pass
e = AppError(5); print(e.args, e.code, repr(e), str(e))
k = KwErr(1, c=9); print(k.args, k.t, str(k))
n = NoSuper(4); print(n.args, n.x, repr(n))
try:
    BadInit(1)
except TypeError as t:
    print("TypeError", t)
print(WithNew(1, 2).args)
try:
    raise AppError(7)
except AppError as x:
    print(x.code, x.args)
try:
    KwErr()
except TypeError as t:
    print("TypeError", t)
