# Issue 8's measure of a compact instance (Ouro only: sys._bytes_in_use has no CPython
# counterpart, so the expectation is hand-written): 100,000 instances with three attributes set
# in __init__, the allocator's bytes in use over the second half of them divided by their
# count (the loop's own set-up falls in the first half). The list
# that holds them is made beforehand, so only the instances count: 64 bytes each (16 GC header,
# 16 object header, 8 shape word, 3 x 8 slots), whatever the allocator (pools, or malloc under
# the sanitizers, which ask for the same sizes).
import sys

N = 100000


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


keep = [None] * N
before = sys._bytes_in_use()
mid = 0
for i in range(N):
    if i == N // 2:
        mid = sys._bytes_in_use()  # the loop's own set-up (its iterator, caches) is behind us
    keep[i] = Point(i, 2.5, "z")
per = (sys._bytes_in_use() - mid) / (N - N // 2)
print("bytes per 3-attribute instance:", round(per, 1), sys.getsizeof(keep[0]))
print("at most 64:", per <= 64)
del keep
after = sys._bytes_in_use()
print("all returned:", after <= before)
