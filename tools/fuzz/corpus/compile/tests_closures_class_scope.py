# Class bodies are not enclosing scopes for methods; comprehension scoping in class bodies.
x = "module"
class A:
    x = "class"
    def m(self):
        return x
    y = x + "!"
print(A().m(), A.y)
def outer():
    v = "outer-local"
    class B:
        w = v
        def get(self):
            return v
    return B
B = outer()
print(B.w, B().get())
class C:
    n = 3
    items = [i for i in range(n)]
print(C.items)
class D:
    a = 1
    b = a + 1
    del a
print(hasattr(D, "a"), D.b)
def f():
    z = 1
    class E:
        z = 2
        def get(self):
            return z
    return E().get(), E.z
print(f())
