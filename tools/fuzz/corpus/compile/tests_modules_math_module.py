# math: constants and functions with exactly representable or well-rounded results.
import math
print(math.pi, math.e, math.inf, math.tau)
print(math.sqrt(16), math.sqrt(2), math.floor(-2.5), math.ceil(-2.5), math.floor(3), math.trunc(-3.7))
print(math.fabs(-3), math.pow(2, 10), math.exp(0), math.log(1), math.log(math.e), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.sin(0), math.cos(0), math.atan2(0, 1))
print(math.gcd(12, 18), math.gcd(0, 5), math.factorial(10), math.isqrt(17) if hasattr(math, "isqrt") else 4)
print(math.isnan(math.nan), math.isinf(math.inf), math.isclose(0.1 + 0.2, 0.3))
print(math.hypot(3, 4), math.copysign(1, -0.0), math.fmod(7, -3), math.degrees(math.pi), math.radians(180))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.ceil(2.0000001))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
print(round(math.sin(math.pi / 2), 10), round(math.cos(math.pi), 10), abs(math.tan(0.0)))
