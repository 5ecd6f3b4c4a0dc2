# scoping errors and class-body visibility
def f():
    def g():
        return x
    try:
        g()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    x = 1
    return g()
print(f())
class K:
    a = 5
    try:
        b = [a for _ in range(2)]
    except NameError as e:
        b = str(e)
    c = [i * 2 for i in range(3)]
print(K.b, K.c)
g_val = 1
def read_then_assign():
    try:
        print(g_val)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    g_val = 2
read_then_assign()
def use_global():
    global g_val
    g_val += 1
    return g_val
print(use_global(), g_val)
def nested_global():
    def inner():
        global g_new
        g_new = "set"
    inner()
nested_global()
print(g_new)
del g_new
try:
    g_new
except NameError as e:
    print("NameError:", e)
x = 10
class Shadow:
    x = x + 1
    def get(self):
        return x
print(Shadow.x, Shadow().get())
def counter_factory():
    count = 0
    class Inc:
        def bump(self):
            nonlocal count
            count += 1
            return count
    return Inc()
i = counter_factory()
print(i.bump(), i.bump())
def loop_var_leak():
    for k in range(3):
        pass
    return k
print(loop_var_leak(), [k for k in range(2)], "k" in globals())
try:
    undefined_function()
except NameError as e:
    print("NameError:", e)
def fn_del():
    v = 1
    del v
    del v
try:
    fn_del()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
lam = lambda: lam_free
try:
    lam()
except NameError as e:
    print("NameError:", e)
