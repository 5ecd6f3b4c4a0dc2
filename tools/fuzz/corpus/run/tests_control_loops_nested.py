# Nested loops with break/continue at different levels and flags.
found = None
for i in range(5):
    for j in range(5):
        if i * j == 6:
            found = (i, j)
            break
    if found:
        break
print(found)
result = []
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j > i:
            break
        if j == 1:
            continue
        result.append((i, j))
print(result)
total = 0
i = 0
while i < 10:
    i += 1
    for j in range(i):
        if j % 2:
            continue
        total += j
print(total)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
for row in matrix:
    for x in row:
        print(x, end=",")
    print()
