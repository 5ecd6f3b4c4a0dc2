# is_tracked() answers as CPython: atoms and dicts of atoms are not tracked; other containers
# are; a tuple of atoms stops being tracked after a collection.
import gc
class C:
    pass
def f():
    pass
print(gc.is_tracked(1), gc.is_tracked(1.5), gc.is_tracked("a"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(f), gc.is_tracked(set()))
print(gc.is_tracked({"a": {"b": 1}}), gc.is_tracked({1: "x", 2: [3]}))
x = 5
t = (x, "b")
u = (x, [])
print(gc.is_tracked(t), gc.is_tracked(u))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u))
nested = ((x, 1), (x, 2))
gc.collect()
print(gc.is_tracked(nested))
try:
    gc.is_tracked()
except TypeError as e:
    print(e)
