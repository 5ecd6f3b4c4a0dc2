# UTF-8 source: identifiers and strings outside ASCII, indexing by code point.
café = "crème brûlée"
print(café)
print(len(café), café[4], café[-3], café[6:])
名前 = "中文字符串"
print(名前, len(名前), 名前[0], 名前[-1], 名前[1:3])
def größe(x):
    return len(x)
print(größe("äöü"))
class Ñandú:
    π = 3.14
print(Ñandú.π, Ñandú.__name__)
s = "a€b𝄞c"
print(len(s), [c for c in s])
print(s[1], s[3], s.index("c"), s.find("b"))
print(ord("€"), chr(8364), ord("𝄞"), hex(ord("中")))
print("é".upper(), "Ω".lower(), "straße".upper())
print(repr("日本"))
print(s[::-1])
print("—".join(["x", "y"]))
print("中" in 名前, "x" in 名前)
