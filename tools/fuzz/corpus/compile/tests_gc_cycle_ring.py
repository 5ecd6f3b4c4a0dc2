# A ring of instances linked out of creation order, plus a self-loop: __del__ runs once each,
# in the order CPython runs them.
import gc
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
gc.collect()
x = [A(i) for i in range(5)]
for i in range(5):
    x[i].nxt = x[(i + 2) % 5]
y = x[3]
del x
z = A(9)
z.me = z
del y, z
print(gc.collect() >= 6)
print(gc.collect())
