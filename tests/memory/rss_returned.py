# Memory goes back to the OS: after a large structure of instances, cycles and small lists is
# dropped and collected, the resident set falls back near where it started (at least 80% of
# the growth returned). Reads /proc/self/statm (Linux). Under AddressSanitizer, whose
# allocator keeps freed memory in quarantine, the figure is not checked.
import gc

PAGE = 4096


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def sanitized():
    with open("/proc/self/maps") as f:
        return "libasan" in f.read()


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.friend = None


def build(n):
    people = []
    for i in range(n):
        a = Person("a", i)
        b = Person("b", i)
        a.friend = b
        b.friend = a
        people.append(a)
    lists = [[i, i + 1] for i in range(n)]
    return people, lists


gc.collect()
base = rss()
people, lists = build(60000)
peak = rss()
print("grew", peak - base > 10 * 1024 * 1024)
del people, lists
gc.collect()
after = rss()
returned = (peak - after) / (peak - base)
print("returned", sanitized() or returned >= 0.8)
