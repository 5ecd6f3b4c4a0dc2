# Annotated assignments: with and without value, at module, function and class level.
x: int = 5
print(x)
y: list = []
y.append(x)
print(y)
z: str
try:
    print(z)
except NameError as e:
    print("NameError", e)
def f(a: int, b: "str" = "b") -> float:
    c: float = 1.5
    d: int
    return c
print(f(1))
class P:
    name: str = "default"
    age: int
print(P.name, hasattr(P, "age"))
p = P()
p.name: str = "set"
print(p.name)
q = {}
q["k"]: int = 3
print(q)
