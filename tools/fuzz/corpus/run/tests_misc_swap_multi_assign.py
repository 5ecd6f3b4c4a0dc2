# Evaluation order: right-hand side first, targets left to right, call arguments left to right.
def v(tag, val):
    print("eval", tag)
    return val
a, b = v("rhs1", 1), v("rhs2", 2)
d = {}
d[v("key", "k")] = v("value", 1)
def g(*args):
    return args
print(g(v("arg1", 1), v("arg2", 2), *[v("star", 3)]))
x = [0, 0, 0]
i = 0
i, x[i] = 1, 5
print(i, x)
print(v("left", 1) + v("right", 2) * v("mul", 3))
print(v("cmp1", 1) < v("cmp2", 2) and v("and", True))
l = [v("e1", 1), v("e2", 2)]
dd = {v("k1", "a"): v("v1", 1), v("k2", "b"): v("v2", 2)}
print(l, dd)
