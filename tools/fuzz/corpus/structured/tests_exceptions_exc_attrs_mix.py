# exceptions: attributes, hierarchy, custom __init__, args handling, str of various
for cls in [ZeroDivisionError, KeyError, IndexError, UnboundLocalError, RecursionError, ModuleNotFoundError, FileNotFoundError, NotImplementedError]:
    print(cls.__name__, [b.__name__ for b in cls.__mro__])
e = OSError(2, "No such file or directory")
print(e.args, e.errno, e.strerror, str(e))
e = FileNotFoundError(2, "missing", "x.txt")
print(str(e), repr(e) if False else "", e.filename)
try:
    open("/nonexistent/file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename, e)
try:
    import nonexistent_mod_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import nothing_here
except ImportError as e:
    print(type(e).__name__, e)
class AppError(Exception):
    def __init__(self, code, *rest):
        super().__init__(code, *rest)
        self.code = code
e = AppError(5, "x")
print(e, repr(e), e.args, e.code)
class Bare(Exception):
    def __init__(self):
        pass
b = Bare()
print(repr(b), str(b), b.args)
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError(1, 2)), str(IndexError()), repr(SystemExit(3)), SystemExit(3).code)
try:
    raise StopIteration(7)
except StopIteration as s:
    print(s.value, s.args)
e1 = ValueError("a")
e2 = ValueError("a")
print(e1 == e2, e1 == e1, isinstance(e1, Exception), issubclass(ValueError, (KeyError, Exception)))
try:
    try:
        raise ValueError("first")
    except ValueError as err:
        raise TypeError("second") from err
except TypeError as t:
    print(repr(t.__cause__), repr(t.__context__), t.__traceback__ is not None)
def lookup():
    try:
        return {}["x"]
    except KeyError as e:
        return e
x = lookup()
print(repr(x), x.__traceback__ is not None)
try:
    raise ValueError
except ValueError as v:
    pass
try:
    print(v)
except NameError as ne:
    print("NameError:", ne)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    finally:
        raise KeyError("in finally")
except KeyError as e:
    print("caught", e)
class E2(Exception):
    pass
try:
    raise E2("x").with_traceback(None)
except E2 as e:
    print("with_traceback ok", e)
e = Exception("note")
print(e.__notes__ if hasattr(e, "__notes__") else "no notes")
print(BaseException.__subclasses__ is not None)
