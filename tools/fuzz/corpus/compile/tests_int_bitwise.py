# Bitwise operators on positive and negative ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~b, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10)
print(1 << 0, 1 << 10, 1 << 40, 5 << 3)
print(1024 >> 3, -1024 >> 3, -1 >> 10, 7 >> 100, -7 >> 100)
print(0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0xaa)
print(bin(a), bin(-a), oct(-8), hex(-255))
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -1
except ValueError as e:
    print("ValueError:", e)
print(True & False, True | False, True ^ True, type(True & True).__name__)
print((5).bit_length(), (0).bit_length(), (-5).bit_length(), (255).bit_length())
