# Calls that may or may not take the loop's inline frame (the code's precomputed simple_frame):
# each kind of parameter list and cell layout must still bind its arguments correctly.


def plain(a, b):
    return a - b


def kwonly(a, *, k=10):
    return a + k


def star(a, *rest):
    return (a, rest)


def starkw(a, **kw):
    return (a, sorted(kw.items()))


def with_cell(a):
    def inner():
        return a * 2
    return inner()


def arg_is_cell(a, b):
    f = lambda: a + b
    a = 100
    return f()


def make_adder(n):
    def add(x):
        return x + n
    return add


def defaults(a, b=5):
    return a * b


def deep(n):
    if n == 0:
        return 0
    return 1 + deep(n - 1)


for i in range(3):
    print(plain(10, i), kwonly(i), kwonly(i, k=1), star(i), star(i, 1, 2), starkw(i),
          starkw(i, z=1, y=2), with_cell(i), arg_is_cell(i, 1), make_adder(i)(5), defaults(i),
          defaults(i, 2))

# Wrong argument counts still report the binding error from the general path.
for f, args in ((plain, (1,)), (plain, (1, 2, 3)), (kwonly, ()), (with_cell, ()), (defaults, ())):
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)

# Deep recursion through the inline path ends in RecursionError, and the frames unwind.
print(deep(500))
try:
    deep(100000)
except RecursionError:
    print("RecursionError")
print(deep(50))
