# Errors CPython 3.11 reports around object creation: object.__new__ on a built-in subtype,
# __set_name__ failures wrapped in RuntimeError (the original is the cause), an exception
# class whose __new__ returns a non-exception, and object.__repr__ of an immediate.
for cls in (str, int, list, dict, tuple, float):
    try:
        object.__new__(cls)
    except TypeError as e:
        print("TypeError:", e)


class MyStr(str):
    pass


try:
    object.__new__(MyStr)
except TypeError as e:
    print("TypeError:", e)
try:
    int.__new__(MyStr)
except TypeError as e:
    print("TypeError:", e)
print(repr(str.__new__(MyStr, "ok")), type(object.__new__(type("Plain", (), {}))).__name__)


class D:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)


try:
    class B:
        first = 1
        x = D()
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)


class E(Exception):
    def __new__(cls, *a):
        return 5


try:
    raise E
except TypeError as e:
    print("TypeError:", e)
r = object.__repr__(5)
print(r.startswith("<int object at 0x"), r.endswith(">"))
print(object.__repr__(None).startswith("<NoneType object at 0x"))


class Late:
    y = D()
