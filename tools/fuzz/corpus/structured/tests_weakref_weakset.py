# WeakSet: membership that does not keep members alive.
import weakref


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Item(%d)" % self.n


items = [Item(i) for i in range(5)]
s = weakref.WeakSet(items[:3])
print(len(s), items[0] in s, items[4] in s, 1 in s)
s.add(items[4])
s.add(items[4])
print(len(s), sorted(x.n for x in s))
del items[1]
print(len(s), sorted(x.n for x in s))
s.discard(items[0])
s.discard(items[0])
print(len(s))
try:
    s.remove(items[0])
except KeyError:
    print("KeyError")
t = weakref.WeakSet([items[1], items[3]])
print(sorted(x.n for x in s | t), sorted(x.n for x in s & t), sorted(x.n for x in s - t))
print(sorted(x.n for x in s ^ t))
print(s <= s, (s & t) <= s, s.issubset(t), s.isdisjoint(weakref.WeakSet([items[0]])))
print(s == weakref.WeakSet(list(s)), s == t)
c = s.copy()
print(type(c).__name__, len(c))
x = c.pop()
print(x in s, len(c))
del x
s.clear()
print(len(s), list(s), len(c))
items.clear()
print(len(t), len(c), list(t))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError", e)
