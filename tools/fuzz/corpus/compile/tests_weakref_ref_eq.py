# Equality of weak references: by referent while both live, by identity once one is dead.
import weakref


class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v

    __hash__ = object.__hash__


a, b, c = V(1), V(1), V(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra == rb)
print(ra == rc)
print(ra != rc)
print(ra == ra)
rb2 = weakref.ref(b, lambda w: None)
print(rb == rb2)
del b
print(rb == rb2, rb == rb, rb != rb2)
print(ra == rb)
print(ra == 1, ra != "x")
try:
    ra < rc
except TypeError as e:
    print(e)
