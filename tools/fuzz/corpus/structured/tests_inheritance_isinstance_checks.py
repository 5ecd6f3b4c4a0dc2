# isinstance/issubclass with tuples, builtin hierarchy, and user classes.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, C), isinstance(b, ()))
print(issubclass(B, (C, A)), issubclass(B, object), issubclass(A, B))
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance("s", str))
print(isinstance(True, int), isinstance(None, object), isinstance([], (tuple, list)))
print(isinstance(int, type), isinstance(A, type), isinstance(type, type), isinstance(type, object))
print(issubclass(int, object), issubclass(bool, int), issubclass(dict, object))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(type(b) is B, type(b) == A, type(1) is int, type("") is str, type(None).__name__)
