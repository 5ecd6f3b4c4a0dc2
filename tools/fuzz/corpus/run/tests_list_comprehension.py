# List comprehensions: nested for/if clauses and their scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([c.upper() for c in "abc" if c != "b"])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([[row[i] for row in matrix] for i in range(3)])
def f():
    n = 10
    return [n + i for i in range(3)]
print(f())
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
print([y for x in [[1, 2], [3]] for y in x])
print([i for i in range(5)][::-1], [None for _ in "ab"])
print([a + b for a, b in zip("abc", "xyz")], [k for k, v in {"p": 1, "q": 2}.items() if v > 1])
