# Class calls run a simple __init__ as an inline frame of the loop: the instance reaches
# __init__ and the caller, super() inside __init__ (a free variable, __class__), defaults
# and keywords (general path), wrong argument counts, non-None returns, and deep recursion.
class Base:
    def __init__(self, x):
        self.x = x


class Child(Base):
    def __init__(self, x, y):
        super().__init__(x * 2)
        self.y = y


class Defaults:
    def __init__(self, a, b=5, *rest, **kw):
        self.v = (a, b, rest, sorted(kw.items()))


class Returns:
    def __init__(self):
        return 3


class Node:
    def __init__(self, depth):
        self.kids = [Node(depth - 1), Node(depth - 1)] if depth else []


def count(n):
    return 1 + sum(count(k) for k in n.kids)


c = Child(3, "y")
print(c.x, c.y, type(c).__name__, Base(1).x)
print(Defaults(1).v, Defaults(1, 2, 3, k=4).v, Defaults(a=9).v)
for bad in (lambda: Base(), lambda: Base(1, 2), lambda: Child(1), lambda: Returns()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(count(Node(8)))


class Deep:
    def __init__(self, n):
        self.inner = Deep(n - 1) if n else None


try:
    Deep(100000)
except RecursionError:
    print("RecursionError")
d = Deep(50)
k = 0
while d:
    d, k = d.inner, k + 1
print(k)
objs = [Base(i) for i in range(5)]
print([o.x for o in objs], sum(Base(i).x for i in range(100)))
