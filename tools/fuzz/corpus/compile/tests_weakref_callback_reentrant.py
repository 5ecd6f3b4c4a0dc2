# Callbacks may create weak references, delete other referents and run the collector.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name


keep = {"b": Obj("b"), "c": Obj("c")}
made = []


def on_a(w):
    print("on_a: dropping b, refs to c:", weakref.getweakrefcount(keep["c"]))
    made.append(weakref.ref(keep["c"], lambda w2: print("new callback for c")))
    del keep["b"]
    print("collect in callback:", gc.collect() >= 0)


def on_b(w):
    print("on_b")
    made.append(weakref.ref(keep["c"]))


a = Obj("a")
ra = weakref.ref(a, on_a)
rb = weakref.ref(keep["b"], on_b)
del a
print(len(made), weakref.getweakrefcount(keep["c"]))
del keep["c"]
print([m() for m in made])
# A callback from the collector that runs the collector again and allocates cycles.
gc.disable()


def on_cycle(w):
    x = Obj("x")
    x.me = x
    made.append(weakref.ref(x, lambda w: print("inner cycle freed")))
    del x
    print("nested collect returns an int:", isinstance(gc.collect(), int))


c = Obj("c")
c.me = c
rc = weakref.ref(c, on_cycle)
del c
gc.collect()
gc.collect()
print(made[-1]())
gc.enable()
