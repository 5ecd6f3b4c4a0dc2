# UnboundLocalError: a name assigned later in the function is local throughout it.
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(f())
def g():
    def inner():
        try:
            return y
        except NameError as e:
            return "%s: %s" % (type(e).__name__, e)
    r = inner()
    y = 1
    return r
print(g())
def h():
    if False:
        z = 1
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(h())
def k():
    try:
        print(undefined_global_name)
    except NameError as e:
        print(type(e).__name__, e)
k()
