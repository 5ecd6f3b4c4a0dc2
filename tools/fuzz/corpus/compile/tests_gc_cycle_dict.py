# Cycles through dicts: a dict holding itself, and two dicts holding each other.
import gc
class Probe:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("freed", self.name)
gc.collect()
d = {"probe": Probe("self-dict")}
d["me"] = d
del d
print("collect 1:", gc.collect() >= 2)
a = {"p": Probe("pair")}
b = {"a": a}
a["b"] = b
del a, b
print("before collect 2")
print("collect 2:", gc.collect() >= 3)
