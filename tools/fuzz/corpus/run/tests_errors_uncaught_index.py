# IndexError in a list comprehension (its own frame in CPython 3.11).
data = [1, 2, 3]
print([data[i] for i in range(4)])
