# numeric formatting edge cases
vals = [0.0, -0.0, 1e-5, 1e-4, 123.456, 1e16, 1e22, 1.5e300, 2.5, 0.1, 1/3, 100.0, 12345678.9, float("inf"), float("-inf"), float("nan")]
for v in vals:
    print(repr(v), str(v), f"{v:g}", f"{v:.3g}", f"{v:e}", f"{v:.2f}", f"{v:10.3}", f"{v:%}" if v == v and abs(v) < 1e10 else "", format(v, ""), format(v, "<12"))
for v in [0, 7, -7, 255, 10**15, -2**40]:
    print(f"{v:,}", f"{v:_x}", f"{v:>+8}", f"{v:^9d}", f"{v:#010x}", f"{v:e}", f"{v:.2f}", f"{v:g}", f"{v:%}", f"{v:c}" if 0 < v < 1000 else "")
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(1e20, -5), round(-0.5), round(123.456, -1), round(5, 0), type(round(5.5)), type(round(5.5, 0)))
print(int("0b101", 0), int("0o17", 0), int("-0x1F", 16), int("z", 36), int("  -42\n"), int("+7"), int("1_0", 0))
for s in ["0b", "1__0", "_1", "1.5", "", " ", "0x", "08"]:
    try:
        print(repr(s), int(s, 0))
    except ValueError as e:
        print("ValueError:", e)
for s in ["1e5", "-1.5E-3", ".5", "5.", "inf", "-Infinity", "nan", "1_000.5", " 2 ", "1e", "abc", "0x10"]:
    try:
        print(repr(s), float(s))
    except ValueError as e:
        print("ValueError:", e)
print((10).bit_length(), (-255).bit_length(), (0).bit_length(), (6).conjugate(), (3.5).is_integer(), (4.0).is_integer(), (0.5).as_integer_ratio())
print(1e308 * 10, -1e308 * 10, 1e-320, 5e-324, 2.0 ** 0.5, 10 / 4, 10 // 4, -10 // 4, 10 % -4, 2 ** -2, (-8) ** (1/3) if False else "", 0.1 + 0.2 == 0.3, abs(-0.0))
print(divmod(5.5, 2), divmod(-5.5, 2), 5.5 // 2, -5.5 % 2, 7.0 // 0.5 if True else "", float("1e400"), 1 / 3 * 3 == 1)
for expr in ["1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "1.0 // 0.0", "1 % 0.0", "0 ** -1", "0.0 ** -1", "divmod(1.0, 0)", "(-1) ** 0.5"]:
    try:
        print(expr, eval(expr) if False else None)
    except Exception as e:
        print(expr, type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    1 % 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(e)
try:
    divmod(1.0, 0)
except ZeroDivisionError as e:
    print(e)
print((-1) ** 0.5 if False else "", pow(-8, 1/3) if False else "", 2 ** 0.5, 4 ** 0.5, (-2) ** 2, -2 ** 2, 2 ** 3 ** 2)
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.sqrt(16), math.pi, math.e, math.inf, math.isnan(math.nan), math.gcd(12, 18), math.factorial(10), math.hypot(3, 4), math.log(math.e), math.log10(1000), math.log2(8), math.isclose(0.1 + 0.2, 0.3), math.copysign(1, -0.0), math.fabs(-3), math.fsum([0.1] * 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
