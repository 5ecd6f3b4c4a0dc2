# Garbage that dies in the old generation is reclaimed by automatic collections alone (no
# gc.collect() after the drop), in the shapes Ouro's collector starts from dirty objects for:
# a cycle of old objects, a cycle between an old and a young object, a cycle whose last outside
# reference was a huge container's slot, garbage reached only through a clean old object, and
# frozen objects after gc.unfreeze(). The heap is grown past the size where old-generation
# collections become incremental, so that both the atomic and the incremental paths are
# covered. CPython finds the same garbage with its full collections.
import gc

freed = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        freed.append(self.name)


def churn(n):
    # Allocates n short-lived containers and keeps n // 4 of them: the heap grows, so every
    # generation becomes due in both implementations.
    keep = []
    for i in range(n):
        x = [i]
        if i % 4 == 0:
            keep.append(x)
    return keep


def check(name, kept):
    for _ in range(200):
        if name in freed:
            break
        kept.append(churn(20000))
    print(name, name in freed)


live = [[i] for i in range(150000)]  # a large old generation
gc.collect()
kept = []

# A cycle of two old objects, then dropped.
a = Node("old cycle")
b = Node("old partner")
a.other = b
b.other = a
gc.collect()
del a, b
check("old cycle", kept)

# An old object and a young one referring to each other.
o = Node("old-young")
gc.collect()
y = [o]
o.other = y
del o, y
check("old-young", kept)

# A cycle whose only outside reference was a slot of a huge list.
big = [None] * 10000
c = Node("in big list")
c.other = [c]
big[5000] = c
gc.collect()
del c
big[5000] = None
check("in big list", kept)

# Garbage reached through a clean old object: the old object is clean, its young partner
# made garbage by the drop.
holder = Node("clean holder")
holder.other = holder
gc.collect()
young = Node("young behind")
young.other = holder
holder.other = young
del young, holder
check("clean holder", kept)

# Frozen objects that become garbage are found after gc.unfreeze().
f = Node("frozen")
f.other = f
gc.freeze()
del f
gc.unfreeze()
check("frozen", kept)

print(sorted(freed))
del kept, live, big
gc.collect()
