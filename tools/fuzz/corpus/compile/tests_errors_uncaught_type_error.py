# TypeError from a bad operand, uncaught, inside a loop.
values = [1, 2, "three", 4]
total = 0
for v in values:
    total = total + v
print(total)
