# An exception in a callback is printed as unraisable and does not stop the others.
import weakref
import sys


class Obj:
    pass


def bad(w):
    print("bad runs")
    raise RuntimeError("callback failed")


def good(w):
    print("good runs")


o = Obj()
r1 = weakref.ref(o, good)
r2 = weakref.ref(o, bad)
r3 = weakref.ref(o, good)
del o
print("continues")
try:
    raise KeyError("outer")
except KeyError:
    o = Obj()
    r4 = weakref.ref(o, bad)
    del o
    print("exception state kept:", sys.exc_info()[0].__name__)
