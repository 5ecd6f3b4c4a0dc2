# float() conversions and float methods.
print(float(1), float(-7), float("1.5"), float("  -2.5e3 "), float("1e-3"), float(".5"))
print(float("inf"), float("-inf"), float("+1.0"), float(True), float())
print(float("1_000.5"), float("10"), float(2 ** 53))
for bad in ["", "abc", "1.2.3", "1e", "--1", "1 2"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(None)
except TypeError as e:
    print("TypeError:", e)
print((2.5).is_integer(), (2.0).is_integer(), (-0.0).is_integer())
print((3.75).as_integer_ratio(), (0.5).as_integer_ratio(), (-2.0).as_integer_ratio())
print(int(2.999), int(-2.999), round(2.675, 2), round(1234.5678, -2), round(-1.5))
print(round(1.23456, 3), round(2.5, 0), round(7.0), type(round(7.0)).__name__)
print(float.__name__, type(1.0) is float, isinstance(1, float))
