# Closures capture variables, not values: late binding, and rebinding after creation.
def outer():
    x = 1
    def show():
        return x
    x = 2
    r1 = show()
    x = 3
    return r1, show()
print(outer())
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])
def make_funcs():
    out = []
    for i in range(3):
        def g(i=i):
            return i
        out.append(g)
    return out
print([g() for g in make_funcs()])
def cell_shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    inc(); inc()
    return get()
print(cell_shared())
