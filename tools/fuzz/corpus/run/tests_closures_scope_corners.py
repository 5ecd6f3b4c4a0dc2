# scoping corner cases
x = "global"
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "inner-set"
        return x
    r = inner()
    return r, x
print(outer(), x)
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
print(c(), c(), c(5))
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
class A:
    y = 10
    z = [y * i for i in range(3)] if False else None
    w = (lambda: 1)()
    def meth(self):
        return y_global
y_global = "yg"
print(A.y, A.z, A.w, A().meth())
def unbound():
    try:
        print(q)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = 1
unbound()
def gl():
    global newg
    newg = 5
gl()
print(newg)
def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))
def make_adders():
    return [(lambda k: lambda v: v + k)(k) for k in range(3)]
print([f(10) for f in make_adders()])
def deep():
    a = 1
    def l1():
        def l2():
            def l3():
                return a + 1
            return l3()
        return l2()
    return l1()
print(deep())
class B:
    v = 1
    class C:
        v = 2
        def get(self):
            return v
v = 3
print(B.C().get(), B.C.__qualname__)
def f2():
    l = locals()
    a = 1
    return sorted(locals().keys())
print(f2())
def del_local():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return str(e)
print(del_local())
def free_after_del():
    a = 1
    def g():
        return a
    del a
    try:
        return g()
    except NameError as e:
        return str(e)
print(free_after_del())
print([(i, j) for i in range(3) for j in range(i)])
print({k: v for k, v in zip("abc", range(3)) if v})
print({i % 3 for i in range(10)})
