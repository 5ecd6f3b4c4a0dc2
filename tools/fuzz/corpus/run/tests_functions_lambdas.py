# lambda: defaults, closures, immediately invoked, in sort keys, conditional bodies.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda a, b=2: a * b)(3), (lambda *a, **k: (a, k))(1, z=2))
print(sq.__name__, type(sq).__name__)
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(list(filter(lambda v: v % 2, range(10))))
fib = lambda n: n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(15))
print((lambda: (lambda: "nested")())())
