# Finalizers still alive at exit run then, newest first, unless atexit is False.
import weakref


class Res:
    pass


def report(what):
    print("finalizer", what)


keep = [Res() for i in range(4)]
fs = [weakref.finalize(keep[i], report, i) for i in range(4)]
fs[1].atexit = False
fs[2]()
gone = Res()
weakref.finalize(gone, report, "gone")
del gone


class WithDel:
    def __del__(self):
        print("__del__ of a global")


w = WithDel()
weakref.finalize(w, report, "w")
print("end of script")
