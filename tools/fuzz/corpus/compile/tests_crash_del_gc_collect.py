# __del__ calling gc.collect() while a collection (or a refcount drop) is running it.
import gc
class D:
    def __init__(self, n): self.n = n; self.me = self
    def __del__(self):
        print("del", self.n, gc.collect())
for i in range(3):
    D(i)
print("collect", gc.collect() >= 3)
class E:
    def __del__(self):
        print("E del", gc.collect())
e = E()
del e
print("done")
