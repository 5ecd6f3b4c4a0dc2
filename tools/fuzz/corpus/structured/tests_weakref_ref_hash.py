# The hash of a weak reference is its referent's, cached; after death only the cache works.
import weakref


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        print("hash called")
        return self.k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k


a = Key(42)
r = weakref.ref(a)
print(hash(r))
print(hash(r))
d = {r: "value"}
print(d[weakref.ref(a)])
del a
print(hash(r), d[r])
b = Key(7)
r2 = weakref.ref(b)
del b
try:
    hash(r2)
except TypeError as e:
    print("TypeError:", e)


class Plain:
    pass


x = Plain()
print(hash(weakref.ref(x)) == hash(x))
