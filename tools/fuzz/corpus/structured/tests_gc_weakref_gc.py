# Weak references to cyclic garbage: all are cleared before any callback or finalizer runs;
# callbacks of weakrefs held from outside the garbage fire, those of weakrefs that are
# themselves garbage do not.
import gc
import weakref
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, "outside ref dead:", r1() is None)
def cb(ref):
    print("callback, referent gone:", ref() is None)
def inner_cb(ref):
    print("inner callback must not run")
gc.collect()
a = A(1)
b = A(2)
a.b = b
b.a = a
r1 = weakref.ref(a, cb)
b.r = weakref.ref(b, inner_cb)
del a, b
print("collect:", gc.collect() >= 2)
print(r1() is None)
