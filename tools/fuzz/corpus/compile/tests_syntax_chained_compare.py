# Chained comparisons evaluate each operand at most once and short-circuit.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 == 1 == 1, 1 == 1 != 2, 1 != 2 != 1)
print(1 < 2 > 0 <= 0 >= 0)
x = 5
print(0 <= x < 10, 0 <= x < 5)
a = [1]
b = a
print(a is b is a, a is b is not None)
print(1 in [1, 2] in [[1, 2]], 3 not in [1] not in [[3]])
print("a" < "b" < "c" <= "c")
print(1 < 2.5 < 3, 2.0 == 2 == 2.0)
