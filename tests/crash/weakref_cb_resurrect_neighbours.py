# A weak reference callback that tries to resurrect the neighbours of its dead referent through
# other weak references. When the referent dies by reference counting, its neighbours are still
# alive while the callback runs and may be kept. When it dies in a garbage cycle, every weak
# reference to the cycle is cleared before any callback runs, so the callback finds nothing to
# resurrect and the collector never hands out a half-destroyed object.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.items = [name] * 3

    def __repr__(self):
        return "Node(%s, %d)" % (self.name, len(self.items))


saved = []


def make_cb(label, neighbour_refs):
    def cb(w):
        found = [r() for r in neighbour_refs]
        print(label, "callback: referent", w(), "neighbours", found)
        saved.extend([x for x in found if x is not None])
    return cb


# 1. Death by reference count: a -> n -> m.
a, n, m = Node("a"), Node("n"), Node("m")
a.n = n
n.m = m
keep = weakref.ref(a, make_cb("refcount", [weakref.ref(n), weakref.ref(m)]))
del n, m
del a
print("saved", saved, [x.m for x in saved if hasattr(x, "m")])
saved.clear()

# 2. Death in a cycle: a <-> n -> m, all garbage together.
gc.disable()
a, n, m = Node("a"), Node("n"), Node("m")
a.n = n
n.a = a
n.m = m
keeps = [weakref.ref(a, make_cb("cycle a", [weakref.ref(n), weakref.ref(m)])),
         weakref.ref(n, make_cb("cycle n", [weakref.ref(a), weakref.ref(m)])),
         weakref.ref(m, make_cb("cycle m", [weakref.ref(a), weakref.ref(n)]))]
del a, n, m
gc.collect()
print("saved after cycle", saved)

# 3. The same, with a __del__ in the cycle that resurrects its own object: the callbacks still
#    see cleared references, and the resurrected object is intact afterwards.
class Phoenix(Node):
    def __del__(self):
        saved.append(self)
        print("__del__ of", self.name, "neighbour", self.other)


p, q = Phoenix("p"), Node("q")
p.other = q
q.p = p
keeps = [weakref.ref(p, make_cb("phoenix p", [weakref.ref(q)])),
         weakref.ref(q, make_cb("phoenix q", [weakref.ref(p)]))]
del p, q
gc.collect()
print("resurrected", saved, saved[-1].other, saved[-1].other.p is saved[-1])
saved.clear()
gc.collect()
gc.enable()
print("done")
