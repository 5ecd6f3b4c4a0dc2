# round(): huge floats round to exact big ints; ints round half to even at negative ndigits.
for f in (1e20, 2.5e20, 1e300, -1e300, 1.7976931348623157e308, 4.5e15, 2.0 ** 80 + 2.0 ** 28):
    print(round(f), round(f) == f)
for x, nd in [(12345678901234567890, -5), (15 * 10 ** 24, -25), (25 * 10 ** 24, -25),
              (-(35 * 10 ** 30), -31), (2 ** 100, -10), (2 ** 100, -40), (2 ** 100, -31),
              (5 * 10 ** 40, -41), (6 * 10 ** 40, -41), (2 ** 100, 3), (-(2 ** 100), -1)]:
    print(round(x, nd))
print(round(2 ** 100), round(-(2 ** 70), None), (2 ** 70).__round__(-3))
print(round(1e300, -290) == 10 ** 300, round(123456.5e20, -25))
import math
print(math.floor(1e300) == 10 ** 300, math.ceil(-2.5e25), math.trunc(7.5e22), math.floor(-(2.0 ** 70) - 0.5 * 2 ** 20))
print(math.floor(2 ** 100), math.ceil(-(2 ** 100)), math.trunc(3 ** 50))
for f in (float("inf"), float("nan")):
    try:
        round(f)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
