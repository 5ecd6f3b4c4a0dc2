# range in for loops, nested loops, modifying loop variable, reversed and enumerate.
total = 0
for i in range(1, 11):
    total += i
print(total)
for i in range(3):
    i = i * 10
    print(i, end=" ")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
print(list(reversed(range(5))), list(enumerate(range(3, 6))))
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
print([i for i in range(20) if i % 7 == 0])
count = 0
for a in range(5):
    for b in range(a):
        count += 1
print(count)
print(list(zip(range(3), range(10, 13))))
r = range(3)
print(list(r), list(r))
