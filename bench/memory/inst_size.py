# Bytes per instance of a class with three attributes set in __init__ (issue 8's target for
# Ouro: at most 64): allocates 100,000 instances into a list made beforehand and divides the
# growth of the resident set. RSS-based, so it measures CPython the same way. Under Ouro it also
# prints the allocator's own figure (sys._bytes_in_use, which CPython lacks), the measure issue 8
# names: RSS growth adds page rounding and the allocator's partly used pages.
# Run: ouro inst_size.py / python3 inst_size.py (both read /proc/self/statm).
import gc
import sys

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
inuse = getattr(sys, "_bytes_in_use", None)
before = inuse() if inuse else 0
for i in range(N):
    objs[i] = Point(1, 2, 3)
grown = rss() - base
line = "3-attribute instance: %.1f bytes each (RSS growth over %d instances)" % (grown / N, N)
if inuse:
    line += "; allocator %.1f bytes each" % ((inuse() - before) / N)
print(line)
