# str/repr of big ints and int(str, base) in every base.
for x in (2 ** 63, -(2 ** 63) - 1, 2 ** 64, 10 ** 19, 10 ** 50 - 1, -(10 ** 50), 3 ** 300):
    s = str(x)
    print(s, repr(x) == s, int(s) == x, len(s))
print(int("123456789012345678901234567890"), int("-0000000000000000000000000000099"))
print(int("  +1_000_000_000_000_000_000_000_000  "), int("\t-99999999999999999999\n"))
print(int("f" * 40, 16), int("-0x" + "ab" * 20, 16), int("0o" + "7" * 30, 0), int("0b" + "1" * 70, 0))
print(int("z" * 20, 36), int("ZZZZZZZZZZZZZZZZZZZZ", 36), int("1" * 80, 2), int("123" * 10, 7))
print(int("0x_dead_beef_dead_beef_dead_beef", 16), int("0X1_0000_0000_0000_0000", 0))
for base in (2, 3, 8, 10, 16, 36):
    x = 2 ** 90 - 12345
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s, y = "", x
    while y:
        s = digits[y % base] + s
        y //= base
    print(base, s, int(s, base) == x, int(s.upper(), base) == x)
for bad in ("12345678901234567890x", "1__000000000000000000000", "0x", "_123456789012345678901", "99999999999999999999_"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("1" * 30, 2)
except ValueError as e:
    print("ValueError:", e)
print(str(-(2 ** 200))[:20], f"{2 ** 100}", "%s|%r" % (2 ** 70, -(2 ** 70)))
print([2 ** 64, -(2 ** 64)], (10 ** 20,), {10 ** 20: -(10 ** 20)})
