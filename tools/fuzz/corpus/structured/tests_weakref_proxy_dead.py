# Dead proxies raise ReferenceError; proxies are unhashable; callable proxies call through.
import weakref


class C:
    def __init__(self):
        self.x = 1


class F:
    def __call__(self, a, b=2):
        return a + b


def func(a):
    return a * 3


c = C()
p = weakref.proxy(c)
print(type(p) is weakref.ProxyType, type(p) in weakref.ProxyTypes)
try:
    hash(p)
except TypeError as e:
    print(e)
pf = weakref.proxy(func)
print(type(pf) is weakref.CallableProxyType, pf(4))
f = F()
pF = weakref.proxy(f)
print(type(pF) is weakref.CallableProxyType, pF(1), pF(1, b=10))
try:
    hash(pf)
except TypeError as e:
    print(e)
try:
    p()
except TypeError as e:
    print(e)
del c
for what, act in [("getattr", lambda: p.x), ("str", lambda: str(p)), ("len", lambda: len(p)),
                  ("bool", lambda: bool(p)), ("add", lambda: p + 1), ("eq", lambda: p == 1),
                  ("setattr", lambda: setattr(p, "y", 2)), ("iter", lambda: iter(p)),
                  ("getitem", lambda: p[0])]:
    try:
        act()
        print(what, "no error")
    except ReferenceError as e:
        print(what, type(e).__name__, e)
del f
try:
    pF(1)
except ReferenceError as e:
    print("call", e)
cb_log = []
d = C()
p2 = weakref.proxy(d, lambda w: cb_log.append(w is p2))
print(p2 is weakref.proxy(d))
del d
print(cb_log)
