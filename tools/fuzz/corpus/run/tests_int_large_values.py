# Values around 2**62 (the small-int boundary of some representations) and up to int64.
big = 2 ** 62
print(big, big - 1, big + 1, -big, -big - 1)
print(2 ** 62 - 1 + 1 == 2 ** 62)
print(big - 1 + big)
print((big - 1) * 2 + 1)
print(4611686018427387903 + 4611686018427387904)
print(-4611686018427387904 - 4611686018427387904)
print(big // 3, big % 3, -big // 3, -big % 3)
print(big >> 10, 1 << 62, (1 << 62) >> 62)
print(hex(big), bin(big - 1).count("1"), oct(big))
print(big == 2 ** 62, big > big - 1, big < big + 1)
vals = [big - 2, big - 1, big, big + 1, big + 2]
print(vals)
print([v - big for v in vals])
print(sorted(vals, reverse=True)[0] == big + 2)
print(hash(big) == hash(2 ** 62), str(big), int(str(big)) == big)
print(3037000499 * 3037000499)
print(9223372036854775807, -9223372036854775807 - 1)
d = {big: "big", big + 1: "big1"}
print(d[2 ** 62], d[2 ** 62 + 1])
print(abs(-big), max(big, -big), min(big, big + 1))
