# Subclasses of int hold big values and keep an instance dict.
class Big(int):
    def double(self):
        return Big(self * 2)

    def __repr__(self):
        return "Big(" + int.__repr__(self) + ")"

a = Big(2 ** 100)
b = Big("123456789012345678901234567890")
c = Big(-(10 ** 30))
print(a, b, c, str(a), int(a), type(int(a)).__name__)
print(a + 1, type(a + 1).__name__, a * b, a - c, -a, abs(c), a // 3, a % 1000)
print(a == 2 ** 100, a < b, hash(a) == hash(2 ** 100), {a: 1}[2 ** 100])
print(a.double(), type(a.double()).__name__, a.bit_length(), Big(0), Big(), Big(2 ** 64 - 1))
a.tag = "x"
print(a.tag, a.__dict__, format(a, "x"), hex(c), f"{a:,}")
class Flags(int):
    pass
f = Flags(2 ** 70 | 1)
print(f & 1, f >> 70, f | 2, ~f, f ^ f)
print(isinstance(f, int), int(f) == 2 ** 70 + 1, float(f), round(f, -5))
print(sorted([Big(5), Big(2 ** 80), Big(-(2 ** 80))]))
