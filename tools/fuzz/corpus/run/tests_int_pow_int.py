# Integer powers, negative exponents, three-argument pow.
print(2 ** 0, 2 ** 1, 2 ** 31, 2 ** 32, 3 ** 20, (-3) ** 3, (-2) ** 62)
print(pow(2, 10), pow(2, -1), pow(-2, -2), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 1000000007), pow(-3, 3, 7), pow(3, 3, -7))
print(10 ** 18, -(10 ** 18), 7 ** 22)
print(0 ** 5, 1 ** -5, (-1) ** 99, (-1) ** 100)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(4 ** 0.5, 8 ** (1 / 3) > 1.99, 2 ** 0.5)
