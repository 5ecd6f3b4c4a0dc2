# type() of many values, type() with three arguments, isinstance/issubclass.
for v in (1, 1.0, "s", [], (), {}, set(), frozenset(), None, True, range(1), len, type, object(), ...):
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(type(1)) is type, type(int), type(None))
Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: "hi"})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), isinstance(d, Dyn))
Sub = type("Sub", (Dyn,), {})
print([c.__name__ for c in Sub.__mro__], Sub().x)
print(isinstance(3, (str, int)), issubclass(type, object), issubclass(object, type))
