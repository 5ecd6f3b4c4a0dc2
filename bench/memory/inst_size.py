# Bytes per instance of a class with three attributes set in __init__ (issue 8's target for
# Ouro: at most 64): allocates 100,000 instances into a list made beforehand and divides the
# growth of the resident set. RSS-based, so it measures CPython the same way.
# Run: ouro inst_size.py / python3 inst_size.py (both read /proc/self/statm).
import gc

PAGE = 4096
N = 100000


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


objs = [None] * N
gc.collect()
base = rss()
for i in range(N):
    objs[i] = Point(1, 2, 3)
grown = rss() - base
print("3-attribute instance: %.1f bytes each (RSS growth over %d instances)" % (grown / N, N))
