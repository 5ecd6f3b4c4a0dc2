# map and filter: lazy iterators, several iterables, None as filter function.
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(str.isdigit, "a1b2")))
calls = []
def f(x):
    calls.append(x)
    return x * 2
m = map(f, [1, 2, 3])
print(calls)
print(next(m), calls)
print(list(m), calls)
print(list(m))
print(sum(map(int, "12345")), max(map(len, ["a", "abc", "ab"])))
print(type(map(str, [])).__name__, type(filter(None, [])).__name__)
evens = filter(lambda n: n % 2 == 0, range(10))
print(list(map(lambda n: n * n, evens)))
