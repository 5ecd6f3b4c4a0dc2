# // and % with every combination of signs: floor semantics, result sign follows divisor.
for a in (7, -7, 6, -6, 0, 1, -1):
    for b in (3, -3, 2, -2, 1, -1):
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 // 10, -1 % 10, 1 // -10, 1 % -10)
print(-9223372036854775807 // 2, -9223372036854775807 % 2)
print(12345678901234 // -7, 12345678901234 % -7)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
