# Type constructors used as conversions: int float bool str list tuple dict set frozenset.
print(int("7"), int(7.9), int("-0"), int("1010", 2), int("z", 36), int(" 12\n"))
print(float("3"), float(3), float("-.5"), bool(0), bool("False"), bool([]), bool(None))
print(str(12), str(0.5), str([1]), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple({1: 2}), dict([(1, 2)]), dict(a=1), dict({"x": 1}, y=2))
print(set([3, 1, 3]), frozenset((1, 1)), sorted(set("cab")))
print(list(map(int, "123")), list(map(str, [1, 2])), tuple(map(float, ["1", "2.5"])))
print(int(), float(), bool(), str(), list(), tuple(), dict(), set(), frozenset())
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
