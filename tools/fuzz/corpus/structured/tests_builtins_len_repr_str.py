# len, repr, str, ascii-free conversions of builtin values.
print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(""))
print(repr(1), repr(1.5), repr("s"), repr([1, "s"]), repr((1,)), repr({"a": 1}), repr(None))
print(str(1), str(1.5), str("s"), str([1, "s"]), str("x"))
print(repr(range(3)), repr(slice(1, 2)), repr(len), repr(int), repr(type(None)), repr(...))
print(repr(NotImplemented), repr(Ellipsis), str(object)[:14])
print(len(str(12345)), len(repr("ab")), str(-0.0), repr(float("inf")))
