# Cyclic garbage that dies in the old generation is reclaimed by the automatic collector alone
# (no gc.collect()), on a heap big enough for Ouro's incremental passes over the old
# generation: each cycle's __del__ and weak reference callback run exactly once.
import gc
import weakref

live = [[i] for i in range(60000)]  # a large old generation
finalized = {}
called = []


class Node:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        finalized[self.n] = finalized.get(self.n, 0) + 1


RING = 2000
ring = [None] * RING
refs = []
for i in range(150000):
    a = Node(i)
    b = [a]
    a.partner = b
    if i % 1000 == 0:
        refs.append(weakref.ref(a, lambda r: called.append(1)))
    ring[i % RING] = a  # the cycle stored RING iterations ago becomes garbage, old by now
del a, b
dropped = 150000 - RING
print("most cycles reclaimed without gc.collect():", len(finalized) >= dropped // 2)
print("finalized once:", max(finalized.values()) == 1)
print("callbacks so far once each:", len(called) <= len(refs))
ring = None
gc.collect()
print("all finalized:", len(finalized) == 150000, max(finalized.values()) == 1)
print("callbacks:", len(called) == len(refs), all(r() is None for r in refs))
print(len(live))
