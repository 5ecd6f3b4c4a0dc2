# Function decorators: plain, stacked, with arguments, preserving attributes by hand.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    wrapper.__name__ = fn.__name__
    return wrapper
def exclaim(n):
    def deco(fn):
        def wrapper(*args):
            return fn(*args) + "!" * n
        return wrapper
    return deco
@shout
def hello(name):
    return "hello " + name
print(hello("ann"), hello.__name__)
@exclaim(3)
@shout
def bye(name):
    return "bye " + name
print(bye("bob"))
calls = []
def register(fn):
    calls.append(fn.__name__)
    return fn
@register
def one(): return 1
@register
def two(): return 2
print(calls, one(), two())
def trace(fn):
    def inner(*a):
        print("call", fn.__name__, a)
        r = fn(*a)
        print("ret", r)
        return r
    return inner
@trace
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
fact(3)
def deco_order(tag):
    print("evaluating", tag)
    def d(fn):
        print("applying", tag)
        return fn
    return d
@deco_order("outer")
@deco_order("inner")
def target(): pass
