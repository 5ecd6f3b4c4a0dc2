# __del__ resurrects its object (once: a second drop must not call __del__ again),
# transitively (the resurrected object keeps its children alive), and inside a cycle.
import gc
saved = []
class R:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
        saved.append(self)
r = R("a")
del r
print(len(saved), saved[0].name)
x = saved.pop()
del x
print("after second drop", len(saved))
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("node del", self.name)
        if self.name == "top":
            saved.append(self)
n = Node("top", Node("mid", Node("leaf")))
del n
print(len(saved), saved[0].child.child.name)
saved.clear()
print("cleared")
a = Node("cyc1"); b = Node("cyc2", a); a.child = b
del a, b
print("collected", gc.collect() > 0)
print(len(saved), saved[0].name if saved else None)
saved.clear()
gc.collect()
print("end")
