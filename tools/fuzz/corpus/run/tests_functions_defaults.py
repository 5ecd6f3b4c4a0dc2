# Default argument values: evaluated once at def time, shared mutable defaults, None idiom.
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 20), f(1, c=30), f(1, 20, 30), f(a=5), f(c=0, a=1))
x = 10
def g(v=x):
    return v
x = 20
print(g(), g(1))
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe(1), safe(2))
print(f.__defaults__, g.__defaults__, safe.__name__)
def h(a, b=[1], *, c={"k": 1}):
    return a, b, c
print(h(0), h.__kwdefaults__)
