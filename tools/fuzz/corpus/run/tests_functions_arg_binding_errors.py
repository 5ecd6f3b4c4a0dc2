# argument binding errors, as CPython words them
def f(a, b, c=3, *, d, e=5):
    return (a, b, c, d, e)
def g(x, /, y, *args, z, **kw):
    return (x, y, args, z, kw)
class C:
    def m(self, a):
        return a
    @classmethod
    def cm(cls, a, b=1):
        return a
    @staticmethod
    def sm(a):
        return a
calls = [
    lambda: f(1, 2, d=4),
    lambda: f(1),
    lambda: f(1, 2),
    lambda: f(1, 2, 3, 4, d=1),
    lambda: f(1, 2, d=1, q=9),
    lambda: f(1, 2, a=1, d=1),
    lambda: f(),
    lambda: g(1, 2, 3, z=4, w=5),
    lambda: g(x=1, y=2, z=3),
    lambda: g(1, 2),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: C.cm(),
    lambda: C.sm(1, 2),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: k)(),
    lambda: (lambda a, b, c: 0)(1),
    lambda: (lambda a, b, c: 0)(1, c=2),
    lambda: f(1, 2, **{"d": 1, "e": 2}),
    lambda: f(*[1, 2], d=0),
    lambda: f(**{1: 2}),
    lambda: f(*1),
    lambda: f(1, **[1]),
    lambda: f(1, 2, d=1, **{"d": 2}),
    lambda: len(),
    lambda: len([], []),
    lambda: isinstance(1),
    lambda: "".join(),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: sorted([], key=len, foo=1),
    lambda: int("1", base=2, x=1),
    lambda: range(),
    lambda: range(1, 2, 3, 4),
    lambda: divmod(1),
    lambda: C(1),
    lambda: object(1),
    lambda: Exception(foo=1),
]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print("TypeError:", e)
