# Indexing and slicing of str with every step sign and out-of-range bounds.
s = "abcdefghij"
print(s[0], s[9], s[-1], s[-10])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[3:3], s[5:2])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[-1:-5:-1])
print(s[100:], s[-100:3], s[2:100], s[::100], s[5:-100:-1])
print(s[slice(1, 4)], s[slice(None, None, 3)])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-11]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
print([c for c in "xyz"], list("abc"), tuple("ab"))
