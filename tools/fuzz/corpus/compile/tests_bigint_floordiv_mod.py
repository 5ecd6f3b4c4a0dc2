# Floor division and modulo follow the sign of the divisor, also beyond int64.
vals = [2 ** 100 + 12345, -(2 ** 100 + 12345), 10 ** 25, -(10 ** 25), 2 ** 64, -(2 ** 64), 7, -7]
divs = [3, -3, 2 ** 64 + 1, -(2 ** 64 + 1), 10 ** 12, -(10 ** 12), 2 ** 100, -(2 ** 100)]
for a in vals:
    row = []
    for b in divs:
        q, r = a // b, a % b
        assert q * b + r == a
        assert (r == 0) or ((r < 0) == (b < 0))
        row.append((q, r))
    print(row)
for a in vals:
    print(divmod(a, 97), divmod(a, -(10 ** 30 + 7)))
print(-(2 ** 63) // -1, (-(2 ** 63)) % -1, (-(2 ** 63)) // 1)
print(-9223372036854775808 // -1 == 2 ** 63)
print(10 ** 40 // 10 ** 20, 10 ** 40 % (10 ** 20 - 1), (10 ** 40 + 1) // -(10 ** 20))
print(2 ** 200 // 3 ** 100, 2 ** 200 % 3 ** 100)
print((2 ** 130 - 1) // (2 ** 65 - 1), (2 ** 130 - 1) % (2 ** 65 + 1))
print(divmod(2 ** 100, 2.5), divmod(-(2 ** 70), 3.0))
for b in (0, 0 * 2 ** 70):
    try:
        print(2 ** 70 // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(2 ** 70 % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        print(divmod(2 ** 70, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
