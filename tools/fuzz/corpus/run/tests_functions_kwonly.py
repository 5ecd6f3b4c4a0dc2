# Keyword-only and positional-only parameters.
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(a=1, b=2, c=4))
def g(a, b, /, c, *, d):
    return a, b, c, d
print(g(1, 2, 3, d=4), g(1, 2, c=3, d=4))
def h(*, only):
    return only
print(h(only="yes"))
def k(x, /):
    return x
print(k(5))
for call in [lambda: f(1, 2), lambda: f(1), lambda: g(1, b=2, c=3, d=4), lambda: h(1), lambda: k(x=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def m(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(m(1, d=4), m(1, 2, 3, 4, 5, d=6, z=7))
