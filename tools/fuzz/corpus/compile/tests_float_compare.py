# Float comparisons with ints, hash equality across int/float, sorting mixed.
print(1.0 == 1, 0.5 < 1, 2.0 >= 2, -0.0 == 0, 1e18 == 10 ** 18)
print(hash(1.0) == hash(1), hash(0.0) == hash(-0.0) == hash(0), hash(2.0) == hash(2))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
d = {1: "int"}
d[1.0] = "float"
print(d)
s = {1, 1.0, 2, 2.0}
print(len(s))
print(sorted([2.5, 1, -3.25, 0.0, 2]))
print(max([1, 1.0]), min([1.0, 1]))
print(0.1 * 3 == 0.3, 0.1 * 3 > 0.3)
print(float("nan") == 0, 1 < float("inf"))
