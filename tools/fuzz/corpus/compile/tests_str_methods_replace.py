# replace, translate-free transforms, multiplication and concatenation.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("x", "y"), s.replace("", "-")[:12])
print("aaa".replace("a", "aa"), "abc".replace("b", ""), "".replace("", "x"))
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "x" + "y" + "z")
print("ab" + "", "" * 5 == "")
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError:", e)
r = ""
for c in "hello":
    r = c + r
print(r)
