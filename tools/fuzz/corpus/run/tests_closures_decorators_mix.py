# closures & decorators: counters, memoize, decorator with args, wraps-like attribute copy
def memoize(fn):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    wrapper.__name__ = fn.__name__
    return wrapper
@memoize
def slow_sq(n):
    print("computing", n)
    return n * n
print(slow_sq(4), slow_sq(4), slow_sq(5), sorted(slow_sq.cache), slow_sq.__name__)
def repeat(times):
    def deco(fn):
        def inner(*a, **k):
            return [fn(*a, **k) for _ in range(times)]
        return inner
    return deco
@repeat(3)
def greet(name, punct="!"):
    return "hi " + name + punct
print(greet("bob"), greet("al", punct="?"))
def trace(fn):
    depth = [0]
    def inner(*a):
        print("  " * depth[0] + f"-> {fn.__name__}{a}")
        depth[0] += 1
        r = fn(*a)
        depth[0] -= 1
        print("  " * depth[0] + f"<- {r}")
        return r
    return inner
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(3)
class cached_property:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, owner):
        if obj is None:
            return self
        v = self.fn(obj)
        obj.__dict__[self.name] = v
        return v
class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, type(Circle.area).__name__)
def make_stack():
    items = []
    def push(x): items.append(x)
    def pop(): return items.pop()
    def size(): return len(items)
    return push, pop, size
push, pop, size = make_stack()
push(1); push(2)
print(pop(), size(), push.__closure__ is not None, pop.__code__.co_name if hasattr(pop, "__code__") else "")
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
adders = {}
for n in range(3):
    def add(v, n=n):
        return v + n
    adders[n] = add
print([adders[k](10) for k in adders])
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3, y=4), (lambda x, /, y=2, *, z=3: x + y + z)(1, z=10))
