# dict: construction forms, insertion order, update order, key types, repr.
d = {"b": 1, "a": 2, "c": 3}
print(d, len(d), d["a"])
d["d"] = 4
d["b"] = 10
print(d)
del d["a"]
d["a"] = 5
print(d, list(d))
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]), dict({"z": 0}, w=1))
print(dict(zip("abc", range(3))), {i: i * i for i in range(5)})
print({1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool", "s": "str"})
print({}, {"nested": {"deep": [1, {2: 3}]}})
print("a" in d, "zz" in d, "zz" not in d, 10 in d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    d[[1]] = 3
except TypeError as e:
    print("TypeError:", e)
print({**d, "new": 0}, {**{"a": 1}, **{"a": 2, "b": 3}})
print(d == {"b": 10, "c": 3, "d": 4, "a": 5}, {1: 2} != {1: 3})
