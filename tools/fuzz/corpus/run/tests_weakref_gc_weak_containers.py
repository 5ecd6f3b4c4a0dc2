# Weak containers drop entries whose objects die in a garbage cycle at gc.collect().
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __repr__(self):
        return "Node(%s)" % self.name


gc.disable()
values = weakref.WeakValueDictionary()
keys = weakref.WeakKeyDictionary()
members = weakref.WeakSet()
a, b = Node("a"), Node("b")
values["a"], values["b"] = a, b
keys[a], keys[b] = 1, 2
members.add(a)
members.add(b)
del a
print(len(values), len(keys), len(members))
gc.collect()
print(sorted(values.keys()), list(keys.values()), list(members))
del b
gc.collect()
print(len(values), len(keys), len(members))
gc.enable()
