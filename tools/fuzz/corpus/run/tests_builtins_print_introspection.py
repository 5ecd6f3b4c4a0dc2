# print and builtins of introspection
import sys
print("a", "b", sep="")
print("a", "b", sep=None, end=None)
print(1, 2, 3, sep=" | ", end=" <end>\n")
print()
print("to stderr", file=sys.stderr)
print(*[1, 2, 3], sep=",")
print(*"abc")
try:
    print(sep=1)
except TypeError as e:
    print("TypeError:", e)
try:
    print(end=2)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", foo=1)
except TypeError as e:
    print("TypeError:", e)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
def f():
    a = 1
    b = [a]
    return sorted(locals())
print(f(), "f" in globals(), sorted(k for k in vars() if not k.startswith("__"))[:3])
class K:
    p = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names, K.__module__, K.__doc__)
class Doc:
    """Docstring here."""
    def m(self):
        "method doc"
print(Doc.__doc__, Doc.m.__doc__, f.__doc__, f.__name__, f.__qualname__, Doc.m.__qualname__)
print(len(dir(Doc)) > 10, "m" in dir(Doc), dir(Doc())[-1])
print(sys.argv[0].endswith("b2.py"), type(sys.argv).__name__, sys.getrecursionlimit())
print(isinstance(sys.version, str), sys.maxsize, type(sys.stdout).__name__ != "")
sys.stdout.write("written\n")
print(id(f) == id(f), hash(1) == 1, hash(-1), hash(1.0), hash(True), hash(0.5) == hash(0.5), hash((1, 2)) == hash((1, 2)))
print(type(None).__name__, type(NotImplemented).__name__, type(...).__name__, Ellipsis, ...)
print(repr(object)[:14], repr(type), repr(int), repr(K)[:16], str(f)[:10])
