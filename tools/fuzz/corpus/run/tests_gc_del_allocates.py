# Finalizers that allocate, build new cycles, delete globals and create more garbage while the
# collector runs: nothing breaks, and the new garbage is found by the next collection.
import gc
made = []
victims = {"v": [1, 2, 3]}
class Busy:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        junk = [[j] * 10 for j in range(50)]
        cyc = {"i": self.i}
        cyc["self"] = cyc
        made.append(len(junk))
        if "v" in victims:
            del victims["v"]
        fresh = Busy2()
        fresh.me = fresh
class Busy2:
    def __del__(self):
        made.append("busy2")
gc.collect()
for i in range(20):
    Busy(i)
print("first:", gc.collect() >= 20)
print(made.count(50), made.count("busy2"), victims)
print("second:", gc.collect() >= 20)
print(made.count(50), made.count("busy2"))
print("third:", gc.collect())
