# A list mutated during sort (ValueError "list modified during sort"), during iteration, and
# during its own repr.
a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
try:
    a.sort(key=key)
except ValueError as e:
    print("ValueError", e)
print(a)

class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        b.clear()
        return self.v < o.v
    def __repr__(self): return "C(%d)" % self.v
b = [C(i) for i in range(10, 0, -1)]
try:
    b.sort()
except ValueError as e:
    print("ValueError", e)
print(b)

class P:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        c2.append(P(0))
        c2.pop(0)
        return self.v < o.v
c2 = [P(i) for i in range(5)]
try:
    c2.sort()
except ValueError as e:
    print("ValueError", e)

class Boom:
    def __lt__(self, o): raise KeyError("cmp")
e1 = [Boom(), Boom(), Boom()]
try:
    e1.sort()
except KeyError as e:
    print("KeyError", e, len(e1))

c = [1, 2, 3]
for x in c:
    if len(c) < 6: c.append(x)
print(c)
d = [1, 2, 3, 4]
for x in d:
    d.remove(x)
print(d)
e = [1, 2, 3]
for x in e:
    e.clear()
print(e)
it = iter([1, 2])
lst = [5, 6, 7]
it2 = iter(lst)
next(it2)
del lst[:]
print(list(it2))

class R:
    def __repr__(self):
        f.clear()
        return "R"
f = [R(), R(), R()]
print(f)
print(f)
class R2:
    def __repr__(self):
        if len(g) < 20:
            g.append(R2())
        return "R2"
g = [R2()]
print(repr(g))
print(len(g))
class R3:
    def __repr__(self):
        del h[:]
        h.extend([1, 2, 3])
        return "R3"
h = [R3(), R3()]
print(h)
