# The same attribute sites (warm inline caches) see instances in different states: different
# attribute orders, subclasses, instances whose __dict__ was taken, methods shadowed by
# instance attributes and class attributes turned into properties after many calls.
class Node:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def get(self):
        return self.a * 10 + self.b

    def put(self, v):
        self.b = v


class Sub(Node):
    def __init__(self, a, b, c):
        Node.__init__(self, a, b)
        self.c = c


def read(o):
    return o.a, o.b


def reads(objs):
    return [o.get() for o in objs]


plain = [Node(i, i + 1) for i in range(5)]
swapped = Node(0, 0)
del swapped.a
swapped.a = 9             # now b before a
taken = Node(3, 4)
taken.__dict__            # asked for its dict
sub = Sub(7, 8, 9)
mixed = plain + [swapped, taken, sub, Node(1, 1)]
for _ in range(3):
    print([read(o) for o in mixed])
    print(reads(mixed))
for o in mixed:
    o.put(o.b + 1)
print([o.b for o in mixed], list(vars(swapped)), list(vars(sub)))
# A method shadowed by an instance attribute once the call site is warm.
n = Node(1, 2)
for _ in range(5):
    n.get()
n.get = lambda: "shadowed"
print(n.get(), reads([Node(2, 3)]), [o.get() for o in [n, Node(4, 5)]])
del n.get
print(n.get())
# A class attribute read through instances, then shadowed per instance.
class Counter:
    step = 1

    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += self.step
        return self.n


c1, c2 = Counter(), Counter()
for _ in range(4):
    c1.bump()
    c2.bump()
c2.step = 10
print(c1.bump(), c2.bump(), vars(c2))
Counter.step = 100
print(c1.bump(), c2.bump())
# A property added to the class after the sites are warm takes precedence.
def value(self):
    return "property"
Node.a = property(value, lambda self, v: print("setter", v))
print(read(Node(5, 6)), plain[0].a, vars(Node(7, 8)))
del Node.a
print(read(Node(5, 6)), plain[0].a)
# Many instances of one class with attributes added in a different order at one site.
def fill(o, names):
    for k in names:
        setattr(o, k, len(k))
    return o


class Bag:
    pass


bags = [fill(Bag(), ["x", "yy", "zzz"]), fill(Bag(), ["zzz", "x"]), fill(Bag(), ["yy"] * 3)]
for b in bags:
    print(vars(b), [getattr(b, k, None) for k in ("x", "yy", "zzz")])
# __class__ assignment between classes of the same layout keeps the attributes.
class Other:
    def get(self):
        return "other", self.a, self.b


o = Node(1, 2)
o.__class__ = Other
print(o.get(), type(o).__name__, vars(o))
o.__class__ = Node
print(o.get(), read(o))
