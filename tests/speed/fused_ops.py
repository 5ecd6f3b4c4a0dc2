# The superinstructions (LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST, BINARY_OP_SMALLINT,
# COMPARE_OP_JUMP, COMPARE_SMALLINT_JUMP) and the int/float fast paths: every operand kind
# that must leave the fast case, results at the small-int boundary (2**47), mixed int/float
# arithmetic and comparisons, NaN, and unbound locals inside a fused pair.
import math

B = 2**47


def arith(x):
    return [x + 1, x - 1, x * 3, x // 2, x % 3, x & 6, x | 1, x ^ 5, x << 2, x >> 1, x / 4,
            x ** 2, x + -3, x - -3, x // -2, x % -3]


def farith(x):
    return [x + 1, x - 1, x * 3, x // 2, x % 3, x / 4, x ** 2, x + -3, x - -3, x // -2, x % -3]


for v in (0, 1, -1, 7, -7, B - 1, B - 2, -B, -B + 1, B, -B - 1, 2**62, True, 10**30):
    print(v, arith(v))
for v in (2.5, -0.5, 0.0, 1e100):
    print(v, farith(v))
print([B - 1 + 1, -B - 1, (B - 1) * 3, (B // 2) << 1, (B - 1) << 2, -B - 0])
for v in (0.0, -0.0, 1e308, float("inf"), float("nan")):
    print(v, v + 1, v - 1, v * 3, v / 4)
try:
    print(1.5 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    x = 5
    print(x // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    x = 5
    print(x % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError", e)
s = "ab"
print(s * 3, [1] * 2, (1, 2) * 2)


# Mixed int/float arithmetic and comparisons must agree with Python's exact rules.
def mixed(a, b):
    return [a + b, a - b, a * b, a / b if b else None, a < b, a <= b, a == b, a != b, a > b,
            a >= b]


for a, b in ((1, 2.5), (2.5, 1), (3, 3.0), (3.0, 3), (B - 1, float(B - 1)), (-B, -2.0**47),
             (2**53 + 1, float(2**53)), (1, float("nan")), (float("nan"), 1), (0, -0.0),
             (7, float("inf")), (True, 1.0)):
    print(a, b, mixed(a, b))


def compares(n):
    out = []
    for k in (n, n + 0.5, float(n)):
        if k < 2:
            out.append("lt2")
        if k <= 2:
            out.append("le2")
        if k == 2:
            out.append("eq2")
        if k != 2:
            out.append("ne2")
        if k > 2:
            out.append("gt2")
        if k >= 2:
            out.append("ge2")
        if not k < -3:
            out.append("nlt-3")
    return out


for n in (1, 2, 3, -5, B - 1):
    print(n, compares(n))


class Weird:
    def __lt__(self, other):
        return 0

    def __gt__(self, other):
        return [1]

    def __eq__(self, other):
        return "yes"


w = Weird()
print("lt" if w < 2 else "not lt", "gt" if w > 2 else "not gt", "eq" if w == 2 else "ne")
i = 0
while i < 10:
    i += 3
print(i)
nan = float("nan")
print("nan<1" if nan < 1 else "not nan<1", "nan!=nan" if nan != nan else "nan==nan")
try:
    if "a" < 1:
        pass
except TypeError as e:
    print("TypeError", e)


def unbound_second():
    a = 1
    try:
        print(a, b)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    b = 2
    return a, b


def unbound_first():
    try:
        print(c, 1)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    c = 3
    d = c
    return c + d


print(unbound_second(), unbound_first())


def store_load(n):
    t = 0
    for j in range(n):
        k = j
        t = t + k
    return t


print(store_load(100), math.floor(store_load(10) / 3))
x = 10
for j in range(2**47 - 3, 2**47 + 3):
    x = j
print(x, list(range(B - 2, B + 2)), list(range(-B + 1, -B - 3, -1)))
# Float powers take a fast path for a positive finite base; everything else (zero, negative
# bases, infinities, overflow) is float.__pow__'s.
for x, y in ((2.0, 0.5), (2.0, 3), (10, 0.5), (1e300, 0.5), (2.5, -1.5), (1e-300, 2.0),
             (0.5, 1e5), (4.0, 0.0), (1.0, 1e300)):
    print(x, y, x ** y)
for x, y in ((0.0, 0.5), (1e300, 2.0), (float("inf"), 0.5), (-2.0, 2),
             (2.0, float("nan")), (0.0, -1.0)):
    try:
        print(x, y, x ** y)
    except (OverflowError, ZeroDivisionError, ValueError) as e:
        print(x, y, type(e).__name__, e)
# Constant subscripts (BINARY_SUBSCR_SMALLINT) on lists, tuples, strs, dicts and subclasses.
lst, tup, five = [10, 20, 30], (1, 2), 5
print(lst[0], lst[-1], lst[2], tup[1], tup[-2], "abc"[1], {0: "z"}[0], range(5)[3])
for bad in (lambda: lst[3], lambda: lst[-4], lambda: tup[2], lambda: {}[1], lambda: five[0]):
    try:
        bad()
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)


class Seq(list):
    def __getitem__(self, i):
        return ("item", i)


print(Seq([1, 2])[0], Seq([1])[-1])
# Loops over lists step the iterator inline: mutation while iterating, empty lists, and the
# loop variable's old value released as the loop moves on.
xs = [1, 2, 3]
for x in xs:
    if x < 3:
        xs.append(x * 10)
print(xs, x)
ys = [1, 2, 3, 4]
for y in ys:
    ys.remove(y)
print(ys, y)
for z in []:
    print("never")
n = 0
for s in ["a", "bb", "ccc"] * 3:
    n += len(s)
print(n, s)
it = iter([1, 2])
print(next(it), list(it), list(it))
# `is` and `in` feeding a jump (IS_OP_JUMP, CONTAINS_OP_JUMP), including errors of `in`.
vals = [None, 0, "", [], (1,), "x"]
print([("none" if v is None else "val") for v in vals], [1 for v in vals if v is not None])
d = {"a": 1, "x": 2}
print([k for k in ("a", "b", "x") if k in d], [k for k in "abx" if k not in d])
print(["y" if 3 in range(5) else "n", "y" if 7 not in [1, 2] else "n", "y" if "b" in "abc" else "n"])
for container in (5, None):
    try:
        if 1 in container:
            pass
    except TypeError as e:
        print("TypeError", e)


class Box:
    def __contains__(self, x):
        if x == "boom":
            raise KeyError(x)
        return x == 1


b = Box()
print("in" if 1 in b else "out", "in" if 2 in b else "out")
try:
    if "boom" in b:
        pass
except KeyError as e:
    print("KeyError", e)
# Ints past 48 bits but within 64 are computed in int64 with overflow checks; results that
# leave int64 (or operators not covered) take the general path.
M = 2**63
big = [2**47, 2**50 + 3, -2**55, M - 1, -M, M, -M - 1, 10**30]
for a in big:
    row = []
    for b in (3, -7, 2**48, -2**62, M - 1, -M):
        r = []
        for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a // b, lambda: a % b,
                  lambda: a & b, lambda: a | b, lambda: a ^ b):
            r.append(f())
        row.append(r)
    print(a, row)
print((-M) // -1, (-M) % -1, M - 1 + 1, -M - 1, (M - 1) * 2, 2**40 * 2**40)
x = 1
for _ in range(10):
    x = (x * 1103515245 + 12345) % 2147483648
print(x)
try:
    print(2**50 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(2**50 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
