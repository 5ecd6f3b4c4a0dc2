# +, -, * and / have an opcode each (the assembler rewrites BINARY_OP by operator), with small
# ints and floats inline: every other case must still behave as the generic operator does.
big = 2 ** 47
vals = [0, 1, -1, 7, -7, big - 1, -big, big, 2 ** 63, -(2 ** 70), 0.0, -0.0, 1.5, -2.25,
        1e308, float("inf"), float("-inf"), True, False]


def show(x):
    if isinstance(x, float) and x != x:
        return "nan"
    return repr(x)


for a in vals:
    row = []
    for b in vals:
        for name, f in (("+", lambda p, q: p + q), ("-", lambda p, q: p - q),
                        ("*", lambda p, q: p * q), ("/", lambda p, q: p / q)):
            try:
                row.append(show(f(a, b)))
            except (ZeroDivisionError, OverflowError) as e:
                row.append(type(e).__name__)
    print(show(a), " ".join(row))

# Results at the edges of the small-int range, and NaN from inf arithmetic.
x = big - 1
print(x + 1, x * 2, -x - 2, (-big) * -1, x * x, 3 * 5, 10 / 4, 1 / 3, -1 / 3, big / 3)
inf = float("inf")
print(show(inf - inf), show(inf * 0.0), show(0.0 * -1.0), -0.0 - 0.0, 0.1 + 0.2, 2.5 * 4)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

# In place, on mutable and immutable objects and strings (s += t may append in place).
l = [1]
l2 = l
l += [2]
l *= 2
print(l, l is l2)
s = "ab"
for i in range(5):
    s += str(i)
print(s)
t = (1,)
t += (2,)
t *= 2
print(t)
n = 5
n -= 7
n *= -3
n /= 4
print(n)


class V:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))

    def __radd__(self, o):
        return V(o + self.v + 1000)

    def __sub__(self, o):
        return NotImplemented

    def __rsub__(self, o):
        return "rsub"

    def __mul__(self, o):
        return "mul"

    def __truediv__(self, o):
        return "div"

    def __iadd__(self, o):
        self.v += 100 * o
        return self


a = V(1)
print((a + 2).v, (2 + a).v, (a + a).v, 3 - a, a * 2, a / 2)
b = a
b += 1
print(a.v, b is a)
try:
    a - 1
except TypeError as e:
    print("TypeError:", e)
try:
    "x" - 1
except TypeError as e:
    print("TypeError:", e)
print("ab" * 3, [0] * 3, 3 * "c", 2.5 * True)
