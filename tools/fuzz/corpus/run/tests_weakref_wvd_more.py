# WeakValueDictionary: update, copy, pop, popitem, setdefault, clear, equality.
import weakref


class Obj:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Obj(%d)" % self.n


objs = [Obj(i) for i in range(6)]
d = weakref.WeakValueDictionary({"x": objs[0]}, y=objs[1])
d.update({"z": objs[2]})
d.update([("w", objs[3])])
d.update(v=objs[4])
print(sorted(d.items(), key=lambda kv: kv[0]))
e = d.copy()
print(type(e).__name__, len(e), e["x"] is objs[0])
print(d.pop("x"), d.pop("x", "dflt"))
try:
    d.pop("x")
except KeyError as ex:
    print("KeyError", ex)
print(d.setdefault("y", objs[5]), d.setdefault("n", objs[5]))
k, v = d.popitem()
print(k, v, len(d))
print(d == {"y": objs[1], "z": objs[2], "w": objs[3]}, dict(d) == dict(d.items()))
del objs[2]
print(sorted(d.keys()), len(e))
merged = d | {"q": objs[0]}
print(type(merged).__name__, sorted(merged.keys()))
d.clear()
print(len(d), list(d), len(e))
vr = e.valuerefs()
print(len(vr), all(isinstance(r, weakref.ref) for r in vr))
objs.clear()
print(len(e), [r() for r in vr])
