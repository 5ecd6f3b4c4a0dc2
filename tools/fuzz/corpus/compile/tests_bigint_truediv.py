# True division of big ints is correctly rounded, including subnormal and huge quotients.
pairs = [(10 ** 30, 3), (2 ** 100, 2 ** 50), (2 ** 100 + 1, 2 ** 100), (10 ** 400, 10 ** 399),
         (1, 10 ** 400), (3 ** 200, 7 ** 150), (-(10 ** 50), 7), (10 ** 50, -(3 ** 40)),
         (2 ** 53 + 1, 1), (2 ** 54 + 3, 2), (9007199254740993, 3), (123456789123456789, 7),
         (2 ** 1100, 2 ** 100), (1, 2 ** 1074), (1, 2 ** 1075), (3, 2 ** 1076), (2 ** 1023 * 3, 2 ** 1023),
         (10 ** 318, 10 ** 10), (1, 3 * 2 ** 1000), (-(2 ** 70), 2 ** 80), (0, -(2 ** 70))]
for a, b in pairs:
    print(a / b)
for a, b in [(2 ** 1100, 3), (10 ** 400, 10 ** 90), (10 ** 320, 10 ** 10), (-(2 ** 2000), 2 ** 900)]:
    try:
        print(a / b)
    except OverflowError as e:
        print("OverflowError:", e)
try:
    print(2 ** 100 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 1
for i in range(1, 40):
    x = x * 10 + i
print(x / 10 ** 35, x / (x + 1), (x + 1) / x, x / -x)
