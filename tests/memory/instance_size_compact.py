# Ouro's own figures for compact instances (deliberate difference, hand-written .exp: CPython
# 3.11 needs about 112 bytes for the first case, and its sys.getsizeof leaves out the values).
# - three attributes set in __init__: 64 bytes (16 GC header + 16 object header + 8 shape
#   word + 3 x 8 slots), which sys.getsizeof reports exactly; the growth of the resident set
#   over 200,000 of them (their list made beforehand) is checked as at most 76 bytes each,
#   which allows for page rounding and for the GC-stress build's extra collections;
# - five attributes set from outside the class (no `self.NAME` store to count): the first
#   instances overflow the default capacity and make the class give later ones five slots,
#   so 80 bytes each;
# - the same instances once their __dict__ has been asked for: a real dict each (far more).
# Under AddressSanitizer, whose allocator pads every block, the resident set is not checked.
import sys

PAGE = 4096
N = 200000


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def sanitized():
    with open("/proc/self/maps") as f:
        return "libasan" in f.read()


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Record:
    pass


def record():
    r = Record()
    r.a = 1
    r.b = 2
    r.c = 3
    r.d = 4
    r.e = 5
    return r


def per_instance(make):
    keep = [None] * N
    before = rss()
    for i in range(N):
        keep[i] = make()
    return (rss() - before) / N, keep


asan = sanitized()
per, points = per_instance(lambda: Point(1, 2, 3))
print("3 attributes, at most 76 bytes:", asan or per <= 76, sys.getsizeof(points[0]))
for _ in range(10):
    record()
per, records = per_instance(record)
print("5 attributes set from outside:", sys.getsizeof(records[0]), sys.getsizeof(records[-1]))
before = rss()
for p in points:
    p.__dict__
per = (rss() - before) / N
print("__dict__ asked for, at least 100 bytes more:", asan or per >= 100)
print(sum(p.x + p.z for p in points), sum(r.e for r in records), vars(points[-1]))
