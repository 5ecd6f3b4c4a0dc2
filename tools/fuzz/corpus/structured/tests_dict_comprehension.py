# dict comprehensions: conditions, nested, key collisions keep the last value, inversion.
squares = {n: n * n for n in range(6)}
print(squares)
print({n: s for n, s in squares.items() if s % 2 == 0})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print({c: "abc".index(c) for c in "cab"})
words = ["apple", "bob", "cat", "avocado"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({k: len(k) for k in sorted(set(words))})
