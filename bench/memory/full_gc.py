# Cost of a full gc.collect() per tracked object, over a heap of 1,000,000 small lists, an
# instance graph and dicts. Prints nanoseconds per tracked object.
# Run: ouro full_gc.py / python3 full_gc.py
import gc, time

class Node:
    def __init__(self, nxt):
        self.nxt = nxt

lists = [[i] for i in range(600000)]
head = None
for i in range(200000):
    head = Node(head)
dicts = [{"k": [i]} for i in range(100000)]
gc.collect()
gc.disable()
n = len(gc.get_objects())
best = 1e9
for r in range(5):
    t0 = time.perf_counter()
    gc.collect()
    best = min(best, time.perf_counter() - t0)
print("full collection: %.1f ns per tracked object (%d tracked)" % (best / n * 1e9, n))
