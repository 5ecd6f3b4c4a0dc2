# LOAD_METHOD sites that see several classes (the cache keeps a second receiver type): each
# class must still get its own method, and changes to classes or instances must be seen.


class Base:
    def who(self):
        return "base"

    def shared(self):
        return "shared " + self.who()


class A(Base):
    def who(self):
        return "A"


class B(Base):
    def who(self):
        return "B"


class C(Base):
    pass


class D(A):
    pass


def call_who(objs):
    return [o.who() for o in objs]


def call_shared(objs):
    return [o.shared() for o in objs]


objs = [A(), B(), A(), B(), C(), D(), Base(), A()]
for _ in range(3):
    print(call_who(objs))
    print(call_shared(objs))

# Two classes alternating at one site, then one of them changes its method.
pair = [A(), B()] * 4
print(call_who(pair))
B.who = lambda self: "B2"
print(call_who(pair))
del B.who
print(call_who(pair))


# An instance attribute shadows the method for that instance only.
def b_who(self):
    return "B3"


B.who = b_who
pair[1].who = lambda: "shadow"
print(call_who(pair))
del pair[1].who
print(call_who(pair))

# The base's method changes: inheriting classes seen at the site follow it.
kids = [C(), D(), C(), D(), Base()]
print(call_who(kids))
Base.who = lambda self: "newbase"
print(call_who(kids))


# A new class with the same method name reaching a warmed site.
class E(Base):
    def who(self):
        return "E"


print(call_who([A(), B(), E(), C(), E(), A()]))


# Builtin receivers alternating with instances at one site.
class L:
    def append(self, x):
        return "L.append"


def app(objs):
    return [o.append(1) for o in objs]


print(app([[], L(), [], L(), L(), []]))


# The method raises on one class: the error propagates from a cached site.
class Bad(Base):
    def who(self):
        raise ValueError("bad who")


try:
    call_who([A(), B(), Bad()])
except ValueError as e:
    print("caught", e)
print(call_who([A(), B(), A()]))
