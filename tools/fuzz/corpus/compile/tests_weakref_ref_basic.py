# weakref.ref: calling, sharing of callback-less refs, counts and the list of refs.
import weakref


class Node:
    def __init__(self, name):
        self.name = name


a = Node("a")
r = weakref.ref(a)
print(r() is a, r().name)
print(weakref.ref(a) is r)
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
r2 = weakref.ref(a, None)
print(r2 is r)
r3 = weakref.ref(a, lambda w: None)
print(r3 is r, r3() is a, weakref.getweakrefcount(a))
print(weakref.getweakrefs(a)[0] is r, weakref.getweakrefs(a)[1] is r3)
print(type(r), type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(isinstance(r, weakref.ref), callable(r), bool(r))
b = a
del a
print(r() is b)
del b
print(r(), r3())
print(weakref.getweakrefcount(r), weakref.getweakrefcount(1), weakref.getweakrefs(1))
c = Node("c")
r4 = weakref.ref(c)
del r4
print(weakref.getweakrefcount(c))
rs = [weakref.ref(c, lambda w: None) for i in range(5)]
print(weakref.getweakrefcount(c))
del rs[1:3]
print(weakref.getweakrefcount(c))
del rs
print(weakref.getweakrefcount(c))
