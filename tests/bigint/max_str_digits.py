# Decimal conversion of huge ints: CPython's 4300-digit limit, and fast conversion without it.
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(big)), hex(big)[:20], int(hex(big), 16) == big)
print(len(str(10 ** 4299)), len(str(10 ** 4300 - 1)))
sys.set_int_max_str_digits(0)
x = 7 ** 12000
s = str(x)
print(len(s), s[:30], s[-30:], int(s) == x)
y = int("12345678" * 1250)
print(y % (10 ** 9 + 7), len(str(y * y)), str(y * y)[:25])
f = 1
for i in range(1, 2001):
    f *= i
print(len(str(f)), str(f)[:40], str(f).rstrip("0")[-10:])
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10 ** 4999)))
for bad in (100, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
sys.set_int_max_str_digits(4300)
try:
    print(f)
except ValueError as e:
    print("ValueError:", e)
try:
    "%d" % f
except ValueError as e:
    print("ValueError:", e)
for text in ("0" * 4301, "1_" * 4300 + "1", "f" * 5000):
    try:
        print(len(str(int(text, 16 if text[0] == "f" else 10))))
    except ValueError as e:
        print("ValueError:", e)
