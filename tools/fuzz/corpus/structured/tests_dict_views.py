# keys/values/items views: iteration order, liveness, membership, set ops, reprs.
d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(list(k), list(v), list(it), len(k))
d["four"] = 4
print(list(k), len(v))
print("one" in k, 1 in v, ("two", 2) in it, ("two", 3) in it)
for key, val in d.items():
    print(key, val)
print(sorted(d.keys() & {"one", "four", "x"}), sorted(k - {"one"}))
print(sorted(d.values()), sum(d.values()), max(d, key=d.get))
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(list(d)[::-1])
e = {}
print(e.keys(), e.values(), e.items(), list(e))
print(list(zip(d.keys(), d.values()))[:2])
