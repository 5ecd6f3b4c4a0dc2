# & | ^ ~ act as on infinite two's complement, for big and negative operands alike.
vals = [0, 1, -1, 255, -256, 2 ** 64 - 1, -(2 ** 64), 2 ** 100 + 2 ** 33 + 5, -(2 ** 100) - 7,
        0x123456789ABCDEF0123456789, -0xFEDCBA9876543210FEDCBA98]
for a in vals:
    print(a, ~a, -a - 1 == ~a)
for a in vals:
    print([a & b for b in vals])
    print([a | b for b in vals])
    print([a ^ b for b in vals])
x = -(2 ** 100)
print(x & 0xFFFF, x & (2 ** 128 - 1), x | 1, x ^ -1, (x ^ x) == 0)
print(hex(-(2 ** 70) & (2 ** 80 - 1)), bin(-5 & (2 ** 70 - 1)).count("1"))
mask = (1 << 64) - 1
h = 1469598103934665603
for ch in "bigint":
    h = ((h ^ ord(ch)) * 1099511628211) & mask
print(h, hex(h))
print(True & 2 ** 70, 2 ** 70 | True, (2 ** 70 + 1) ^ True)
