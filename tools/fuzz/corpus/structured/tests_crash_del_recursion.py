# Recursion in and around __del__: a finalizer that recurses without bound gets a
# RecursionError of its own, and a long chain of objects freed one after another (each __del__
# dropping the next) neither overflows the C stack nor loses a finalizer.
count = 0
def g(n):
    return g(n + 1)
class E:
    def __del__(self):
        try:
            g(0)
        except RecursionError:
            print("RecursionError in __del__")
e = E()
del e
class Link:
    def __init__(self, nxt): self.nxt = nxt
    def __del__(self):
        global count
        count += 1
head = None
for i in range(100000):
    head = Link(head)
del head
print(count)
l = None
for i in range(1000000):
    l = [l]
del l
d = None
for i in range(300000):
    d = {"k": d}
del d
print("end")
