# Survivors of a collection move to the next generation; a collection of generation g only
# looks at generations <= g, so garbage that reached the old generation waits for it.
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("freed", self.name)
gc.disable()
gc.collect()
old = Node("old")
gc.collect()
del old
young = Node("young")
del young
print("collect(0):", gc.collect(0) >= 1)
print("collect(1):", gc.collect(1))
print("collect(2):", gc.collect(2) >= 1)
mid = Node("mid")
gc.collect(0)
del mid
print("collect(0) again:", gc.collect(0))
print("collect(1) again:", gc.collect(1) >= 1)
gc.enable()
