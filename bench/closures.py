# Closures and higher-order functions: counters in cells, adders, function composition,
# map/filter/sorted with lambdas.
def make_counter():
    n = 0

    def inc(k):
        nonlocal n
        n += k
        return n
    return inc


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def main():
    c = make_counter()
    for i in range(5400000):
        c(i & 3)
    add3 = make_adder(3)
    double = lambda x: x * 2 % 1000003
    f = compose(add3, double)
    r = apply_n(f, 5400000, 1)
    total = 0
    for i in range(1800):
        xs = list(map(make_adder(i), range(1000)))
        ys = list(filter(lambda v: v % 3 == 0, xs))
        total += len(ys) + max(ys)
    print(c(0), r, total)


main()
