# Weak reference callbacks that delete entries of a dict while that dict is being iterated:
# the iteration must notice the change (RuntimeError, as CPython) instead of reading freed
# entries, whether the callback runs on a plain decref or inside gc.collect().
import gc
import weakref


class Obj:
    def __init__(self, n):
        self.n = n


def run(label, drop):
    d = {}
    objs = [Obj(i) for i in range(8)]
    refs = []

    def make_cb(k):
        def cb(w):
            d.pop(k, None)
            d.pop(k + 1, None)
        return cb

    for i, o in enumerate(objs):
        d[i] = o
        refs.append(weakref.ref(o, make_cb(i)))
    seen = []
    try:
        for k in d:
            seen.append(k)
            if k == 2:
                drop(objs, d)
    except RuntimeError as e:
        print(label, "RuntimeError:", e)
    print(label, "seen", seen, "left", sorted(d))


def drop_plain(objs, d):
    # The dict holds the objects too: remove both references so the callback fires now.
    o = objs[5]
    objs[5] = None
    d[5] = None
    del o


def drop_cycle(objs, d):
    # The object dies in a garbage cycle: its callback runs inside the collector.
    o = objs[4]
    o.me = o
    objs[4] = None
    d[4] = None
    del o
    gc.collect()


run("plain", drop_plain)
run("cycle", drop_cycle)

# Values and items views, with the callback emptying the whole dict.
for name in ("values", "items"):
    d = {}
    for i in range(10):
        d[i] = i
    o = Obj(1)
    r = weakref.ref(o, lambda w: d.clear())
    try:
        for v in getattr(d, name)():
            o = None
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
    print(name, len(d))

# A callback that deletes from a dict iterated through list(): the list is taken first.
d = {}
keep = []
for i in range(5):
    o = Obj(i)
    keep.append(o)
    d[i] = weakref.ref(o, lambda w, i=i: d.pop(i, None))
del o
for k in list(d):
    if k != 3:
        keep[k] = None
print("list() then delete:", sorted(d))
