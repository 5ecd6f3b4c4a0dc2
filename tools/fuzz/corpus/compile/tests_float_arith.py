# Float arithmetic, floor division and modulo with signs, division by zero.
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
print(divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2.0 ** -1, 4.0 ** 0.5, (-8.0) ** 2)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(1e308 + 1e308, -1e308 - 1e308)
for op in ["/", "//", "%"]:
    try:
        if op == "/":
            1.0 / 0
        elif op == "//":
            1.0 // 0.0
        else:
            1.0 % 0.0
    except ZeroDivisionError as e:
        print(op, "ZeroDivisionError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(-0.0 * 1, 0.0 * -1, -0.0 + 0.0, abs(-0.0))
print(3 * 0.1, 0.7 * 3, 1.1 * 1.1)
print(1e16 + 1, 2 ** 53 + 1.0)
