# Slices read and assigned with small-int or None bounds take a fast path in the loop (no
# slice object): every clamping rule, steps, empty results, lists vs tuples vs subclasses,
# and bounds that must fall back to the general path (huge ints, bools, __index__, floats).
a = list(range(10))
print(a[2:5], a[::-1], a[8:2:-2], a[-3:], a[:-3], a[100:], a[-100:3], a[3:3], a[::3])
print(a[5::-1], a[:5:-1], a[-1:-11:-1], a[-1:-12:-1], a[9:100:-1], a[0:0:-1], a[::-3])
print(a[2**47 - 1:], a[-2**47:2], a[:2**47 - 1:2], a[2**48:], a[-2**63:3], a[:2**70])
print(a[::2**47 - 1], a[::-2**47], a[True:3], a[1:False])
b = a[:]
print(b is a, b == a)
t = tuple(a)
print(t[1:4], t[:] is t, t[::2], t[::-1], t[5:100] is t, t[0:10] is t, t[-100:100] is t)


class Idx:
    def __index__(self):
        return 3


print(a[Idx():], a[:Idx()], a[::Idx()])
try:
    a[::0]
except ValueError as e:
    print("ValueError", e)
try:
    a[1.0:2]
except TypeError as e:
    print("TypeError", e)
try:
    t[::0]
except ValueError as e:
    print("ValueError", e)

# Assignment: same length (in place), shorter, longer, empty, extended slices.
b = list(range(10))
b[:3] = b[2::-1]
print(b)
b[2:5] = []
print(b)
b[1:1] = [7, 7, 7]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
b[-2:] = (8, 9, 10)
print(b)
b[:] = b
print(b)
b[5:2] = "xy"
print(b)
b[::-1] = range(len(b))
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    b[1:3] = 5
except TypeError as e:
    print("TypeError", e)
try:
    b[::3] = 5
except TypeError as e:
    print("TypeError", e)
c = list(range(40))
c[:30] = c[29::-1]
print(c)
c[3:33] = []
print(c)


class L(list):
    def __getitem__(self, k):
        return ("get", k)

    def __setitem__(self, k, v):
        print("set", k, v)


m = L([1, 2, 3])
print(m[1:2], m[::-1])
m[0:1] = [9]
print(list(m))


class Plain(list):
    pass


p = Plain(range(6))
print(p[1:4], type(p[1:4]).__name__, p[::-2])
p[:2] = [5, 5, 5]
print(p, type(p).__name__)


class Dying:
    def __init__(self, log, n):
        self.log, self.n = log, n

    def __del__(self):
        self.log.append(self.n)


log = []
d = [Dying(log, i) for i in range(3)]
d[0:2] = [1, 2]
print(sorted(log), d[2].n)
