# inf and nan: arithmetic, comparisons, conversions.
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(inf == inf, inf == float("infinity"), float("-Infinity"), float("NaN"))
print(1 / inf, -1 / inf, inf > 10 ** 18)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.isfinite(inf))
l = [nan]
print(nan in l, l == l, l.count(nan))
print(min(1.0, inf), max(-inf, -1e300))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
print(round(2.5), round(3.5), round(-2.5), round(0.5))
print(str(inf), repr(-inf), repr(nan), "%f %f" % (inf, nan))
