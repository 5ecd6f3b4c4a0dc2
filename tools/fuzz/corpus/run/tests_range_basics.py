# range: forms, repr, len, indexing, slicing, membership, equality, negative steps.
print(range(5), range(1, 5), range(1, 10, 2), range(5, 0, -1))
print(list(range(5)), list(range(2, 5)), list(range(0, 10, 3)), list(range(5, 0, -2)), list(range(0)))
print(list(range(-3, 3)), list(range(3, -3, -1)), list(range(1, 1)), list(range(5, 1)))
r = range(10, 50, 7)
print(len(r), r[0], r[-1], r[2], r[1:3], r[::-1], r[::2])
print(list(r[1:3]), list(r[::-1]))
print(17 in r, 18 in r, 10 in r, 50 in r, -1 in range(-5, 0))
print(r.index(24), r.count(24), range(0) == range(5, 5), range(1, 3) == range(1, 3, 1))
print(len(range(0, 100, 3)), len(range(100, 0, -7)), len(range(-5)))
print(range(4)[2], sum(range(101)), max(range(5)), min(range(3, 8)))
try:
    range(1, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r.index(11)
except ValueError as e:
    print("ValueError:", e)
big = range(0, 2 ** 62, 2 ** 40)
print(len(big), big[-1], (2 ** 50) in big)
print(r.start, r.stop, r.step)
