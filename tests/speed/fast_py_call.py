# The loop's fast path for calls of Python functions (CALL and CALL_METHOD straight into the
# new frame) and every case that must leave it: defaults, closures, wrong counts, keywords,
# recursion limits, a collection due, the collector disabled, bound methods and classes.
import gc
import sys


def add(a, b):
    return a + b


def deflt(a, b=10):
    return a + b


def make_adder(k):
    def f(x):
        return x + k
    return f


class C:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def plus(self, a, b, c, d):
        return self.v + a + b + c + d


def many(a, b, c, d, e):
    return a * 10000 + b * 1000 + c * 100 + d * 10 + e


total = 0
f = make_adder(5)
c = C(7)
m = c.get
for i in range(2000):
    total += add(i, 1) + deflt(i) + deflt(i, 1) + f(i) + c.get() + m() + many(1, 2, 3, 4, i % 10)
    total += c.plus(1, 2, 3, 4) + add(b=i, a=2)
print(total)

# A collection falls due inside a loop of calls; then the same with the collector disabled.
gc.collect()
garbage = []
for i in range(3000):
    a = []
    a.append(a)
    total += add(i, len(a))
print(total, gc.collect() >= 0)
gc.disable()
for i in range(3000):
    a = []
    a.append(a)
    total += add(i, 2)
gc.enable()
print(total, gc.collect() > 0)

# Errors raised at the call: argument counts, keywords, and not callable.
for call in (lambda: add(1), lambda: add(1, 2, 3), lambda: c.get(1), lambda: many(1, 2),
             lambda: add(1, c=2), lambda: total(2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    down(1000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(old)
print(down(800))
