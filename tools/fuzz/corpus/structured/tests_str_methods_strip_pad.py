# strip family, padding and alignment.
s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "ab".rstrip("xyz"))
print(repr("hi".center(7)), repr("hi".center(6, "*")), repr("hi".ljust(5, "-")), repr("hi".rjust(5)))
print(repr("toolong".center(3)), repr("x".center(0)), repr("abc".center(4)), repr("abc".center(5, "#")))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(3), "abc".zfill(2), "".zfill(2))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(4), "12345\t6".expandtabs(4))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
