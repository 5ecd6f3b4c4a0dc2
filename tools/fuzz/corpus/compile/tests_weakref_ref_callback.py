# Callbacks of weak references: the argument, __callback__, running once, None.
import weakref


class Thing:
    pass


log = []


def cb(wr):
    log.append(("cb", wr is r, wr()))


t = Thing()
r = weakref.ref(t, cb)
print(r.__callback__ is cb)
del t
print(log)
print(r.__callback__)
t2 = Thing()
r2 = weakref.ref(t2, None)
print(r2.__callback__)
del t2
print(r2())
# A callback is not called when the weak reference itself died first.
t3 = Thing()
r3 = weakref.ref(t3, cb)
del r3
del t3
print(len(log))
# A bound method and a lambda as callbacks.


class Watcher:
    def __init__(self):
        self.seen = 0

    def notify(self, wr):
        self.seen += 1


w = Watcher()
t4 = Thing()
r4 = weakref.ref(t4, w.notify)
r5 = weakref.ref(t4, lambda wr: print("lambda sees", wr()))
t4 = None
print(w.seen)
