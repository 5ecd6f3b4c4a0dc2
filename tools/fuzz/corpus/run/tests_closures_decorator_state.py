# Closures holding state across calls: memoization and call counting decorators.
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def counted(fn):
    calls = 0
    def wrapper(*a):
        nonlocal calls
        calls += 1
        return fn(*a)
    def get_calls():
        return calls
    wrapper.get_calls = get_calls
    return wrapper
@counted
def add(a, b):
    return a + b
add(1, 2); add(3, 4); add(5, 6)
print(add.get_calls())
def make_ops():
    ops = {}
    def reg(name):
        def deco(f):
            ops[name] = f
            return f
        return deco
    @reg("neg")
    def neg(x): return -x
    @reg("sq")
    def sq(x): return x * x
    return ops
ops = make_ops()
print(sorted(ops), ops["neg"](3), ops["sq"](4))
