# __getattr__ (fallback only), __getattribute__-free hooks, __setattr__, __delattr__.
class Fallback:
    existing = "real"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return "dynamic " + name[4:]
        raise AttributeError("no attribute " + name)
f = Fallback()
print(f.existing, f.dyn_x, getattr(f, "dyn_y"), hasattr(f, "other"), getattr(f, "other", "dflt"))
try:
    f.other
except AttributeError as e:
    print("AttributeError:", e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
l = Logged()
l.a = 1
l.b = [2]
setattr(l, "c", 3)
print(l.a, l.b, l.c, sorted(l.__dict__))
del l.a
delattr(l, "b")
print(sorted(l.__dict__))
class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError("frozen: cannot set " + name)
fr = Frozen(1)
try:
    fr.v = 2
except AttributeError as e:
    print("AttributeError:", e)
print(fr.v)
