# super() in diamonds follows the MRO (cooperative calls), super with explicit arguments.
class Base:
    def __init__(self):
        print("Base.__init__")
    def greet(self):
        return ["Base"]
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
    def greet(self):
        return ["Left"] + super().greet()
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
    def greet(self):
        return ["Right"] + super().greet()
class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
    def greet(self):
        return ["Child"] + super().greet()
c = Child()
print(c.greet())
print(super(Left, c).greet(), super(Child, c).greet())
class A:
    @classmethod
    def make(cls):
        return "A.make for " + cls.__name__
    @staticmethod
    def st():
        return "A.st"
class B(A):
    @classmethod
    def make(cls):
        return "B wraps " + super().make()
    def call_st(self):
        return super().st()
print(B.make(), B().call_st())
class P:
    value = "P.value"
class Q(P):
    value = "Q.value"
    def get(self):
        return super().value, self.value
print(Q().get())
