# chr and ord over ASCII, Latin-1, BMP and astral code points.
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(65), chr(48), repr(chr(0)), chr(233), chr(8364), chr(128512), repr(chr(127)))
print("".join(chr(c) for c in range(ord("a"), ord("z") + 1)))
print([ord(c) for c in "Hé€"])
print(chr(0x10FFFF) == "\U0010ffff", ord(chr(1114111)))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    ord(5)
except TypeError as e:
    print("TypeError:", e)
