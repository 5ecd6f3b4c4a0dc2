# weakref.finalize, WeakValueDictionary, WeakKeyDictionary and WeakSet mutated by callbacks and
# finalizers that run inside gc.collect(): entries added and removed while the collector is
# dropping other entries of the same container, finalizers registered and cancelled from
# finalizers, and containers cleared from a callback.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name
        self.me = self          # every object is its own cycle: only the collector frees it

    def __repr__(self):
        return "Obj(%s)" % self.name


gc.disable()
wvd = weakref.WeakValueDictionary()
wkd = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
log = []
survivors = [Obj("s%d" % i) for i in range(3)]


def on_final(name):
    # Runs inside gc.collect(): mutate every weak container.
    log.append("final " + name)
    wvd["new-" + name] = survivors[0]
    wkd[survivors[1]] = "from " + name
    ws.add(survivors[2])
    for k in list(wvd.keys()):
        if k.startswith("v"):
            del wvd[k]
    f = weakref.finalize(survivors[0], log.append, "never")
    f.detach()


def make(i):
    o = Obj("v%d" % i)
    wvd["v%d" % i] = o
    wkd[o] = i
    ws.add(o)
    weakref.finalize(o, on_final, o.name)


for i in range(5):
    make(i)
print(len(wvd), len(wkd), len(ws))
n = gc.collect()
print(sorted(log))
print(sorted(wvd.keys()), sorted(wkd.values()), len(ws))

# Finalizers that cancel other finalizers and clear containers mid-collection.
fins = []
objs = [Obj("c%d" % i) for i in range(4)]


def cancel_all(name):
    log.append("cancel from " + name)
    for f in fins:
        if f.alive:
            f.detach()
    wvd.clear()
    wkd.clear()
    ws.clear()


log.clear()
for o in objs:
    wvd[o.name] = o
    wkd[o] = o.name
    ws.add(o)
    fins.append(weakref.finalize(o, cancel_all, o.name))
del o
objs = None
gc.collect()
print(len(log), log[0].startswith("cancel from c"), len(wvd), len(wkd), len(ws))
print([f.alive for f in fins])

# A WeakValueDictionary callback's removal racing a setdefault from a finalizer.
d = weakref.WeakValueDictionary()
o = Obj("x")
d["k"] = o
weakref.finalize(o, lambda: d.setdefault("k", survivors[0]))
del o
gc.collect()
print(d.get("k"), len(d))
gc.enable()
print("done")
