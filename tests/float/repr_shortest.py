# repr() of a float is the shortest string that reads back to it. Powers of two are the hard
# case (uneven spacing of the doubles around them), so every one is printed, then a spread of
# doubles built from integer mantissas and exponents.
import math
out = []
for e in range(-1074, 1024):
    out.append(repr(2.0 ** e))
print(len(out))
for i in range(0, len(out), 7):
    print(" ".join(out[i:i + 7]))
seed = 12345
for i in range(400):
    seed = (seed * 1103515245 + 12345) % 2147483648
    m = seed % 9007199254740992
    seed = (seed * 1103515245 + 12345) % 2147483648
    e = seed % 600 - 300
    x = math.ldexp(float(m | 1), e)
    print(repr(x), repr(-x / 3), str(x * 1e10))
