# `t1, t2 = e1, e2` (up to three names, a tuple display on the right) builds no tuple, and the
# order of the stores, visible as the order in which the old values die, is CPython 3.11's:
# last target first when all targets are distinct fast locals on one line, in order otherwise.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("  del", self.n)


def locals2():
    a = D("a0"); b = D("b0")
    print("locals2")
    a, b = D("a1"), D("b1")
    print("swap")
    a, b = b, a
    print(" ", a.n, b.n)


def locals3():
    x, y, z = D("x0"), D("y0"), D("z0")
    print("locals3")
    x, y, z = D("x1"), D("y1"), D("z1")
    print("consts")
    x, y, z = 1, 2, 3
    print(" ", x, y, z)


def four():
    a, b, c, d = D("a0"), D("b0"), D("c0"), D("d0")
    print("four")
    a, b, c, d = D("a1"), D("b1"), D("c1"), D("d1")
    print("lists and nesting")
    [a, b] = D("a2"), D("b2")
    (c, d), a = (D("c2"), D("d2")), D("a3")


def same_name():
    a = D("a0")
    print("same name")
    a, a = D("first"), D("second")
    print(" ", a.n)


class Box:
    pass


def attrs():
    o = Box()
    o.p, o.q = D("p0"), D("q0")
    print("attrs")
    o.p, o.q = D("p1"), D("q1")
    l = [D("l0"), D("l1")]
    print("items")
    l[0], l[1] = D("l2"), D("l3")


g1 = D("g0")


def globals_and_cells():
    global g1
    a = D("a0")
    print("global target")
    a, g1 = D("a1"), D("g1")
    c = D("c0")

    def inner():
        return c

    print("cell target")
    c, a = D("c1"), D("a2")
    return inner


for f in (locals2, locals3, four, same_name, attrs, globals_and_cells):
    f()
    print("done", f.__name__)

print("module level")
m, n = D("m0"), D("n0")
m, n = D("m1"), D("n1")
m, n = n, m
print(" ", m.n, n.n)


def fib(k):
    a, b = 0, 1
    for _ in range(k):
        a, b = b, a + b
    return a


print(fib(90), [fib(i) for i in range(10)])
print("end")
