# Memory back to the OS: build 1,000,000 Person/friend pairs (each person's friend is another
# Person pointing back, a reference cycle) plus 500,000 small lists, drop them all, collect, and
# measure the resident set before, at the peak and after. Prints RSS base, peak and after in MB
# and the percent of the growth returned (issue 8's target: at least 95%).
# Run: ouro rss_return.py / python3 rss_return.py (both read /proc/self/statm).
import gc

PAGE = 4096  # Linux page size on x86-64 and most arm64 kernels


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.friend = None


def build(n_pairs, n_lists):
    people = []
    for i in range(n_pairs):
        a = Person("a", i)
        b = Person("b", i)
        a.friend = b
        b.friend = a
        people.append(a)
    lists = [[i, i + 1] for i in range(n_lists)]
    return people, lists


gc.collect()
base = rss()
people, lists = build(1000000, 500000)
peak = rss()
del people, lists
gc.collect()
after = rss()
grown = peak - base
returned = 100.0 * (peak - after) / grown if grown > 0 else 0.0
print("rss MB: base %.1f peak %.1f after %.1f; returned %.1f%%"
      % (base / 1e6, peak / 1e6, after / 1e6, returned))
