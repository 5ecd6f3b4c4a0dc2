# `a, b = seq` into two locals runs as one instruction (UNPACK2_STORE_FAST) for an exact tuple
# or list of two; other lengths, other types and subclasses fall back to UNPACK_SEQUENCE with
# CPython's errors, and old values are released in CPython's order.
def pairs(seqs):
    out = []
    for s in seqs:
        a, b = s
        out.append((a, b))
    return out


class T(tuple):
    def __iter__(self):
        return iter(["it0", "it1"])


class L(list):
    pass


def gen():
    return iter((1, 2))


print(pairs([(1, 2), [3, 4], "xy", T((5, 6)), L([7, 8]), gen(), {9: 0, 10: 0}, range(2)]))

for bad in ((1,), (1, 2, 3), [], [1, 2, 3], "xyz", 5, None):
    try:
        pairs([bad])
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


# Same local twice: the second item wins, as two STORE_FASTs would leave it.
def same(t):
    x, x = t
    return x


print(same((1, 2)), same([3, 4]))


# Swapping, and a for loop over pairs.
def swap(a, b):
    a, b = b, a
    return a, b


print(swap(1, 2))
t = 0
for i, j in [(1, 2), (3, 4), [5, 6]]:
    t += i * j
print(t)


# Replaced values are released after each store, the first local's before the second is set.
class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def release():
    t = (D("a0"), D("b0"))
    a, b = t
    t = None
    print("start")
    t = (D("a1"), D("b1"))
    a, b = t
    t = None
    print("after")
    a, b = [1, 2]
    print("end", a, b)


release()


# The sequence itself goes away before the stores when it held the last references.
def make_pair():
    return (D("x"), D("y"))


def last_refs():
    a, b = make_pair()
    print("got", a.name, b.name)
    del a
    print("deleted a")


last_refs()
print("done")
