# unbound builtin methods used as functions
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words, key=str.lower), list(map(str.upper, words)), list(map(str.strip, [" a ", "b "])))
print(list(map(int.__add__, [1, 2], [10, 20])), str.join("-", "abc"), list.append, dict.get, str.upper)
print(str.lower == str.lower, str.lower is not str.upper, str.split("a b"), str.__len__("xyz"), str.__name__)
print(list.__len__([1, 2]), dict.keys({"a": 1}), set.union({1}, {2}), tuple.count((1, 1), 1), int.bit_length(255))
print(str.upper.__name__, str.upper.__qualname__, repr(str.upper), repr(list.append), callable(str.upper))
for bad in [lambda: str.upper(5), lambda: list.append((), 1), lambda: dict.get([], 1), lambda: str.upper(), lambda: str.join([], "x")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
m = str.replace
print(m("aXbX", "X", "-"), max(["a", "bbb", "cc"], key=len), min(words, key=str.casefold))
class MyStr(str):
    pass
print(str.upper(MyStr("sub")), MyStr.upper(MyStr("q")), MyStr.upper("plain"))
f = "{}-{}".format
print(f(1, 2), "x".__add__("y"), (5).__mul__(3), [1].__contains__(1), {"a": 1}.__getitem__("a"))
