# text processing: word wrap, caesar, run-length encoding, roman numerals, table formatting
def wrap(text, width):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur); cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur: lines.append(cur)
    return lines
for l in wrap("The quick brown fox jumps over the lazy dog and keeps running far away", 16):
    print(f"|{l:<16}|")
def caesar(s, k):
    out = []
    for ch in s:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
print(caesar("Hello, World!", 3), caesar(caesar("Hello, World!", 3), -3))
def rle(s):
    if not s: return ""
    res, prev, n = [], s[0], 1
    for c in s[1:]:
        if c == prev: n += 1
        else:
            res.append(f"{n}{prev}"); prev, n = c, 1
    res.append(f"{n}{prev}")
    return "".join(res)
print(rle("aaabccddddde"), rle(""), rle("x"))
def roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s; n -= v
    return out
print([roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999)])
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 100)]
print(f"{'name':<10}{'price':>8}{'qty':>5}")
for name, price, qty in rows:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}")
print("-" * 23)
print(f"{'total':<10}{sum(p * q for _, p, q in rows):>8.2f}")
s = "Hello World"
print(s.count("o"), s.lower().count("l"), {c: s.count(c) for c in sorted(set(s.lower())) if c.isalpha()})
print(" ".join(w.capitalize() for w in "the end of the story".split()), "snake_case_name".split("_"), "CamelCase".swapcase())
print("%-10s|%+5d|%05.1f|%x" % ("left", 42, 3.14159, 255), "%c%c" % (72, "i"))
print(repr("a\\b"), "tab\there".expandtabs(), "x".center(6, "-"), "abc".rjust(2), "12".zfill(1))
print("1,2;3 4".replace(",", " ").replace(";", " ").split(), "  x  ".strip() or "empty", "".strip() or "empty")
