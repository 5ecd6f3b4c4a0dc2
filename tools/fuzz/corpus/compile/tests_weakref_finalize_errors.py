# An exception in a finalizer called on death is reported as unraisable; the next one runs.
import weakref
import sys


class Res:
    pass


def bad(n):
    print("bad", n)
    raise ValueError("finalizer failed %d" % n)


def good(n):
    print("good", n)


r = Res()
weakref.finalize(r, good, 1)
weakref.finalize(r, bad, 2)
weakref.finalize(r, good, 3)
del r
print("after death")
f = weakref.finalize(Res(), good, 4)
print(f.alive)
s = Res()
f5 = weakref.finalize(s, bad, 5)
try:
    f5()
except ValueError as e:
    print("direct call raised", e)
print(f5.alive)
