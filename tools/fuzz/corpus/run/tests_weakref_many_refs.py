# Many weakly referenced objects at once: the table that maps objects to their weak
# references grows and shrinks, and every reference follows its own object.
import weakref


class Obj:
    def __init__(self, i):
        self.i = i


objs = [Obj(i) for i in range(1200)]
refs = [weakref.ref(o) for o in objs]
cbrefs = []
dead = []
for o in objs[::3]:
    cbrefs.append(weakref.ref(o, lambda w: dead.append(1)))
print(all(refs[i]() is objs[i] for i in range(1200)))
print(sum(weakref.getweakrefcount(o) for o in objs))
for i in range(0, 1200, 2):
    objs[i] = None
print(sum(1 for r in refs if r() is None), len(dead))
print(all(refs[i]().i == i for i in range(1, 1200, 2)))
objs.clear()
print(sum(1 for r in refs if r() is None), len(dead))
again = [Obj(i) for i in range(100)]
print(all(weakref.ref(o)() is o for o in again))
print(sum(weakref.getweakrefcount(o) for o in again))
