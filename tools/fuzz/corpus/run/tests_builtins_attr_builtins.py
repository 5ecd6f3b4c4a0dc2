# getattr, setattr, hasattr, delattr and callable.
class Obj:
    cls_attr = "class"
    def method(self):
        return "method result"
o = Obj()
setattr(o, "dynamic", 42)
print(getattr(o, "dynamic"), getattr(o, "cls_attr"), getattr(o, "method")(), getattr(o, "nope", "dflt"))
print(hasattr(o, "dynamic"), hasattr(o, "nope"), hasattr(Obj, "method"), hasattr(5, "real"))
delattr(o, "dynamic")
print(hasattr(o, "dynamic"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
print(callable(o), callable(Obj), callable(o.method), callable(len), callable(lambda: 0), callable("s"))
print(getattr("abc", "upper")(), getattr([], "__len__")())
