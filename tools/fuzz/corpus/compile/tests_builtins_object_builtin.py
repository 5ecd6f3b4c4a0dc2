# object(), NotImplemented, Ellipsis, id-free identity checks, hash of ints and tuples.
o = object()
p = object()
print(type(o).__name__, o == o, o == p, o is not p, isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ... is Ellipsis)
print(hash(0), hash(1), hash(-1), hash(42), hash(True), hash(2 ** 40), hash((1, 2)) == hash((1, 2)))
print(hash(1.0) == hash(1), hash(1.5) == hash(1.5), hash(()) == hash(()))
print(object.__name__, object.__bases__, len(object.__mro__))
