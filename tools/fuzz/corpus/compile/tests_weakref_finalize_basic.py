# weakref.finalize: called once, on death or explicitly; alive, peek, detach.
import weakref


class Res:
    def __init__(self, name):
        self.name = name


def cleanup(name, *, loud=False):
    print("cleanup", name, "loud" if loud else "quiet")
    return "done-" + name


r1 = Res("r1")
f1 = weakref.finalize(r1, cleanup, "r1")
print(f1.alive, f1.atexit)
obj, func, args, kwargs = f1.peek()
print(obj is r1, func is cleanup, args, kwargs)
del obj
del r1
print(f1.alive, f1.peek(), f1.detach())
print(f1())
r2 = Res("r2")
f2 = weakref.finalize(r2, cleanup, "r2", loud=True)
print(f2())
print(f2(), f2.alive)
del r2
r3 = Res("r3")
f3 = weakref.finalize(r3, cleanup, "r3")
d = f3.detach()
print(d[0] is r3, d[2], f3.alive, f3.detach())
del d
del r3
print("after r3")
# The finalizer holds its arguments alive, and a callback sees the object gone.
r4 = Res("r4")
holder = weakref.ref(r4)
f4 = weakref.finalize(r4, lambda: print("r4 gone:", holder()))
del r4
print(f4.alive)
r5 = Res("r5")
f5 = weakref.finalize(r5, cleanup, "r5")
f5.atexit = False
print(f5.atexit)
del r5
print(f5.atexit)
