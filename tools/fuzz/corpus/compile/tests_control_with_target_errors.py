# with: an error while storing the as-target still calls __exit__; several items, suppression.
class CM:
    def __init__(self, name, value=None, suppress=False):
        self.name, self.value, self.suppress = name, value, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.value if self.value is not None else self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a, CM("b", 5) as b:
    print("body", a.name, b)
try:
    with CM("unpack", 5) as (x, y):
        print("not reached")
except TypeError as e:
    print("TypeError:", e)
with CM("sup", suppress=True):
    raise ValueError("hidden")
print("after suppress")
class Holder:
    @property
    def field(self):
        return 0
try:
    with CM("attr", 1) as Holder().field:
        pass
except AttributeError as e:
    print("AttributeError:", e)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("in loop", i)
d = {}
with CM("item", [1, 2]) as d["k"]:
    pass
print(d)
try:
    with CM("outer"):
        with CM("inner", suppress=False):
            1 / 0
except ZeroDivisionError as e:
    print("caught", e)
class Bad:
    pass
try:
    with Bad():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
