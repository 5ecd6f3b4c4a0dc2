# Call syntax: keyword arguments, mixing positional, * and ** in any legal order.
def show(a, b=0, *args, c=1, **kw):
    return (a, b, args, c, sorted(kw.items()))
print(show(1))
print(show(1, 2, 3, 4))
print(show(1, c=5))
print(show(a=1, b=2, d=4))
print(show(*[1, 2], c=3, *[4], **{"e": 5}))
print(show(1, *(), **{}))
print(show(1, 2, *[3], 4, c=0, z=9))
print(max(3, 7, key=lambda v: -v), sorted([3, 1], reverse=True), dict(a=1, **{"b": 2}))
print("{a}-{b}".format(**{"a": 1, "b": 2}), "{}{}".format(*"xy"))
