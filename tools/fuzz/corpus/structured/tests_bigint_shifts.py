# Shifts: left shifts grow without limit, right shifts floor (toward minus infinity).
for k in (0, 1, 31, 32, 33, 47, 48, 63, 64, 65, 100, 200):
    print(k, 1 << k, -1 << k, 3 << k, (5 << k) >> k)
x = 2 ** 150 + 2 ** 75 + 12345
for k in (0, 1, 13, 32, 64, 75, 76, 149, 150, 151, 1000):
    print(k, x >> k, -x >> k)
print(-1 >> 100, -(2 ** 100) >> 100, -(2 ** 100) >> 99, (-(2 ** 100) - 1) >> 100)
print((-(2 ** 70) + 1) >> 3, -(2 ** 70) >> 3, 2 ** 70 >> 2 ** 70, -(2 ** 70) >> 2 ** 70)
print(0 << 2 ** 70, 1 << 64 >> 64, (2 ** 64 - 1) << 1)
y = 12345678901234567890
print(y << 7, y >> 7, (y << 100) >> 100 == y)
for s in (-1, -(2 ** 70)):
    try:
        print(1 << s)
    except ValueError as e:
        print("ValueError:", e)
    try:
        print(2 ** 70 >> s)
    except ValueError as e:
        print("ValueError:", e)
