# Freeing deep structures (1,000,000-long linked lists of instances, 200,000-deep nested
# lists, dicts and tuples), by reference counting and by the collector: must not crash.
import gc
class Node:
    def __init__(self, nxt): self.nxt = nxt
head = None
for i in range(1000000): head = Node(head)
del head
print("refcount list freed")
head = None
for i in range(1000000): head = Node(head)
tail = head
while tail.nxt is not None: tail = tail.nxt
tail.nxt = head
del head, tail
print(gc.collect() >= 1000000)
for kind in ("list", "dict", "tuple"):
    x = None
    for i in range(200000):
        if kind == "list": x = [x]
        elif kind == "dict": x = {"k": x}
        else: x = (x,)
    del x
    print(kind, "refcount ok")
    x = []
    inner = x
    for i in range(200000):
        if kind == "list": x = [x]
        elif kind == "dict": x = {"k": x}
        else: x = (x,)
    inner.append(x)
    del x, inner
    print(kind, gc.collect() >= 200000)
