# Resurrection and weak references: a resurrected object keeps its weak references after
# reference-count death (they are cleared only when it really dies), but a collected cycle's
# weak references are cleared before __del__ resurrects it.
import gc
import weakref

saved = []


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)
        saved.append(self)


p = Phoenix("refcount")
r = weakref.ref(p, lambda w: print("callback refcount"))
del p
print(r() is saved[0], len(saved))
saved.clear()
print("after clear:", r())
gc.disable()
q = Phoenix("cycle")
q.me = q
rq = weakref.ref(q, lambda w: print("callback cycle"))
del q
gc.collect()
print(rq(), saved[0].name, saved[0].me is saved[0])
rq2 = weakref.ref(saved[0], lambda w: print("callback new ref"))
saved.clear()
gc.collect()
print(rq2())
gc.enable()
