# WeakMethod: a weak reference to a bound method that dies with its object.
import weakref


class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self, other):
        return "%s greets %s" % (self.name, other)


g = Greeter("ann")
wm = weakref.WeakMethod(g.hello)
m = wm()
print(m("bob"), m == g.hello, isinstance(wm, weakref.ref))
del m
print(wm == weakref.WeakMethod(g.hello), hash(wm) == hash(weakref.WeakMethod(g.hello)))
log = []
wm2 = weakref.WeakMethod(g.hello, lambda r: log.append(r is wm2))
del g
print(wm(), wm2(), log)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
try:
    weakref.WeakMethod(Greeter)
except TypeError as e:
    print(e)
