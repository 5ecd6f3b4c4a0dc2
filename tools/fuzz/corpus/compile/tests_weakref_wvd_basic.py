# WeakValueDictionary: entries vanish with their values.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name


cache = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
cache["a"] = a
cache["b"] = b
cache[3] = c
print(len(cache), cache["a"], cache[3], "b" in cache, "zz" in cache)
print(sorted(str(k) for k in cache), sorted(str(k) for k in cache.keys()))
print(sorted(repr(v) for v in cache.values()))
print(sorted((str(k), v.name) for k, v in cache.items()))
del b
print(len(cache), "b" in cache, cache.get("b"), cache.get("b", "gone"))
try:
    cache["b"]
except KeyError as e:
    print("KeyError", e)
cache["a"] = c
del a
print(len(cache), cache["a"])
del cache[3]
print(len(cache), 3 in cache)
try:
    del cache[3]
except KeyError as e:
    print("KeyError", e)
del c
print(len(cache), list(cache.items()))
print(type(cache).__name__, repr(cache).startswith("<WeakValueDictionary at 0x"))
