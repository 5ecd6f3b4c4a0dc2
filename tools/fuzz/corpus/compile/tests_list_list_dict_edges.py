# list and dict edge cases
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del a[::3]
print(a)
b = [1, 2, 3]
b[1:1] = [9, 9]
b[-1:] = []
print(b, b * 0, [] * 5, b.pop(0), b.pop(), b)
b = [3, 1, 2]
b.sort(key=lambda x: -x)
print(b, b.index(1), b.count(1), b.copy() is b, b[:] == b)
b.insert(-1, 7); b.insert(100, 8); b.insert(-100, 0)
print(b)
b.remove(7)
try:
    b.remove(42)
except ValueError as e:
    print("ValueError:", e)
b.extend(range(2)); b += "ab"
print(b)
b.reverse(); print(b)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
d = {"a": 1, "b": 2}
d.update([("c", 3)], d=4)
print(d, list(d.keys()), list(d.values()), list(d.items())[:2])
print(d.setdefault("a", 9), d.setdefault("z", 0), d.pop("z"), d.pop("nope", "dflt"), d.get("nope"))
print(d.popitem(), d, "a" in d, "a" in d.keys(), 1 in d.values(), ("a", 1) in d.items())
k = d.keys()
d["new"] = 5
print(k, len(k), d.values(), d.items())
print(dict.fromkeys("ab", 0), {**d, "a": 100}, d | {"q": 1}, {1: 2} == {1: 2.0})
d2 = {1: "a", True: "b", 1.0: "c"}
print(d2)
try:
    d["zz"]
except KeyError as e:
    print("KeyError:", e)
try:
    for key in d:
        d["x" + str(key)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted({3: 1, 1: 2}), min({"b": 1, "a": 2}), list(reversed({"x": 1, "y": 2})))
print(k & {"a", "new"} == {"a", "new"}, {"a": 1}.keys() | {"b"} == {"a", "b"})
e = {}
e[(1, 2)] = "t"; e[None] = "n"; e[-0.0] = "z"
print(e, e[0], e.get(0.0))
