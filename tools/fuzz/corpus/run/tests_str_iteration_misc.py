# Iteration over str, membership, len, str() of many types, ord/chr round trip.
s = "héllo"
for i, c in enumerate(s):
    print(i, c, ord(c))
print(len(s), len(""), len("\n"))
print(str(1), str(1.5), str(True), str(None), str([1]), str((1,)), str({1: 2}), str(""))
print([chr(ord(c) + 1) for c in "HAL"])
print("".join(chr(i) for i in range(97, 103)))
print("x".join(map(str, range(4))))
print(list(reversed("abc")), sorted("hello"), "".join(sorted("hello", reverse=True)))
print(str.upper("abc"), str.join("-", ["a", "b"]), str("abc").__len__())
print("abc".__contains__("b"), "abc".__getitem__(1), "ab".__add__("cd"))
t = "abc"
u = t
t += "d"
print(t, u)
