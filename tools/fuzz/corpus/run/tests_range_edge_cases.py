# range edge cases: negative steps, empty ranges, equality, bool, contains with floats.
print(list(range(0, -5, -1)), list(range(-5, 0, 2)), list(range(10, 0, -4)), list(range(0, 0, -1)))
print(range(0, 10, 3) == range(0, 12, 3), range(0) == range(2, 2), range(1, 2) == range(1, 3))
print(len(range(-10, 10, 3)), range(-10, 10, 3)[-1], range(5)[-5], list(range(5)[1:-1]))
print(bool(range(0)), bool(range(3, 4)), 2.0 in range(5), 2.5 in range(5))
r = range(1, 20, 4)
print(list(r), r.count(5), r.count(6), r.index(17), r[1:], r[-2:], r[::-2])
print(sum(range(0, 1000000, 7)), len(range(0, 1000000, 7)))
print(list(range(3, 0, -1)) == [3, 2, 1], range(3, 0, -1))
