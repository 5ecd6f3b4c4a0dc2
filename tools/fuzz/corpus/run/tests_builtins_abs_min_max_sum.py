# abs, min, max (iterables, several args, key, default), sum (start).
print(abs(-5), abs(5), abs(-2.5), abs(0), abs(-0.0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min("b", "a"), max((1, 2), (1, 3)))
print(min([], default="none"), max([], default=0), max([1, 2], default=9))
print(min(["aaa", "b", "cc"], key=len), max(["aaa", "b", "cc"], key=len), max([1, -3, 2], key=abs))
print(max([1, 1.0]), max([1.0, 1]), min([2, 1, 1.0]), max([(1, "b"), (1, "a")]))
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(5), start=100))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
try:
    max()
except TypeError as e:
    print("TypeError:", e)
try:
    min([])
except ValueError as e:
    print("ValueError:", e)
try:
    sum(["a"])
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
