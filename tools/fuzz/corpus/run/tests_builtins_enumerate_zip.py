# enumerate (start), zip (several iterables, shortest wins, strict not used), dict from zip.
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 5)))
for i, (a, b) in enumerate(zip("xy", [1, 2]), start=1):
    print(i, a, b)
print(list(zip()), list(zip([1])), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3), range(3))))
keys = ["a", "b"]
vals = [1, 2]
print(dict(zip(keys, vals)))
pairs = [(1, "one"), (2, "two")]
nums, names = zip(*pairs)
print(nums, names)
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, None))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
print(type(enumerate([])).__name__, type(zip()).__name__)
