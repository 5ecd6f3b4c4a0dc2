# sorted (key, reverse, stability, any iterable) and reversed (sequences, ranges, custom).
data = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted("hello"), sorted((3, 1, 2)), sorted({3: 0, 1: 0}), sorted(x * -1 for x in range(4)))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted(["B", "a", "C"], key=str.lower))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
r = reversed([1, 2])
print(type(r).__name__ == "list_reverseiterator", next(r), next(r), next(r, "end"))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "item%d" % i
print(list(reversed(Rev())))
class OwnRev:
    def __reversed__(self):
        return iter(["custom"])
print(list(reversed(OwnRev())))
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
l = [5, 3]
s = sorted(l)
print(l, s, s is l)
