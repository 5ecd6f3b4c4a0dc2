# slice objects: repr, attributes, use as subscript, indices().
s = slice(1, 10, 2)
print(s, slice(5), slice(None, 3), s.start, s.stop, s.step, slice(1, 2).step)
print(list(range(20))[s], "abcdefghijk"[s], (0, 1, 2, 3, 4, 5)[slice(None, None, -2)])
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
l = list(range(10))
l[slice(0, 3)] = ["a"]
print(l)
del l[slice(None, None, 2)]
print(l)
class Sub:
    def __getitem__(self, key):
        return key
print(Sub()[1:2], Sub()[::3], Sub()[1:2, 3], Sub()[...], Sub()[:])
