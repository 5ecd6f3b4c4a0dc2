# builtins: keyword forms and less common signatures
print(list(zip([1, 2], "ab", strict=True)))
try:
    list(zip([1, 2], "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(sum([1, 2], start=10), sum(range(4), 0.5), list(enumerate("xy", start=5)), round(2.5, None), round(3.7, ndigits=None))
it = iter([1, 2, 3].pop, 1)
print(list(it))
cnt = [0]
def tick():
    cnt[0] += 1
    return cnt[0]
print(list(iter(tick, 4)), next(iter([]), "dflt"), next(iter("a")))
class Rev:
    def __reversed__(self):
        return iter("zyx")
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Rev())), list(reversed(Seq())), list(Seq()), list(reversed("abc")), list(reversed((1, 2))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, (str, (float, int))), issubclass(int, (str, (bytes if False else float, object))), chr(0x1F600) == "😀", ord("😀"))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
print(True + True, ~True, True / 2, -True, True * "ab", hash(-1), hash(-2), abs(False), int(True), float(False), str(True).lower())
print(max([1, 5, 3], key=lambda v: -v), max([], default=None), min("bca"), min([(2, "a"), (1, "b")]), max("a", "b", key=str.upper))
try:
    max([], key=len)
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([3, "a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print("TypeError:", e)
print([1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [[1]] == [[1.0]], (0,) < (0.5,), "a" * 0 == "", [] < [0])
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20], [100, 200, 300])), list(filter(lambda s: s.isdigit(), ["1", "a", "22"])))
print(any(x > 10 for x in range(5)), all(isinstance(x, int) for x in [1, True]), sorted(["b", "A", "c"], key=str.lower, reverse=True))
print(pow(3, 4, 5), pow(-2, 3), pow(2.0, 3), pow(4, 0.5), pow(10, -2), divmod(-7.5, 2), abs(-7 // 2))
print(format(0.1, ".17g"), format(123, "b"), format(3.5, "08.3f"), format("s", "^5"), format(True, "d"), format(None, ""))
try:
    format(None, "d")
except TypeError as e:
    print("TypeError:", e)
print(bin(0), oct(-8), hex(0), int("-0"), float("-0"), -0.0 == 0.0, str(-0.0), repr(0.0 * -1))
print(type(len), callable(type), type(type(1)), isinstance(type, type), type(object), object.__name__)
print(hasattr(None, "x"), getattr(None, "__class__"), repr(getattr), all([[]]) , any([[]]), list(range(0)), tuple(range(3, 0, -1)))
print(vars(type("T", (), {"a": 1}))["a"], type("T", (object,), {}).__name__, type("T", (), {"f": lambda self: 5})().f())
