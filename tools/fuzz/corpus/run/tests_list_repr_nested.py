# repr of lists: nesting, strings inside, recursive list shows [...].
print([1, "a", 2.5, None, True, [], [[]], (), {}])
print(["it's", 'q"uote', "\n"])
l = [1, 2]
l.append(l)
print(l)
print(repr(l), str(l) == repr(l))
m = [l, [l]]
print(m)
d = {"self": None}
d["self"] = d
print(d)
print([[1, 2], [3, [4, [5, [6]]]]])
print(str([1.0, -0.0, 1e16, float("inf")]))
