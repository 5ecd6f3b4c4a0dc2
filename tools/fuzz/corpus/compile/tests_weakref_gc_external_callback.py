# Weak references from outside a garbage cycle are cleared by gc.collect() and their
# callbacks run, newest first for one object.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def make_cycle():
    a, b = Node("a"), Node("b")
    a.other, b.other = b, a
    return a, b


gc.disable()
a, b = make_cycle()
log = []
ra = weakref.ref(a, lambda w: log.append(("a", w is ra, w())))
rb1 = weakref.ref(b, lambda w: log.append(("b1", w())))
rb2 = weakref.ref(b, lambda w: log.append(("b2", w())))
plain = weakref.ref(a)
pb = weakref.proxy(b)
del a, b
print(ra() is not None, plain().name, pb.name, log)
n = gc.collect()
print(n >= 2, ra(), plain(), rb1(), sorted(log))
print(log.index(("b2", None)) < log.index(("b1", None)))
try:
    pb.name
except ReferenceError as e:
    print(e)
# Every weak reference to the set is dead before the first callback runs.
x, y = make_cycle()
seen = []
rx = weakref.ref(x, lambda w: seen.append((rx(), ry())))
ry = weakref.ref(y, lambda w: seen.append((rx(), ry())))
del x, y
gc.collect()
print(seen)
gc.enable()
