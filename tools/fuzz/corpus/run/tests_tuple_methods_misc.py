# tuple as dict key, in sorted/min/max with keys, tuple() of generators, nested unpacking.
records = [("x", 3, 1.5), ("y", 1, 2.5), ("z", 2, 0.5)]
print(sorted(records, key=lambda r: r[1]), min(records, key=lambda r: r[2]), max(records)[0])
t = tuple(i * i for i in range(5))
print(t, t.count(4), t.index(9), len(t), t[1:4], t[::-2])
(a, b), (c, d) = (1, 2), (3, 4)
print(a + b + c + d)
print(tuple(), (1, 2) + (), () + (), (1,) * 3, tuple(tuple()))
x = (1, [2, 3])
x[1].append(4)
print(x, len(x[1]))
print((1, 2, 3) == (1, 2, 3), (1, 2) == (1, 2, 3), (1,) < (1, 0), tuple("abc") == ("a", "b", "c"))
print(str((1, "a")), repr(((),)), ((1,),))
