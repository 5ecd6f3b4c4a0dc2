# Powers: two-argument and three-argument pow, negative exponents, signs.
for e in (62, 63, 64, 65, 100, 127, 128, 200):
    print(e, 2 ** e, -(2 ** e), (-2) ** e)
print(3 ** 100, 10 ** 40, 7 ** 77)
print((-3) ** 41, (-3) ** 42)
print(pow(2, 1000) % 1000007, len(str(pow(3, 2000))))
print(pow(3, 1000, 10 ** 30), pow(2 ** 100, 3, 10 ** 9 + 7), pow(-5, 333, 2 ** 80))
print(pow(7, 10 ** 20, 13), pow(123456789, 2 ** 70 + 1, 10 ** 25 + 3))
print(pow(2 ** 100, 5, -(10 ** 12)), pow(-(2 ** 100), 3, 97))
print(pow(7, -1, 2 ** 89 - 1), pow(3, -5, 10 ** 20 + 1))
print(pow(2 ** 100, 0), pow(2 ** 100, 0, 1), pow(0, 0), pow(1, 10 ** 30), pow(-1, 10 ** 30 + 1))
print(2 ** -1, 2 ** -100, (2 ** 100) ** -1, (-(2 ** 70)) ** -1, (-(2 ** 70)) ** -3)
print((2 ** 10) ** 10 == 2 ** 100, (10 ** 5) ** 8, 10 ** 5 ** 2)
x = 2 ** 64
print(x ** 2, x ** 3 // x == x ** 2, pow(x, 2, x - 1))
try:
    pow(2, -1, 2 ** 70)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2 ** 70, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -(2 ** 70)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
