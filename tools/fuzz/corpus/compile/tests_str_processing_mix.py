# string processing
s = "  Hello, World! Hello!  "
print(s.strip().split(", "), s.split(), s.count("Hello"), s.find("World"), s.rfind("Hello"), s.index("!"))
print(s.replace("Hello", "Bye", 1), s.lstrip(), s.rstrip() + "|", s.strip(" !H"))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a b  c".split(" "), "a,b,c".rsplit(",", 1))
print("x".join(["1", "2", "3"]), "".join(reversed("abc")), "-".join("xyz"))
print("abc".upper(), "ABC".lower(), "hello world".title(), "hello".capitalize(), "HeLLo".swapcase())
print("abc".startswith(("x", "a")), "abc".endswith("bc"), "abc".startswith("b", 1), "abc".center(9, "*"))
print("42".zfill(5), "-42".zfill(5), "ab".ljust(5, ".") + "|", "ab".rjust(5) + "|")
print("123".isdigit(), "12a".isalnum(), "abc".isalpha(), " ".isspace(), "Abc".istitle(), "abc".islower(), "ABC".isupper())
print("a\tb".expandtabs(4), repr("line1\nline2\r\n".splitlines()), "line1\nline2\n".splitlines(True))
print("hello"[::-1], "hello"[1:4], "hello"[-3:], "hello"[::2], "hello"[10:], "héllo"[1], len("héllo"))
print("abc" * 3, 3 * "ab", "a" < "b", "abc" < "abd", "Z" < "a", "" < "a")
print("partition:", "key=value=x".partition("="), "key".partition("="), "a=b=c".rpartition("="))
print(ord("a"), chr(97), ord("é"), chr(8364), "€".encode if False else "")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("\x00\x7f"), repr("é\u200b"))
print("%s" % "x", "abc".removeprefix("a"), "abc".removesuffix("c"), "aaa".replace("a", "b", 2))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print("abcabc".index("c", 3), "abc".find("z"), "mississippi".count("ss"), "aaaa".count("aa"))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
print("Hello World".casefold(), "ß".upper(), "ǅ".lower() if False else "", "a1b2".translate({ord("1"): "X"}) if hasattr(str, "translate") else "")
print(str.join(",", ["a", "b"]), str.upper("x"), "{}".format, sep="|") if False else print("skip")
print("é".isalpha(), "٣".isdigit(), "½".isnumeric(), "x".isidentifier(), "1x".isidentifier())
print(" a ".strip() == "a", "abc" in "xabcx", "" in "abc", "ab" not in "ba")
print("%-6s|%6s|" % ("ab", "cd"), "%.2s" % "abcdef", "%3c|" % "x")
