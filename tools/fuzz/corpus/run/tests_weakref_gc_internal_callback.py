# A weak reference that is itself part of the garbage does not call its callback.
import gc
import weakref


class Node:
    pass


def callback(w):
    print("callback ran (wrong)")


gc.disable()
a, b = Node(), Node()
a.peer, b.peer = b, a
a.ref_to_b = weakref.ref(b, callback)
b.ref_to_a = weakref.ref(a, callback)
del a, b
print("collected", gc.collect() >= 4)
# A weak reference in the garbage whose referent lives on: not called either, even later.
keep = Node()
c = Node()
c.self = c
c.ref = weakref.ref(keep, callback)
del c
gc.collect()
print(weakref.getweakrefcount(keep))
del keep
# The garbage holds the callback's only reference; an external ref to the garbage fires.
d = Node()
d.self = d


def external(w):
    print("external callback", w() is None)


d.cb = external
r = weakref.ref(d, d.cb)
del d, external
gc.collect()
print(r())
gc.enable()
