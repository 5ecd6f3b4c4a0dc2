# gc.collect() from a weakref callback that the collector runs returns 0, and allocating and
# making new cycles there is safe; the next collection finds them.
import gc
import weakref
made = []
class Node:
    pass
def cb(ref):
    print("in callback, collect ->", gc.collect())
    x = Node()
    x.me = x
    made.append(weakref.ref(x))
gc.collect()
n = Node()
n.me = n
keep = weakref.ref(n, cb)
del n
print(gc.collect() >= 1)
print(made[0]() is not None)
print(gc.collect() >= 1, made[0]() is None)
