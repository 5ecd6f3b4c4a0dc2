# Displays with unpacking: [*a], (*a,), {*a}, {**d}, and calls with several * and **.
a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, *b), [*a, 0, *b, *"xy"], [*range(3)], [*[], *()])
print(sorted({*a, *b, 1}), {**{"k": 1}, "j": 2, **{"k": 3}})
print([*a] is not a, [*a] == a)
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*a, *b), f(0, *a, 5, *b), f(**{"x": 1}, y=2, **{"z": 3}), f(*a, k=1, **{"m": 2}))
d1 = {"a": 1}
d2 = {"b": 2}
print({**d1, **d2}, dict(**d1, **d2))
nested = [[*a, *b], [*b, *a]]
print(nested)
first, *_ = [*"hello"]
print(first)
