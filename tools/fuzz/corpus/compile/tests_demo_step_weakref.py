# Stepped by tests/demo/run.sh (expected: step_weakref.steps): weak references and their
# callbacks, during reference counting and during a collection.
import gc
import weakref


class Thing:
    pass


def gone(ref):
    print('callback: referent gone')


t = Thing()
r = weakref.ref(t, gone)
print(r() is t)
#: Freed by reference counting: the callback runs at once.
del t
print(r())
#: A cycle with an outside weak reference: the callback runs during the collection.
u = Thing()
u.me = u
w = weakref.ref(u, gone)
del u
print(gc.collect() >= 1, w())
