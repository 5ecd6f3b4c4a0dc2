# With the collector disabled, cycles pile up and no finalizer runs, however many are made;
# gc.collect() still works while disabled.
import gc
freed = []
class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        freed.append(self.i)
gc.collect()
gc.disable()
print(gc.isenabled())
for i in range(5000):
    Node(i)
print("freed while disabled:", len(freed))
n = gc.collect()
print("collect:", n >= 5000, len(freed))
print(freed[:3], sorted(freed) == list(range(5000)))
gc.enable()
print(gc.isenabled())
