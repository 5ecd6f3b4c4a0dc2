# __del__ runs as soon as the last reference goes: at del, at rebinding, at function end.
class Tracked:
    def __init__(self, name):
        self.name = name
        print("create", name)
    def __del__(self):
        print("destroy", self.name)
a = Tracked("a")
print("before del a")
del a
print("after del a")
b = Tracked("b1")
b = Tracked("b2")
print("after rebinding b")
def scope():
    local = Tracked("local")
    print("end of scope")
scope()
print("after scope")
c = Tracked("c")
d = c
del c
print("c deleted, d still holds it")
d = None
print("d rebound to None")
def returns_temp():
    return Tracked("temp")
returns_temp()
print("temporary discarded")
x = Tracked("x")
x.name = "x-renamed"
del x
print("end")
