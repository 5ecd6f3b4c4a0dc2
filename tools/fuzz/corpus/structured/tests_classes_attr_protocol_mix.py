# __getattr__ / __setattr__ / __delattr__ / __getattribute__
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_t", target)
        object.__setattr__(self, "log", [])
    def __getattr__(self, name):
        self.log.append(name)
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._t, name, value)
    def __delattr__(self, name):
        self.log.append("del " + name)
        delattr(self._t, name)
class T:
    pass
t = T()
p = Proxy(t)
p.x = 5
print(p.x, t.x, hasattr(p, "y"), p.log)
del p.x
print(hasattr(t, "x"), p.log)
class Strict:
    def __getattribute__(self, name):
        if name.startswith("secret"):
            raise AttributeError(f"no access to {name}")
        return object.__getattribute__(self, name)
s = Strict()
s.secret_key = 1
s.visible = 2
print(s.visible, getattr(s, "secret_key", "denied"))
try:
    s.secret_key
except AttributeError as e:
    print("AttributeError:", e)
class Dflt:
    def __getattr__(self, name):
        if name == "magic":
            return 42
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dflt()
print(d.magic, getattr(d, "other", None))
try:
    d.other
except AttributeError as e:
    print(e)
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot assign to field '{k}'")
f = Frozen(a=1)
try:
    f.a = 2
except AttributeError as e:
    print(e, f.a)
print(vars(f), f.__dict__ is vars(f))
try:
    del t.nothing
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
try:
    "abc".upper = None
except AttributeError as e:
    print(e)
try:
    T.nope
except AttributeError as e:
    print(e)
import math
try:
    math.nope
except AttributeError as e:
    print(e)
