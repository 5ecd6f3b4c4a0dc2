# namedtuple-like classes built on tuple with __slots__ = ()
class Point(tuple):
    __slots__ = ()
    _fields = ("x", "y")
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"
    def _replace(self, **kw):
        vals = dict(zip(self._fields, self))
        vals.update(kw)
        return type(self)(**vals)
    def _asdict(self):
        return dict(zip(self._fields, self))
p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), p._replace(y=5), p._asdict(), hash(p) == hash((1, 2)))
x, y = p
print(x + y, sorted([Point(2, 1), Point(1, 5)]), max(Point(1, 2), Point(1, 3)), p + (3,), p * 2)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), isinstance(p, tuple), type(p).__mro__[1].__name__, p.count(1), p.index(2))
try:
    class Bad(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
class Tagged(str):
    __slots__ = ()
t = Tagged("v")
try:
    t.a = 1
except AttributeError as e:
    print("AttributeError:", e)
class L(list):
    __slots__ = ()
l = L([1])
try:
    l.a = 1
except AttributeError as e:
    print("AttributeError:", e)
print(l, t, {p: "pt"}[(1, 2)])
