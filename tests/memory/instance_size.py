# What an instance with three attributes costs: 200,000 of them are made (their list made
# beforehand) and the growth of the resident set is divided among them. CPython 3.11 needs
# about 112 bytes each; Ouro's compact instances 64 (GC header, object header, shape word and
# three inline slots), where an instance with a dict of its own took over 300. sys.getsizeof
# reports the block itself. Reads /proc/self/statm (Linux); under AddressSanitizer, whose
# allocator pads every block, the growth is not checked.
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


keep = [None] * N
before = rss()
for i in range(N):
    keep[i] = Point(None, 2, 3.5)
per = (rss() - before) / N
print("bytes per instance below 128:", sanitized() or per < 128)
print("getsizeof at most 64:", sys.getsizeof(keep[0]) <= 64)
print(keep[N - 1].z, vars(keep[0]), sum(p.y for p in keep))
