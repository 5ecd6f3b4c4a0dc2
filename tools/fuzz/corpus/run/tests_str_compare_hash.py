# String comparison (by code point), equality, and use as dict keys.
print("a" < "b", "a" < "B", "abc" < "abd", "ab" < "abc", "" < "a", "Z" < "a")
print("abc" == "abc", "abc" != "abd", "abc" != None)
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "éclair", "zebra"]))
print(max("hello"), min("hello"), max(["aa", "b"]), min("b", "aa"))
print(hash("abc") == hash("ab" + "c"), "ab" "c" == "abc")
d = {}
for w in "the cat the dog the end".split():
    d[w] = d.get(w, 0) + 1
print(d)
print(sorted(d.items()))
print("a" * 3 == "aaa", "é" > "z", "€" > "é")
