# hash() of big ints is CPython's (modulus 2**61 - 1), so dicts and sets mix them with floats.
M = 2 ** 61 - 1
for x in (2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, 2 ** 100, 10 ** 30, -(2 ** 64), -(10 ** 30),
          -(2 ** 61 - 1), -(2 ** 61), M * 5 - 1, -M - 1, 3 ** 200):
    print(hash(x), hash(x) == (x % M if x >= 0 else -((-x) % M)) or hash(x) == -2)
print(hash(-(2 ** 61) - (2 ** 61 - 2)), hash(2 ** 64) == hash(2.0 ** 64), hash(2 ** 100) == hash(2.0 ** 100))
print(hash(2 ** 61) == hash(1), hash(M) == 0)
d = {}
for k in range(60, 70):
    d[2 ** k] = k
    d[-(2 ** k)] = -k
print(d[2 ** 65], d[-(2 ** 69)], 2.0 ** 66 in d, 2 ** 71 in d, len(d))
s = {2 ** 100, 2 ** 100, 2.0 ** 100, 10 ** 20, 1e20, 2 ** 64, 2 ** 64 + 1}
print(len(s), 2 ** 64 in s, 2 ** 64 + 2 in s)
counts = {}
for i in range(50):
    key = (2 ** 70 + i) % 7 + 2 ** 70
    counts[key] = counts.get(key, 0) + 1
print(sorted(counts.items()))
t = (2 ** 100, -(2 ** 100))
print(hash(t) == hash((2 ** 100, -(2 ** 100))), {t: 1}[(2 ** 100, -(2 ** 100))])
fs = frozenset([2 ** 80, 3 ** 60])
print(fs == frozenset([3 ** 60, 2 ** 80]), hash(fs) == hash(frozenset([3 ** 60, 2 ** 80])))
