# Three levels of nesting, nonlocal reaching past an intermediate scope, global vs nonlocal.
x = "global"
def level1():
    x = "level1"
    def level2():
        def level3():
            return x
        return level3()
    return level2()
print(level1())
def modify():
    y = 1
    def middle():
        def inner():
            nonlocal y
            y += 10
        inner()
        return y
    r = middle()
    return r, y
print(modify())
def shadow():
    x = "shadow"
    def inner():
        global x
        return x
    return inner(), x
print(shadow())
def free_and_local():
    a = 1
    def f():
        b = a + 1
        def g():
            return a + b
        return g()
    return f()
print(free_and_local())
def param_closure(p):
    def f():
        return p * 2
    return f
print(param_closure(21)(), param_closure("ab")())
