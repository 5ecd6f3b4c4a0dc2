# int -> float rounds to nearest (ties to even); float -> int is exact for huge floats.
for x in (2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 + 3, 2 ** 54 + 2, 2 ** 54 + 6, 2 ** 64 - 1,
          2 ** 64 + 2 ** 11, 2 ** 64 + 2 ** 11 + 1, 2 ** 64 + 3 * 2 ** 11, 10 ** 22, 10 ** 23, 3 ** 100,
          2 ** 1023, 2 ** 1024 - 2 ** 970 - 1, 2 ** 1024 - 2 ** 971 - 1):
    print(float(x), float(-x))
for x in (2 ** 1024, 2 ** 1024 - 2 ** 970 + 0, -(2 ** 1024), 10 ** 400):
    try:
        print(float(x))
    except OverflowError as e:
        print("OverflowError:", e)
for f in (1e19, -1e19, 1.5e30, 2.0 ** 100, -(2.0 ** 200), 1.7976931348623157e308, 123456789.99e20):
    print(int(f), int(f) == f)
for f in (float("inf"), float("-inf"), float("nan")):
    try:
        print(int(f))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(2 ** 70 + 0.5, 2 ** 70 * 1.5, 1.5 * 2 ** 70, 2 ** 70 - 1e21, 10 ** 30 / 1e10)
try:
    print(2 ** 1024 + 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1.0 * 10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print((2 ** 100).__float__(), float(2 ** 64) == 2 ** 64, (1e300).as_integer_ratio()[0] == int(1e300))
print((0.1).as_integer_ratio(), (2.0 ** -1074).as_integer_ratio()[1] == 2 ** 1074)
print((1e22).as_integer_ratio(), (-(2.0 ** 80)).as_integer_ratio())
