# Class attributes, class decorators, __dict__ of classes, class body statements.
def add_hello(cls):
    cls.hello = lambda self: "hello from " + type(self).__name__
    return cls
@add_hello
class A:
    """Doc of A."""
    shared = []
    if True:
        conditional = "yes"
    for _i in range(3):
        pass
    def add(self, v):
        self.shared.append(v)
a1, a2 = A(), A()
a1.add(1); a2.add(2)
print(A.shared, a1.hello(), A.__doc__, A.conditional, A._i)
print("add" in A.__dict__, "hello" in A.__dict__, "shared" in vars(A))
A.new_attr = "later"
print(a1.new_attr)
class B:
    x = 1
    y = x * 10
    z = [x, y]
print(B.z)
print(A.__module__, A.__name__, type(A).__name__, type(type).__name__)
class C(object):
    pass
print(C.__bases__ == (object,), C.__base__ is object)
def deco_counter(cls):
    cls.count = 0
    orig = cls.__init__
    def init(self, *a):
        cls.count += 1
        orig(self, *a)
    cls.__init__ = init
    return cls
@deco_counter
class D:
    def __init__(self, v):
        self.v = v
D(1); D(2)
print(D.count, D(3).v)
