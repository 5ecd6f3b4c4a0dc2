# TypeError messages for * and ** arguments of the wrong type (CPython names the function
# by its qualified name with the module here).
def f(a, b):
    return a + b
for bad in [lambda: f(*1), lambda: f(**[1]), lambda: f(**{1: 2}), lambda: f(*None),
            lambda: f(**{"a": 1}, **{"a": 2})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(f(*"ab"), f(*{"x": 1, "y": 2}), f(**{"b": 1, "a": 2}))
