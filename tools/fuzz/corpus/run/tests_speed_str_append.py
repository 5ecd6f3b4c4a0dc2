# `s += t` appends in place when nothing else can see s; every other holder of the old string
# must keep seeing the old value.
def build(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
    return s


s = build(1000)
print(len(s), s[:30], s[-5:], hash(s) == hash(build(1000)))
t = s
s += "!"
print(len(t), len(s), t[-1], s[-1])
parts = ["x"]
u = parts[0]
u += "y"
print(parts, u)
d = {"k": "v"}
w = d["k"]
w += "w"
print(d, w)


def mixed():
    s = "ab"
    s += "é"
    s += "cd"
    s = s + "ü"
    return s, len(s), s.upper(), s[3]


print(mixed()[:4])


def chain():
    r = "a"
    r = r + "b" + "c"
    r += r
    return r


print(chain())
g = "glob"
g += "al"
print(g)
x = "k" * 3
y = x
for i in range(3):
    x += str(i)
print(x, y)
