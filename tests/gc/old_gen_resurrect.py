# Finalizers that resurrect their object while the automatic collector works through a large
# old generation: the resurrected objects stay intact (their attributes and partners), their
# __del__ never runs twice, and gc.collect() afterwards counts exactly what CPython counts.
import gc

live = [[i] for i in range(60000)]  # a large old generation
saved = []
runs = {}


class Phoenix:
    def __init__(self, n):
        self.n = n
        self.partner = [self, "payload", n]

    def __del__(self):
        runs[self.n] = runs.get(self.n, 0) + 1
        if self.n % 7 == 0:
            saved.append(self)  # resurrection


RING = 1500
ring = [None] * RING
for i in range(120000):
    ring[i % RING] = Phoenix(i)
ring = None
gc.collect()
print("finalized:", len(runs) == 120000, max(runs.values()) == 1)
print("resurrected:", len(saved) == len([n for n in range(120000) if n % 7 == 0]))
print("intact:", all(p.partner[0] is p and p.partner[2] == p.n for p in saved))
del saved[:]
print("collected again:", gc.collect() >= 2 * (120000 // 7))
print("no second __del__:", max(runs.values()) == 1)

# gc.collect() still counts a known amount of garbage exactly, with or without a pass
# under way.
for k in range(3):
    for i in range(20000):
        x = [i]
        x.append([x])
    cycles = []
    for i in range(1000):
        a = []
        b = [a]
        a.append(b)
        cycles.append(a)
    gc.collect()
    del cycles, a, b
    print(gc.collect())
print(len(live))
