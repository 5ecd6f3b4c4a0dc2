# The collector frees very deep cyclic structures without recursing on their depth:
# 200,000 nested lists, dicts and tuples closed into a cycle, and a 100,000-long ring of
# instances.
import gc
gc.disable()
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
for kind in ("list", "dict", "tuple"):
    bottom = []
    x = bottom
    for i in range(200000):
        if kind == "list":
            x = [x]
        elif kind == "dict":
            x = {"k": x}
        else:
            x = (x,)
    bottom.append(x)
    del x, bottom
    print(kind, gc.collect() >= 200000)
head = Node(None)
last = head
for i in range(99999):
    head = Node(head)
last.nxt = head
del head, last
print("ring", gc.collect() >= 100000)
gc.enable()
