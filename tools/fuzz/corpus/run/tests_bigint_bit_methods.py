# bit_length, bit_count, and the int methods and properties on big values.
for x in (2 ** 63, 2 ** 64 - 1, 2 ** 64, -(2 ** 64), 2 ** 100 - 1, -(2 ** 100), 3 ** 200, 10 ** 50):
    print(x.bit_length(), x.bit_count(), abs(x).bit_length() == len(bin(abs(x))) - 2)
x = 2 ** 100 + 7
print(x.real, x.imag, x.numerator, x.denominator, x.conjugate(), x.__index__(), x.__int__())
print(x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__(), x.__round__(-2))
print(int.bit_length(2 ** 80), int.__add__(2 ** 64, 1), int.__mul__(2 ** 64, 2 ** 64))
print((2 ** 70).__neg__(), (2 ** 70).__abs__(), (-(2 ** 70)).__abs__(), (2 ** 70).__invert__())
print((2 ** 70).__eq__(2 ** 70), (2 ** 70).__lt__(2 ** 71), (2 ** 70).__hash__() == hash(2 ** 70))
print(bool(2 ** 100), bool(-(2 ** 100)), not 2 ** 100, 2 ** 100 and 5, 0 or 2 ** 64)
print(isinstance(2 ** 100, int), type(2 ** 100) is int, type(-(2 ** 100)).__name__)
print(divmod(2 ** 100, 2 ** 40), abs(-(2 ** 100)) == 2 ** 100, -(-(2 ** 100)) == 2 ** 100)
print([1, 2, 3][-(2 ** 100):2 ** 100], "abcdef"[2 ** 70:], (1, 2, 3)[: -(2 ** 80)])
print(2 ** 100 in range(10), 5 in [2 ** 100, 5], [2 ** 64, 2 ** 65].index(2 ** 65))
print([2 ** 64, 2 ** 64, 3].count(2 ** 64), (2 ** 64) * [0] if False else "skip")
