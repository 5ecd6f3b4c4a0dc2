# return from inside with, try/except, and loops; the cleanup order is observable.
class CM:
    def __init__(self, tag):
        self.tag = tag
    def __enter__(self):
        print("enter", self.tag)
    def __exit__(self, *a):
        print("exit", self.tag)
def f():
    with CM("outer"):
        for i in range(3):
            with CM("inner%d" % i):
                if i == 1:
                    return "returned at %d" % i
print(f())
def g():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("g finally")
print(g())
def h(xs):
    for x in xs:
        while True:
            if x > 1:
                return x
            break
    return None
print(h([0, 1, 5, 7]), h([]))
