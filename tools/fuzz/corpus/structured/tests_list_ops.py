# list operators: +, *, in, comparisons, equality, len, nested lists and aliasing.
a = [1, 2]
b = [3]
print(a + b, a * 3, 0 * a, [] * 5, b * -1)
print(2 in a, 5 in a, 5 not in a, [1] in [[1], 2])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
print([] < [0], [[1]] == [[1]], [1, [2, [3]]] == [1, [2, [3]]])
print(len([]), len([[], []]), len([None] * 7))
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
bad = [[0] * 3] * 2
bad[0][1] = 5
print(bad)
x = [1, 2, 3]
y = x
y.append(4)
print(x, x is y, x == x[:], x is x[:])
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError:", e)
print(list(), list("ab"), list((1, 2)), list(range(3)), list({1: 2}))
