# PEP 442: a finalizer may resurrect its object; it survives intact, and its __del__ never
# runs a second time, even when it becomes garbage again.
import gc
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)
gc.collect()
Phoenix("p")
print("collect 1:", gc.collect() >= 1)
p = saved[0]
print(p.name, p.me is p, gc.is_finalized(p))
saved.clear()
del p
print("collect 2:", gc.collect() >= 1)
print(len(saved))
