# dict methods.
d = {"x": 1, "y": 2}
print(d.get("x"), d.get("z"), d.get("z", 0), d.setdefault("x", 9), d.setdefault("w", 7), d)
print(d.pop("w"), d.pop("nope", "dflt"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
d.update({"y": 20, "z": 30})
d.update([("q", 0)], r=1)
print(d)
print(d.popitem(), d)
c = d.copy()
c["x"] = 100
print(d["x"], c["x"])
c.clear()
print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
groups = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(w[0], []).append(w)
print(groups)
d2 = {1: "a"}
d2 |= {2: "b"}
print(d2, d2 | {3: "c"})
