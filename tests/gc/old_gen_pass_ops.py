# The gc module's calls keep working while the automatic collector is part-way through the old
# generation (Ouro collects a large old generation in increments): get_referrers and
# get_objects see every object, freeze/unfreeze and collect(1) in the middle change nothing
# that a program can tell, and every cycle is still finalized exactly once.
import gc

live = [[i] for i in range(60000)]  # a large old generation
finalized = {}


class Node:
    def __init__(self, n):
        self.n = n
        self.peer = [self]

    def __del__(self):
        finalized[self.n] = finalized.get(self.n, 0) + 1


RING = 1000
ring = [None] * RING
seen = []
for i in range(100000):
    ring[i % RING] = Node(i)
    if i % 10000 == 5000:
        x = live[(i * 7) % 60000]
        seen.append(any(r is live for r in gc.get_referrers(x)))
        seen.append(any(o is x for o in gc.get_objects()))
    if i % 1500 == 1000:
        gc.freeze()
        seen.append(gc.get_freeze_count() > 60000)
        gc.unfreeze()
        seen.append(gc.get_freeze_count() == 0)
    if i % 3000 == 2000:
        gc.collect(1)
print(len(seen), all(seen))
ring = None
gc.collect()
print(len(finalized) == 100000, max(finalized.values()) == 1)
print(sum(len(l) for l in live))
