# Comprehensions: their own scope, nested clauses order, dict/set comprehensions, genexps.
x = "global x"
res = [x for x in range(3)]
print(x, res)
print({k: v for k, v in zip("abc", range(3))}, sorted({n % 3 for n in range(10)}))
print({k: [v * i for i in range(2)] for k, v in [("a", 1), ("b", 2)]})
print([(i, j) for i in range(3) if i for j in range(i) if j != 1])
print(sum(i * i for i in range(10)), max(len(w) for w in ["a", "abc"]), list(c for c in "ab"))
print(sorted((v, k) for k, v in {"x": 2, "y": 1}.items()))
print(any(n > 5 for n in range(7)), all(n < 5 for n in range(7)))
def outer():
    y = 10
    return [y + i for i in range(3)], {i: y for i in range(2)}
print(outer())
rows = [[1, 2], [3, 4]]
print([v for row in rows for v in row], [[v * 10 for v in row] for row in rows])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
print(",".join(str(i) for i in range(5) if i % 2 == 0))
