# Nested dicts: equality ignores order, copies are shallow, get chains, deletion in nested.
a = {"x": {"y": [1, 2]}, "z": 0}
b = {"z": 0, "x": {"y": [1, 2]}}
print(a == b, list(a) == list(b), a != {"z": 0})
c = a.copy()
c["x"]["y"].append(3)
c["z"] = 99
print(a, c)
deep = {}
deep.setdefault("l1", {}).setdefault("l2", {})["l3"] = "leaf"
print(deep, deep["l1"]["l2"]["l3"], deep.get("l1", {}).get("nope", "default"))
del deep["l1"]["l2"]
print(deep)
print({1: {2: {3: {}}}}, {(): {}}, dict(a={"b": None}))
print({1: 2} == {1: 2.0}, {1: 2} == {1.0: 2}, {} == [], {} == {})
