# WeakKeyDictionary: data attached to objects without keeping them alive.
import weakref


class Key:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Key(%s)" % self.name


meta = weakref.WeakKeyDictionary()
k1, k2, k3 = Key("one"), Key("two"), Key("three")
meta[k1] = 1
meta[k2] = 2
meta[k3] = 3
print(len(meta), meta[k1], k2 in meta, Key("x") in meta, 5 in meta)
print(sorted(meta.values()), sorted(k.name for k in meta.keys()))
print(sorted((k.name, v) for k, v in meta.items()))
print(sorted(k.name for k in meta))
meta[k1] = 10
print(meta[k1], len(meta))
del k2
print(len(meta), sorted(meta.values()))
print(meta.get(k3), meta.get(Key("no"), "none"))
print(meta.pop(k3), len(meta), meta.pop(k3, "gone"))
print(meta.setdefault(k1, 99), meta.setdefault(k3, 33), len(meta))
c = meta.copy()
print(type(c).__name__, sorted(c.values()))
del meta[k3]
print(len(meta), len(c))
try:
    meta[k3]
except KeyError:
    print("KeyError")
del k3
print(len(c))
meta.update({Key("tmp"): 5})
print(len(meta))
k4 = Key("four")
meta.update([(k4, 4)])
print(sorted(meta.values()), len(meta.keyrefs()))
k, v = meta.popitem()
print(k, v, len(meta))
try:
    meta[5] = 1
except TypeError as e:
    print(e)
