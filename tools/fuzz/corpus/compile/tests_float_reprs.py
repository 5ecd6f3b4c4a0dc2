# Shortest round-trip float reprs, and where CPython switches to exponent notation.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 100.0, 1e16, 1e15, 123456789.123,
        1e-4, 1e-5, 1e-7, 0.0001234, 1.5e300, 2.5e-300, 1e22, 1e21, 9007199254740993.0,
        3.141592653589793, 0.5, 0.25, 1e100, 12345678901234567890.0]
for v in vals:
    print(repr(v), str(v))
print(-0.0, 0.0, repr(-0.0), -0.0 == 0.0)
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print(1e308 * 10, -1e308 * 10)
print(str(1.0e16), str(9999999999999998.0), str(0.1 * 3))
print([0.1, 1e-7, 1e16], (0.5,), {1.5: 2.5})
