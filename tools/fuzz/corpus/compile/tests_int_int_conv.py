# int() conversions: from str with bases, from floats (truncation), from bools.
print(int("42"), int("-42"), int("  17  "), int("+5"), int("0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8))
print(int("0o17", 0), int("0b101", 0), int("101", 2), int("z", 36), int("1_000"))
print(int(3.9), int(-3.9), int(0.0), int(-0.5), int(1e15))
print(int(True), int(False), int(), int("10", base=3))
for bad in ["", "abc", "1.5", "1 2", "0x", "--1", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
