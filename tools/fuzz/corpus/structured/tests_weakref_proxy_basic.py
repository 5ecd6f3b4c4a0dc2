# Proxies forward attribute access, assignment, deletion, method calls and the container protocol.
import weakref


class Box:
    def __init__(self):
        self.items = [1, 2, 3]
        self.label = "box"

    def describe(self, prefix):
        return prefix + self.label

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __str__(self):
        return "Box" + str(self.items)

    def __bool__(self):
        return len(self.items) > 0


b = Box()
p = weakref.proxy(b)
print(p.label, p.describe("a "), len(p), p[1], 2 in p, 9 in p)
p.label = "crate"
print(b.label, p.label)
p.extra = 5
print(b.extra)
del p.extra
print(hasattr(b, "extra"), hasattr(p, "extra"))
p[0] = 10
del p[2]
print(b.items, list(p), str(p), bool(p))
print([x * 2 for x in p])
b.items = []
print(bool(p), len(p))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
print(weakref.proxy(b) is p, weakref.getweakrefcount(b))
s = {3, 1, 2}
sp = weakref.proxy(s)
sp.add(0)
print(sorted(s), len(sp), sp == {0, 1, 2, 3}, 2 in sp)
