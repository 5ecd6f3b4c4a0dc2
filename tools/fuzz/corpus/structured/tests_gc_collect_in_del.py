# gc.collect() called from a finalizer that the collector runs returns 0 (no re-entry), and
# one called from a finalizer run by reference counting is a real collection.
import gc
class Inner:
    def __del__(self):
        print("inner collect ->", gc.collect())
class Outer:
    def __init__(self):
        self.me = self
        self.inner = Inner()
gc.collect()
Outer()
print("outer:", gc.collect() >= 2)
class Plain:
    def __del__(self):
        junk = []
        junk.append(junk)
        del junk
        print("refcount-run collect finds the cycle:", gc.collect() >= 1)
p = Plain()
del p
print("done")
