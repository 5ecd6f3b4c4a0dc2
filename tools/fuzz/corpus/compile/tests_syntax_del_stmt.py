# del of names, attributes, subscripts, slices and targets lists.
a = 1
del a
try:
    a
except NameError as e:
    print(e)
b, c = 2, 3
del b, c
print("b" in globals(), "c" in globals())
class O: pass
o = O()
o.x = 1
o.y = 2
del o.x
print(hasattr(o, "x"), o.y)
try:
    del o.x
except AttributeError as e:
    print("AttributeError", e)
l = list(range(10))
del l[0]
print(l)
del l[-1]
print(l)
del l[2:5]
print(l)
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def f():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(f())
