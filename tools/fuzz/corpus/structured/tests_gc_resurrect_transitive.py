# A resurrected object keeps everything it reaches, intact: the other members of its cycle
# and the containers they hold; their own finalizers still run exactly once.
import gc
keep = []
class Node:
    def __init__(self, name):
        self.name = name
        self.data = [name] * 3
    def __del__(self):
        print("del", self.name)
        if self.name == "a":
            keep.append(self)
gc.collect()
a = Node("a")
b = Node("b")
c = Node("c")
a.nxt = b
b.nxt = c
c.nxt = a
b.d = {"list": [1, 2, 3], "c": c}
del a, b, c
print("collect:", gc.collect())
a = keep[0]
print(a.nxt.name, a.nxt.nxt.name, a.nxt.nxt.nxt is a)
print(a.nxt.d["list"], a.nxt.d["c"].data)
print([gc.is_finalized(x) for x in (a, a.nxt, a.nxt.nxt)])
keep.clear()
del a
print("collect again:", gc.collect() >= 3)
