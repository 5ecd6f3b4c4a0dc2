# Which objects accept weak references, following CPython.
import weakref
import sys


class C:
    def method(self):
        pass


class IntSub(int):
    pass


class TupleSub(tuple):
    pass


class ListSub(list):
    pass


class DictSub(dict):
    pass


class MyError(Exception):
    pass


def f():
    pass


cases = [("instance", C()), ("class", C), ("builtin type", int), ("function", f),
         ("lambda", lambda: 0), ("builtin function", len), ("bound method", C().method),
         ("builtin method", [].append), ("set", {1}), ("frozenset", frozenset([1])),
         ("module", sys), ("int subclass", IntSub(3)), ("tuple subclass", TupleSub()),
         ("list subclass", ListSub()),
         ("dict subclass", DictSub()), ("exception subclass", MyError()),
         ("code", f.__code__)]
for name, obj in cases:
    try:
        r = weakref.ref(obj)
        print(name, "ok", r() is obj)
    except TypeError as e:
        print(name, "TypeError:", e)
