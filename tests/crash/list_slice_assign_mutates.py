# Extended-slice assignment from an iterable whose iteration resizes the list. CPython 3.11
# computes the slice before reading the iterable and then writes past the list's end
# (a segmentation fault); Ouro checks the slice again and raises RuntimeError. This is a
# deliberate difference, hence the hand-written .exp (CPython cannot produce an .out).
l = list(range(10))


class Clears:
    def __iter__(self):
        l.clear()
        return iter([1, 2, 3, 4, 5])


class Grows:
    def __iter__(self):
        l.extend(range(100, 105))
        return iter([1, 2, 3, 4, 5])


class Shrinks:
    def __iter__(self):
        del l[5:]
        return iter([1, 2, 3])


for it, sl in ((Clears(), slice(None, None, 2)), (Shrinks(), slice(8, 2, -2)),
               (Shrinks(), slice(0, 9, 3))):
    l = list(range(10))
    try:
        l[sl] = it
        print("assigned", l)
    except RuntimeError as e:
        print("RuntimeError:", e, l)
l = list(range(10))
l[::2] = Grows()
print("grown", l)
l = list(range(10))
l[0:5:2] = Shrinks()
print("still fits", l)
