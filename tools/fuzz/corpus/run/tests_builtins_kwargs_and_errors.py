# builtins with keyword arguments and error messages
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted([(1, "b"), (1, "a")], key=lambda t: t[1]))
print(min([3, 1, 2], key=lambda x: -x), max("abc", key=ord), min([], default=7), max(1, 2, 3))
print(sum([1, 2, 3], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)))
print(list(zip([1, 2, 3], "ab")), list(enumerate("ab", start=1)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "a", None])), any([]), all([]), any(x > 2 for x in [1, 3]))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), pow(2, 10), pow(2, 10, 1000), pow(2, -1), abs(-3.5))
print(int("ff", 16), int("0x1f", 0), int("  12  "), int("-0b101", 0), int(3.9), int(-3.9), int("1_000"))
print(float("1e3"), float(" -2.5 "), float("inf"), bool([]), bool([0]), str(None), repr(None))
print(hex(255), oct(8), bin(5), hex(-1), bin(-5), chr(65), ord("A"))
print(isinstance(True, int), issubclass(bool, int), isinstance(1, (str, int)), callable(len), callable(1))
print(round(3.14159, 2), round(2.5), round(-2.5), round(7, -1), round(15, -1), round(25, -1))
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(range(10, 0, -3)), range(0, 10, 2)[2], range(5)[-1])
print(getattr(1, "real"), getattr([], "nope", "dflt"), hasattr("", "upper"))
print(list(iter([1, 2])), next(iter([]), "empty"), len(range(0, 100, 7)))
print(dict(a=1, b=2), dict([("x", 1)], y=2), list("abc"), tuple([1, 2]), set(), frozenset([1, 1, 2]))
print(print is print, type(print).__name__, type(len), repr(len))
errs = [
    lambda: int("abc"),
    lambda: int("12", 1),
    lambda: float("x"),
    lambda: len(5),
    lambda: sorted([1, "a"]),
    lambda: min([]),
    lambda: next(iter([])),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: abs("x"),
    lambda: divmod(1, 0),
    lambda: pow(0, -1),
    lambda: [1, 2].index(3),
    lambda: {}.pop("k"),
    lambda: getattr(1, "zz"),
    lambda: sum(["a", "b"]),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1][5],
    lambda: (1, 2)[9],
    lambda: "abc"[5],
    lambda: int(None),
    lambda: list(1),
    lambda: hash([]),
    lambda: isinstance(1, 2),
    lambda: range(1, 2, 0),
    lambda: zip(1),
    lambda: map(len),
    lambda: dict(1),
    lambda: sorted([1], key=1),
    lambda: round("x"),
    lambda: max(),
    lambda: "x" * "y",
    lambda: [] * 1.5,
    lambda: 1 < "a",
    lambda: (1).foo,
    lambda: object().x,
]
for e in errs:
    try:
        print("no error", e())
    except Exception as ex:
        print(type(ex).__name__ + ":", ex)
