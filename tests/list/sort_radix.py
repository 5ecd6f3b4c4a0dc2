# Sorting many small ints (Ouro radix-sorts 256 or more small-int keys): the result must be
# the stable, ordered permutation that CPython's sort gives, at the size boundary, with
# negative keys, keys near the small-int limit (2**47) and beyond it (big ints), key functions
# with repeated keys, reverse, and a key that raises.
def lcg(n, seed, mod):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        out.append(x % mod)
    return out


def digest(xs):
    h = 0
    for i, v in enumerate(xs):
        h = (h * 31 + hash(v) + i) % 1000000007
    return h


for n in (255, 256, 257, 1000, 5000):
    data = lcg(n, n, 1000)
    a = sorted(data)
    print(n, a[:5], a[-5:], digest(a), a == sorted(data, key=lambda v: v))
    neg = [v - 500 for v in data]
    print(sorted(neg)[:4], sorted(neg, reverse=True)[:4], digest(sorted(neg)))

# Keys across the whole small-int range and past it (mixed with big ints: not all small).
wide = [(-1) ** i * (2 ** 47 - 1 - i * 7919) for i in range(300)]
s = sorted(wide)
print(s[:3], s[-3:], digest(s))
wide2 = wide + [2 ** 47, -(2 ** 47) - 1, 2 ** 70]
s2 = sorted(wide2)
print(s2[:2], s2[-2:])
print(sorted([0, -1, 1, -(2 ** 47), 2 ** 47 - 1] * 60)[::60])

# Stability: items with equal keys keep their order, forwards and reversed.
items = [(v % 10, i) for i, v in enumerate(lcg(600, 3, 100))]
by_key = sorted(items, key=lambda t: t[0])
print(by_key[:6], by_key[-3:], digest(by_key))
rev = sorted(items, key=lambda t: t[0], reverse=True)
print(rev[:6], rev[-3:], digest(rev))
words = ["w%d" % v for v in lcg(400, 9, 50)]
ws = sorted(words, key=len)
print(ws[:5], ws[-5:])
objs = [[v] for v in lcg(500, 11, 7)]
o = sorted(objs, key=lambda l: l[0])
print([x[0] for x in o[::50]], o[0] is objs[[x[0] for x in objs].index(0)])

# In place, bools are not small ints here (CPython sorts them as ints all the same).
data = lcg(700, 5, 300)
data.sort(reverse=True)
print(data[:5], data[-5:])
mixed = [True, False, 3, -2] * 80
mixed.sort()
print(mixed[:3], mixed[-3:], [type(x).__name__ for x in mixed[78:82]])

# A key function that raises leaves the list as it was.
data = lcg(400, 13, 1000)
before = list(data)
target = data[200]


def bad(v):
    if v == target:
        raise ValueError("bad key")
    return v
try:
    data.sort(key=bad)
except ValueError as e:
    print("ValueError", e, data == before)
