# A proxy to an iterator forwards next(); a proxy to a non-iterator refuses it.
import weakref


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


c = Counter(3)
p = weakref.proxy(c)
print(next(p), next(p), list(p), next(p, "end"))


class NotIter:
    pass


q = weakref.proxy(NotIter())
try:
    next(weakref.proxy(NotIter()))
except (TypeError, ReferenceError) as e:
    print(type(e).__name__, e)
n = NotIter()
try:
    next(weakref.proxy(n))
except TypeError as e:
    print(e)
try:
    iter(weakref.proxy(n))
except TypeError as e:
    print(e)
