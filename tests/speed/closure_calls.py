# Calls of closures take the loop's inline frame path (free variables copied from the
# closure): later rebinding of the variable is seen, nonlocal writes land in the shared cell,
# recursion through a closure, and frames with cells of their own still take the general path.
def counter():
    n = 0

    def inc(k):
        nonlocal n
        n += k
        return n

    def get():
        return n
    return inc, get


inc, get = counter()
for i in range(5):
    inc(i)
print(get(), inc(0))


def adders():
    fs = []
    for i in range(3):
        fs.append(lambda x: x + i)
    return fs


print([f(10) for f in adders()])


def outer():
    k = 1

    def f(x):
        return x * k
    r1 = f(5)
    k = 7
    return r1, f(5)


print(outer())


def fact_maker():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


print(fact_maker()(20))


def with_own_cell(a):
    def g():
        return a + 1
    return g() + a


print(with_own_cell(4))


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


h = compose(lambda x: x + 1, lambda x: x * 2)
print(h(5), compose(h, h)(1))


def deep(n):
    def rec(k):
        return 0 if k == 0 else 1 + rec(k - 1)
    return rec(n)


print(deep(500))
try:
    deep(100000)
except RecursionError:
    print("RecursionError")


def unbound_free():
    def f():
        return v
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return f()


print(unbound_free())
# str() of ints is formatted by hand now: signs, zero, the small-int and int64 edges.
print(str(0), str(-1), str(2**47 - 1), str(-2**47), str(2**63 - 1), str(-2**63), repr(10**20))
print(f"{-5}", str(True), [123, -0, 10**18], "%d" % -42)
# Sorting tuples compares item by item: equal prefixes, lengths, mixed numbers, NaN, errors.
nan = float("nan")
data = [(3, "b"), (1, "z"), (3, "a"), (1,), (2, 2.5), (2, 2), (1, "z", 0), (), (2, True)]
print(sorted(data, key=lambda t: (len(t) > 1, t)))
print(sorted([(1, 2), (1, 2.0), (0, 5), (1, 1.5)]), sorted([(1, "b"), (1, "a"), (0, "c")]))
print(sorted([(nan, 1), (nan, 0)], key=lambda t: t[1]), sorted([(2, nan), (1, nan)]))
print(sorted([(1, (2, 3)), (1, (2, 1)), (0, (9,))], reverse=True))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
