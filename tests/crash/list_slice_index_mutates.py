# Slice bounds whose __index__ changes the list being sliced: the length must be read after
# the bounds are evaluated (an earlier Ouro read it before and copied freed items), for
# reading, assigning and deleting slices, and for the other index-taking list methods.
class Idx:
    def __init__(self, l, v, grow=False):
        self.l = l
        self.v = v
        self.grow = grow

    def __index__(self):
        if self.grow:
            self.l.extend(range(100, 105))
        else:
            self.l.clear()
        return self.v


def fresh():
    return list(range(10))


l = fresh()
print("get", l[Idx(l, 2):Idx(l, 8)])
l = fresh()
print("get step", l[Idx(l, 1)::Idx(l, 3)])
l = fresh()
print("get grow", l[Idx(l, 8, True):Idx(l, 12, True)])
l = fresh()
del l[Idx(l, 2):Idx(l, 8)]
print("del", l)
l = fresh()
del l[::Idx(l, 2)]
print("del step", l)
l = fresh()
del l[Idx(l, 1, True)::Idx(l, 3, True)]
print("del step grow", l)
l = fresh()
l[Idx(l, 2):Idx(l, 8)] = [1, 2]
print("set", l)
l = fresh()
try:
    l[::Idx(l, 2)] = [1, 2, 3, 4, 5]
except ValueError as e:
    print("set step", e)
print(l)
l = fresh()
try:
    l[Idx(l, 3)] = 5
except IndexError as e:
    print("setitem", e)
l = fresh()
try:
    print(l.pop(Idx(l, 3)))
except IndexError as e:
    print("pop", e)
l = fresh()
l.insert(Idx(l, 3), 9)
print("insert", l)
l = fresh()
try:
    print(l[Idx(l, 3)])
except IndexError as e:
    print("getitem", e)
l = fresh()
try:
    print(l.index(5, Idx(l, 0), Idx(l, 9)))
except ValueError as e:
    print("index", e)

# Simple slice assignment from an iterable that changes the list while it is read: the slice
# is clamped to the list's new length.
class Clears:
    def __iter__(self):
        l.clear()
        return iter([1, 2, 3])


class Grows:
    def __iter__(self):
        l.extend(range(100, 103))
        return iter([7, 8])


l = fresh()
l[2:6] = Clears()
print("assign clears", l)
l = fresh()
l[8:10] = Grows()
print("assign grows", l)
l = fresh()
l[::2] = (Grows() and [9] * 5)
print("assign step", l)
