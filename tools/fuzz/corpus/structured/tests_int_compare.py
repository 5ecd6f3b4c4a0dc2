# Integer comparisons, with floats and bools; ordering of mixed numbers.
print(1 < 2, 2 < 1, 1 == 1, 1 != 1, 1 <= 1, 1 >= 2)
print(1 == 1.0, 1 < 1.5, 2 > 1.9999, -1 < -0.5)
print(True == 1, False == 0, True > False, True + 0 == 1)
print(10 ** 18 < 10 ** 18 + 1, -(10 ** 18) > -(10 ** 18) - 1)
print(max(3, 1, 2), min(3, 1, 2), max(-1, -1.5), min(1, 1.0))
print(sorted([3, -1, 2.5, 0, True, -7]))
print(1 == "1", 1 != "1", 0 == None, 0 == [])
try:
    1 < "2"
except TypeError as e:
    print("TypeError:", e)
try:
    1 > None
except TypeError as e:
    print("TypeError:", e)
try:
    [1] < 1
except TypeError as e:
    print("TypeError:", e)
