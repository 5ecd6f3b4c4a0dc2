# Freeing very deep structures by reference counting must not overflow the C stack:
# 200,000 nested lists, dicts and tuples, and a 100,000-long linked list of instances.
import gc
gc.disable()
class Node:
    def __init__(self, nxt):
        self.nxt = nxt
for kind in ("list", "dict", "tuple"):
    x = None
    for i in range(200000):
        if kind == "list":
            x = [x]
        elif kind == "dict":
            x = {"k": x}
        else:
            x = (x,)
    del x
    print(kind, "freed")
head = None
for i in range(100000):
    head = Node(head)
del head
print("linked list freed")
gc.enable()
