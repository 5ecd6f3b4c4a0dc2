# Function objects: __name__, __qualname__, __doc__, custom attributes, identity, as values.
def documented(x):
    """Return x doubled."""
    return x * 2
print(documented.__name__, documented.__doc__, documented(4))
def plain():
    pass
print(plain.__doc__)
plain.counter = 0
plain.counter += 5
print(plain.counter)
class Outer:
    def method(self):
        def local():
            pass
        return local
print(Outer.method.__qualname__, Outer().method().__qualname__)
funcs = {"double": documented, "none": plain}
print(funcs["double"](21), callable(plain), callable(5))
print(documented == documented, documented is documented, plain != documented)
def takes(f, *a):
    return f(*a)
print(takes(max, 3, 9, 2), takes(len, "abc"), takes(documented, "ab"))
print(type(plain).__name__, type(len).__name__)
print(str(len), repr(max))
