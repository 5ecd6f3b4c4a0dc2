# math functions on big ints: gcd, lcm, isqrt, log, sqrt.
import math
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(-(2 ** 90), 2 ** 64 * 3), math.gcd(10 ** 30, 10 ** 25 + 1))
print(math.gcd(2 ** 100, 0), math.gcd(0, -(3 ** 50)), math.gcd(), math.gcd(12, 18, 2 ** 70))
print(math.lcm(2 ** 64, 3 ** 40), math.lcm(4, 6, 0), math.lcm(-(2 ** 70), 6), math.lcm(*range(1, 60)))
for n in (10 ** 50, 2 ** 101, 2 ** 128 - 1, 2 ** 128, 3 ** 99, 99, 0):
    r = math.isqrt(n)
    print(r, r * r <= n < (r + 1) * (r + 1))
print(math.log(2 ** 1000), math.log10(10 ** 400), math.log2(2 ** 2000), math.log(10 ** 500, 10))
print(math.sqrt(2 ** 200), math.exp(math.log(2 ** 100)) > 1e30, math.log1p(2 ** 70))
try:
    math.isqrt(-(2 ** 100))
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(-(2 ** 100))
except ValueError as e:
    print("ValueError:", e)
try:
    math.sqrt(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(math.prod(range(1, 31)), math.prod([2 ** 40] * 4), math.fsum([2 ** 60, 1, -(2 ** 60)]))
