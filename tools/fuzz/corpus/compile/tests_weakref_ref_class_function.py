# Weak references to classes, functions and methods die when those objects do.
import gc
import weakref


def make():
    class Local:
        def method(self):
            return 1

    def helper():
        return Local

    return Local, helper


Local, helper = make()
rc = weakref.ref(Local, lambda w: print("class gone"))
rf = weakref.ref(helper, lambda w: print("function gone"))
inst = Local()
rm = weakref.ref(inst.method)
print(rc() is Local, rf() is helper, rm())
del inst
del helper
print("collected:", gc.collect() >= 0, rf())
del Local
gc.collect()
print(rc(), rf())
s = {1, 2}
fs = frozenset([3])
rs, rfs = weakref.ref(s), weakref.ref(fs)
print(rs() == {1, 2}, rfs() == frozenset([3]))
del s, fs
print(rs(), rfs())
