# gc.get_objects(), gc.get_referrers() and gc.get_referents() called from code that runs while
# objects are being deallocated: weak reference callbacks of the dying object itself, callbacks
# and __del__ methods of the items of a list being freed, and finalizers inside gc.collect().
# The dying objects must not be handed out (an earlier Ouro returned them, and the program then
# used freed memory); everything that is returned stays usable.
import gc
import weakref

grabbed = []


class Node:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3

    def __repr__(self):
        return "Node(%s)" % self.name


class Grabber(Node):
    def __del__(self):
        grabbed.append([o for o in gc.get_objects() if isinstance(o, Node)])
        grabbed.append(gc.get_referrers(self))
        grabbed.append(gc.get_referents(self))
        grabbed.append(gc.get_referents(*gc.get_referrers(self)))


class Dropper(Node):
    def __del__(self):
        grabbed.append([o for o in gc.get_objects() if isinstance(o, list)])


def cb(w):
    grabbed.append([o for o in gc.get_objects() if isinstance(o, (Node, list, dict))])
    grabbed.append(gc.get_referrers(*[o for o in gc.get_objects() if isinstance(o, Node)]))


def touch():
    # Use every object handed out (not repr() of the lists: they share items, and printing
    # them all would take exponential time).
    n = 0
    for g in grabbed:
        for o in g:
            if isinstance(o, Node):
                o.data.append(len(o.name))
            elif isinstance(o, (list, dict)):
                n += len(o) >= 0
            else:
                n += hash(type(o)) != 0
    grabbed.clear()
    return n > 0


# Finalizers and callbacks inside gc.collect().
gc.disable()
for round in range(3):
    a, b, c = Grabber("a"), Node("b"), Node("c")
    a.b = b
    b.c = c
    c.a = a
    ws = [weakref.ref(x, cb) for x in (a, b, c)]
    del a, b, c
    gc.collect()
    print("round", round, "touched", touch())
gc.enable()


# Callbacks of objects freed by reference counting, from a list being freed.
class Holder:
    pass


h = Holder()
h.items = [Node(str(i)) for i in range(50)]
ws = [weakref.ref(n, cb) for n in h.items]
h.items = None
print("callbacks", len(grabbed), "touched", touch())

# __del__ of the items of a list being freed, and of a list inside a tuple inside a dict.
h.items = [Dropper(str(i)) for i in range(20)]
h.items = None
print("dels", len(grabbed), "touched", touch())
d = {"t": ([Dropper("x"), Dropper("y")],)}
d = None
print("nested dels", len(grabbed), "touched", touch())
print("end")
