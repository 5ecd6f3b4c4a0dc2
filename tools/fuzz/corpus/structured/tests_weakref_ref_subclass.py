# Subclasses of weakref.ref: extra attributes, their own __new__, never shared.
import weakref


class Target:
    pass


class NamedRef(weakref.ref):
    def __new__(cls, obj, name, callback=None):
        self = super().__new__(cls, obj, callback)
        self.name = name
        return self

    def __init__(self, obj, name, callback=None):
        super().__init__(obj, callback)

    def describe(self):
        return "%s -> %s" % (self.name, "alive" if self() is not None else "dead")


t = Target()
a = NamedRef(t, "first")
b = NamedRef(t, "second")
plain = weakref.ref(t)
print(a is b, a == b, a == plain, isinstance(a, weakref.ref), type(a).__name__)
print(a.describe(), b.name, a() is t)
print(weakref.getweakrefcount(t), weakref.getweakrefs(t)[0] is plain)
log = []
c = NamedRef(t, "third", lambda w: log.append(w.name))
del t
print(a.describe(), log, c.__callback__)


class Counting(weakref.ref):
    calls = 0

    def __call__(self):
        Counting.calls += 1
        return super().__call__()


u = Target()
cr = Counting(u)
print(cr() is u, cr() is u, Counting.calls)
