# Escape sequences in string literals.
print(repr("a\nb"), repr("a\tb"), repr("a\\b"))
print(repr("\r"), repr("\0"), repr("\a\b\f\v"))
print(repr("\x41\x62"), repr("\101\102"), repr("\7"), repr("\177"))
print(repr("\u00e9"), repr("\u4e2d"), repr("\U0001F600"))
print("\u00e9", "\u4e2d")
print(len("\u4e2d\u6587"), len("\U0001F600"))
print(repr('\''), repr("\""), repr('"\''))
print("back\
slash-newline")
print(ord("\n"), ord("\t"), ord("\\"), ord("\x00"))
print(repr("\x7f"), repr("\x80"), repr("\xff"), repr("\xa0"))
