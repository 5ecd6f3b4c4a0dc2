# `o[k] op= v` with a constant index runs as two fused instructions (SUBSCR_SMALLINT_DUP,
# ROT_THREE_STORE_SUBSCR) that go straight to the items of an exact list (reads: or tuple) and
# must fall back, with CPython's errors and call order, for everything else.
a = [1.5, 2, "x", [1]]
a[0] -= 0.25
a[1] *= 3
a[2] += "y"
a[3] += [2]
a[-1] += [3]
a[-4] **= 2
print(a)
n = [7]
n[0] //= 2
n[0] <<= 40
n[0] *= 1 << 30
print(n)

# Out of range, both ends, and an empty list.
for seq, k in (([1, 2], 2), ([1, 2], -3), ([], 0)):
    try:
        if k == 2:
            seq[2] += 1
        elif k == -3:
            seq[-3] += 1
        else:
            seq[0] += 1
    except IndexError as e:
        print("IndexError", e)

# A tuple reads fast but cannot be stored to.
t = (1, 2)
try:
    t[0] += 1
except TypeError as e:
    print("TypeError", e)
print(t)


# Subclasses keep their own __getitem__/__setitem__, called in CPython's order.
class L(list):
    def __getitem__(self, i):
        print("get", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)


s = L([10, 20, 30])
s[1] += 5
s[-1] -= 1
print(s)


class T(tuple):
    def __getitem__(self, i):
        return 100


try:
    tt = T((1, 2))
    tt[0] += 1
except TypeError as e:
    print("TypeError", e)


# Dicts and other mappings with a small-int key.
d = {0: 1, -1: 2}
d[0] += 10
d[-1] -= 10
print(d)
try:
    d[5] += 1
except KeyError as e:
    print("KeyError", e)


# The value's __iadd__ runs between the read and the write; it may shrink the list, and the
# store then fails (or not) exactly as CPython's does.
class Shrink:
    def __init__(self, lst):
        self.lst = lst

    def __iadd__(self, other):
        self.lst.clear()
        return "after"


x = [0, 0]
x[1] = Shrink(x)
try:
    x[1] += 1
except IndexError as e:
    print("IndexError", e)
print(x)
y = [0]
y[0] = Shrink([])
y[0] += 1
print(y)


# The old item is released after the store: its __del__ sees the new value in place.
class D:
    def __init__(self, lst):
        self.lst = lst

    def __del__(self):
        print("del sees", self.lst[0])

    def __add__(self, other):
        return "new"


z = [None]
z[0] = D(z)
z[0] += 1
print(z)


# Many runs of the pair in a loop: floats, ints and reference counts stay right.
acc = [0.0, 0, 0]
for i in range(1000):
    acc[0] += 0.5
    acc[1] += i
    acc[2] -= 1
print(acc)
