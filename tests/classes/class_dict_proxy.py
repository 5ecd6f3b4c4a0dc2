# A class's __dict__ is a read-only, live mappingproxy of its namespace.
class C:
    x = 1
    def f(self):
        return 2

p = C.__dict__
print(type(p).__name__, "x" in p, p["x"], p.get("y", 5), p.get("x"))
print([k for k in p if not k.startswith("__")])
try:
    p["y"] = 2
except TypeError as e:
    print("TypeError", e)
try:
    del p["x"]
except TypeError as e:
    print("TypeError", e)
try:
    p["missing"]
except KeyError as e:
    print("KeyError", e)
C.y = 3
print("y" in p, p["y"], len(p) == len(dict(p)))
print(type(p.copy()).__name__, p == dict(p), p != {}, dict(p) == p)
print(type(p | {"z": 1}).__name__, ({"z": 1} | p)["z"])
print(sorted(k for k in p.keys() if not k.startswith("__")))
print(sorted(v for k, v in p.items() if k in ("x", "y")))
print(str(p) == str(dict(p)), repr(p).startswith("mappingproxy({"))
print(repr(type("E", (), {"a": 1}).__dict__)[:30])
print(sorted(vars(C))[-3:], type(vars(C)).__name__)
print("f" in dir(C), "x" in dir(C()), "count" in dir(list))
try:
    hash(p)
except TypeError as e:
    print("TypeError", e)
print(C().f(), C.x)
