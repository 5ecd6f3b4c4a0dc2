# __del__ of instances of classes with inheritance, and del of attributes holding objects.
class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("release", self.name)
class Sub(Res):
    def __del__(self):
        print("sub release", self.name)
        super().__del__()
s = Sub("child")
del s
class Holder:
    def __init__(self):
        self.a = Res("attr-a")
        self.b = Res("attr-b")
h = Holder()
del h.a
print("attribute a deleted")
h.b = Res("attr-b2")
print("attribute b replaced")
del h
print("holder deleted")
class Counter:
    alive = 0
    def __init__(self):
        Counter.alive += 1
    def __del__(self):
        Counter.alive -= 1
objs = [Counter() for _ in range(5)]
print(Counter.alive)
objs.pop()
objs.pop(0)
print(Counter.alive)
objs = []
print(Counter.alive)
