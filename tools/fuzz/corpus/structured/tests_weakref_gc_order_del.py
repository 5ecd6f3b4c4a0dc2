# Order of events: on reference-count death __del__ runs first (weak references still alive),
# then the weak references die; in a collected cycle weak references are cleared before __del__.
import gc
import weakref


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "ref alive:", refs[self.name]() is not None)


refs = {}
t = Tracked("plain")
refs["plain"] = weakref.ref(t, lambda w: print("callback plain"))
del t
print("--")
gc.disable()
c = Tracked("cycle")
c.me = c
refs["cycle"] = weakref.ref(c, lambda w: print("callback cycle"))
del c
gc.collect()
print("--")
gc.enable()
