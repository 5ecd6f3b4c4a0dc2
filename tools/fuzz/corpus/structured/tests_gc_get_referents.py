# get_referents(*objs): the objects each argument directly refers to.
import gc
a = ["x"]
b = {"k": a}
print(gc.get_referents([1, "s", None]))
print(gc.get_referents((a, 2)) == [2, a])
print(gc.get_referents(b) == [a])
print(gc.get_referents({1: "one"}))
print(gc.get_referents("atom"), gc.get_referents(5))
print(gc.get_referents(a, [7]) == ["x", 7])
class C:
    pass
c = C()
r = gc.get_referents(c)
print(any(x is C for x in r))
print(gc.get_referents())
