# Cost of a young collection (gc.collect(0)) with 1,000,000 live objects in the old
# generation: it must stay proportional to the young objects (about a hundred here), not to
# the heap. Prints microseconds per young collection. Run: ouro young_gc.py / python3 young_gc.py
import gc, time

class Node:
    def __init__(self, nxt):
        self.nxt = nxt

old = [[i] for i in range(1000000)]   # 1,000,000 tracked lists (plus the outer list)
gc.collect()                          # everything now lives in the oldest generation
gc.disable()                          # only the collections timed below
rounds = 2000
young_total = 0.0
for r in range(rounds):
    young = [Node(None) for i in range(50)]   # about 100 young tracked objects
    t0 = time.perf_counter()
    gc.collect(0)
    young_total += time.perf_counter() - t0
print("young collection: %.1f us (1,000,000 old objects)" % (young_total / rounds * 1e6))
