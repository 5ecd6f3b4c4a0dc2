# *args and **kwargs, in definitions and in calls.
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, b=2, c=3))
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
def g(a, b, *rest, key="k", **extra):
    print(a, b, rest, key, extra)
g(1, 2)
g(1, 2, 3, 4, key="K", z=26)
g(*range(5))
g(**{"a": "A", "b": "B", "other": 0})
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3), total(*range(101)))
def pass_through(*args, **kwargs):
    return g(*args, **kwargs)
pass_through("p", "q", key=None)
args = (1, 2)
kw = {"key": "from dict"}
g(*args, **kw)
print(f(1, *[], **{}))
