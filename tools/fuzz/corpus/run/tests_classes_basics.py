# Classes: instances, attributes, methods, class attributes vs instance attributes.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
p.move(1, 1).move(1, 1)
print(p.x, p.y)
q = Point(0, 0)
q.dims = 3
print(q.dims, Point.dims, p.dims)
Point.dims = 5
print(q.dims, p.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), Point.__name__)
print(Point.norm2(p), Point.__qualname__)
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)
print(p.__dict__, sorted(vars(q)))
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, Empty.__name__)
