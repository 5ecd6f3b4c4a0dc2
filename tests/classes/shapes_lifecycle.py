# Compact instances through their life: cycles through attributes found by the collector,
# __del__ that resurrects, weak references, gc.get_referents, attribute hooks, __slots__
# classes and their subclasses, instances that the collector clears.
import gc
import weakref


class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None

    def __del__(self):
        print("del", self.name, self.friend is not None)


a, b = Person("a"), Person("b")
a.friend, b.friend = b, a
wa = weakref.ref(a)
print(wa() is a, wa().name)
refs = gc.get_referents(a)
print(any(x is b for x in refs), any(x == "a" for x in refs), any(x is Person for x in refs))
del a, b, refs
print("collected", gc.collect() >= 2, wa())

saved = []


class Phoenix:
    def __init__(self, n):
        self.n = n
        self.tags = [n]

    def __del__(self):
        print("phoenix", self.n, self.tags)
        saved.append(self)


p = Phoenix(1)
del p
print(saved[0].n, saved[0].tags, vars(saved[0]))
saved[0].extra = "back"
print(vars(saved[0]))
saved.clear()


# Hooks: __setattr__ that stores through object.__setattr__, and __getattr__ as a fallback.
class Hooked:
    def __init__(self):
        self.seen = []
        self.x = 1

    def __setattr__(self, k, v):
        if k != "seen":
            self.seen.append(k)
        object.__setattr__(self, k, v)

    def __getattr__(self, k):
        return "missing " + k


h = Hooked()
h.y = 2
print(h.seen, h.x, h.y, h.nope, vars(h))
del h.x
print(h.x, list(vars(h)))


class Loud:
    def __getattribute__(self, k):
        if k == "secret":
            return "intercepted"
        return object.__getattribute__(self, k)


l = Loud()
l.secret = "stored"
l.other = 5
print(l.secret, l.other, vars(l))


# __slots__ classes keep their slots; a subclass without __slots__ gets a dict for the rest.
class Slotted:
    __slots__ = ("u", "v")

    def __init__(self):
        self.u = 1


class Free(Slotted):
    def __init__(self):
        Slotted.__init__(self)
        self.w = 3


s = Slotted()
try:
    s.w = 2
except AttributeError as e:
    print("AttributeError:", e)
f = Free()
f.v = 2
print(f.u, f.v, f.w, vars(f), hasattr(s, "__dict__"))


# Subclasses of plain classes add their own attributes; a subclass of a builtin keeps a dict.
class Base:
    def __init__(self):
        self.one = 1


class Derived(Base):
    def __init__(self):
        super().__init__()
        self.two = 2


class MyList(list):
    pass


d = Derived()
ml = MyList([1])
ml.tag = "t"
print(vars(d), d.one + d.two, vars(ml), ml.tag, len(ml))


# The collector clears instances in cycles it frees; weakref callbacks see them go.
class Ring:
    pass


nodes = [Ring() for _ in range(4)]
for i, n in enumerate(nodes):
    n.next = nodes[(i + 1) % 4]
    n.i = i
dead = []
w = weakref.ref(nodes[0], lambda r: dead.append("gone"))
del nodes, n
print(gc.collect() >= 4, dead, w())
