# Basic integer arithmetic and the int/float mix.
print(2 + 3, 2 - 3, 2 * 3, 7 / 2, 6 / 3, 7 // 2, 7 % 2, 2 ** 10)
print(-7 + 2, -7 - -2, -7 * -2)
print(0 * -1, -0, 0 ** 0, 5 ** 0, 1 ** 100)
print(type(6 / 3).__name__, type(7 // 2).__name__, type(2 ** -2).__name__)
print(2 ** -2, 10 ** -1)
print(1 + 1.5, 3 * 0.5, 7 // 2.0, 7 % 2.5)
print(abs(-12), abs(12), -(-12))
print(100000 * 100000, 123456789 * 1000)
print(3 * 1000000007 % 998244353)
x = 1
for i in range(20):
    x = x * 3 + 1
print(x)
print(sum(range(1, 101)), sum(i * i for i in range(100)))
print(int(True) + True, True * 3, False - 1)
