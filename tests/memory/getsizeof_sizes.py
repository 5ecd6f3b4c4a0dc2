# sys.getsizeof reports what an object really holds: relations that hold for CPython and for
# Ouro's allocator (size classes, out-of-line tables), whatever the exact byte counts.
import sys

print(type(sys.getsizeof(0)).__name__, sys.getsizeof(0) > 0, sys.getsizeof(None) > 0)

# A list's size follows its capacity: never shrinks while appending, and grows overall.
l = []
sizes = [sys.getsizeof(l)]
for i in range(1000):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(all(a <= b for a, b in zip(sizes, sizes[1:])), sizes[-1] - sizes[0] >= 1000 * 8)

# Strings and tuples hold their items inline.
print(sys.getsizeof("a" * 1000) - sys.getsizeof("a") >= 990)
print(sys.getsizeof(tuple(range(100))) - sys.getsizeof((1,)) >= 99 * 8)

# A dict's and a set's tables are counted.
d = {i: i for i in range(1000)}
s = set(range(1000))
print(sys.getsizeof(d) > sys.getsizeof({}) + 1000 * 8, sys.getsizeof(s) > sys.getsizeof(set()) + 1000 * 8)

# Bigger ints take more room.
print(sys.getsizeof(2 ** 1000) > sys.getsizeof(2 ** 100))


# __sizeof__ is honoured, with the collector's header added as CPython does (16 bytes).
class Sized:
    def __init__(self, n):
        self.n = n

    def __sizeof__(self):
        return self.n


print(sys.getsizeof(Sized(100)), sys.getsizeof(Sized(0)))
try:
    sys.getsizeof(Sized(-1))
except ValueError as e:
    print("ValueError:", e)
print(sys.getsizeof(object(), 5) > 0)


class Slotted:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n

    def __sizeof__(self):
        return self.n


print(sys.getsizeof(Slotted(100)))
