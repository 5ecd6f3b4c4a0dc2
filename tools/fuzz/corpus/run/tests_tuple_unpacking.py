# Tuple packing/unpacking in assignments, returns, loops and calls.
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi)
r = minmax([3])
print(r, type(r).__name__)
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x, y)
pts = [(1, 2), (3, 4)]
print([x + y for x, y in pts])
def f(*args):
    return args
print(f(), f(1), f(1, 2), f(*pts), f(*(), *[1], *"ab"))
t = 1, 2, 3
print((*t, 4), (0, *t), (*t,), [*t, *t])
p, q = q, p = 5, 6
print(p, q)
swap = (1, 2)
swap = swap[1], swap[0]
print(swap)
print(tuple(x * 2 for x in t))
