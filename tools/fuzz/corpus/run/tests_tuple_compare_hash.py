# Tuple comparisons element by element, hashing, use as dict keys and set elements.
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), min(pairs), max(pairs))
print((1, 2, 3) < (1, 2, 4), (1, 2) <= (1, 2), (3,) >= (2, 9, 9), (1, "a") < (1, "b"))
print((1, 2) == [1, 2], (1,) != (1.0,))
n = float("nan")
print((n,) == (n,), [n] == [n])
grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid[(2, 1)], grid[1, 0], len(grid))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash((1, 2)) != hash((2, 1)))
print(hash((1.0, 2)) == hash((1, 2.0)), hash((True,)) == hash((1,)))
s = {(1, 2), (1, 2), (2, 1)}
print(len(s), (1, 2) in s, (3, 3) in s)
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print("TypeError:", e)
