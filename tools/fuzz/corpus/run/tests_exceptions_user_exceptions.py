# User exception classes: args, str/repr, custom __str__, attributes, catching by base.
class MyError(Exception):
    pass
class DetailedError(MyError):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail
    def __str__(self):
        return "[%d] %s" % (self.code, self.detail)
for exc in (MyError(), MyError("one"), MyError("a", 2), DetailedError(7, "bad thing")):
    print(repr(exc), "|", str(exc), "|", exc.args)
try:
    raise DetailedError(404, "missing")
except MyError as e:
    print("caught as MyError:", e, e.code, type(e).__name__, isinstance(e, Exception))
class NoInit(ValueError):
    def extra(self):
        return "extra " + str(self.args)
try:
    raise NoInit("x", "y")
except ValueError as e:
    print(e, e.extra())
e = ValueError("msg")
e.custom = 5
print(e.custom, e.args, str(KeyError("k")), str(KeyError("k", "v")), repr(KeyError()))
print(str(Exception()), repr(Exception("a")), repr(Exception(1, "b")))
print(BaseException("x").args, str(IndexError(3)))
class WithClassAttr(Exception):
    level = "high"
print(WithClassAttr().level, WithClassAttr.__name__)
