# On reference-count death the newest callback runs first; every ref is dead before any runs.
import weakref


class Obj:
    pass


o = Obj()
refs = []


def make(i):
    def cb(wr):
        print("callback", i, [r() for r in refs])
    return cb


for i in range(4):
    refs.append(weakref.ref(o, make(i)))
plain = weakref.ref(o)
p = weakref.proxy(o)
got = weakref.getweakrefs(o)


def position(x):
    for i in range(len(refs)):
        if refs[i] is x:
            return i


print(got[0] is plain, got[1] is p, [position(x) for x in got[2:]])
del o
print(plain(), [r() for r in refs])
