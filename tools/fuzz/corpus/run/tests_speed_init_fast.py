# Class calls run __init__ as an interpreter frame: results, errors and tracebacks must be the
# same as the general path's.
class P:
    def __init__(self, a, b=2, *rest, k=0, **kw):
        self.v = (a, b, rest, k, kw)


print(P(1).v, P(1, 3, 4, k=5, z=6).v)


class Bad:
    def __init__(self):
        return 42


try:
    Bad()
except TypeError as e:
    print("TypeError:", e)


class Raises:
    def __init__(self, n):
        if n:
            raise ValueError("n=%d" % n)
        self.n = n


for i in range(3):
    try:
        print(Raises(i).n)
    except ValueError as e:
        print("ValueError:", e)
try:
    P()
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, x):
        o = super().__new__(cls)
        o.made = True
        return o

    def __init__(self, x):
        self.x = x


w = WithNew(5)
print(w.made, w.x)


class Child(P):
    def __init__(self, a):
        super().__init__(a, k=1)


print(Child(9).v)


class Node:
    def __init__(self, depth):
        self.kids = [Node(depth - 1) for _ in range(2)] if depth else []


def count(n):
    return 1 + sum(count(k) for k in n.kids)


print(count(Node(8)))
nested = [P(i).v[0] for i in range(5)]
print(nested)


class Meta(type):
    def __call__(cls, *a):
        return "meta call " + str(a)


class M(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print(M(1, 2))
