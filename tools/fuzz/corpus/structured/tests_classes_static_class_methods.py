# staticmethod and classmethod, called on the class and on instances, and inherited.
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @staticmethod
    def describe(x):
        return "static " + str(x)
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def name(cls):
        return cls.__name__
class Circle(Shape):
    pass
print(Shape.describe(1), Shape().describe(2))
s = Shape.create()
c = Circle.create()
print(type(s).__name__, type(c).__name__, Shape.count)
print(Shape.name(), Circle.name(), c.name())
print(type(Shape.__dict__["describe"]).__name__, type(Shape.__dict__["create"]).__name__)
def plain(x):
    return x * 2
class K:
    twice = staticmethod(plain)
    made = classmethod(lambda cls, v: (cls.__name__, v))
print(K.twice(4), K().twice(5), K.made(1), K().made(2))
