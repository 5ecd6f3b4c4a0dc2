# Indexing, slicing and iterating str by code points, not bytes.
s = "héllo wörld ✓ 🎉"
print(len(s))
for i in range(len(s)):
    print(i, s[i], ord(s[i]))
print(s[-1], s[-2], s[1:5], s[::3])
print(s.split())
print(s.upper())
print(s.count("l"), s.rfind("ö"))
print(s.replace("ö", "o"))
print(list(reversed("äbç")))
print("ü" * 3, "ü" < "ÿ", "z" < "ä")
print(sorted("čab"))
