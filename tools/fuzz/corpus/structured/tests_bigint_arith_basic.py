# Addition, subtraction and multiplication beyond int64, with identities checked both ways.
a = 2 ** 64
b = 3 ** 50
c = -(7 ** 40)
print(a, b, c)
print(a + b, a - b, b - a, a * b, a * c)
print(a + c, c - a, c * c, -c, +c)
print((a + b) * (a - b) == a * a - b * b)
print((a + b + c) - b - c == a, a * b * c == c * b * a)
print(2 ** 63 - 1 + 1, -(2 ** 63) - 1, (2 ** 63) * 2, -(2 ** 63) * -1)
print(9223372036854775807 + 9223372036854775807)
print(-9223372036854775808 - 9223372036854775808)
print(4611686018427387904 * 4611686018427387904)
x = 1
for i in range(100):
    x = x * 3 + i
print(x)
while x > 10 ** 10:
    x = x // 1000 - 1
print(x)
# Results that shrink back into the small range become plain small ints again.
big = 10 ** 30
print(big - (big - 5), (big + 7) - big, big * 0, big - big, type(big - big + 1).__name__)
print(sum([2 ** 62] * 10), sum([10 ** 20, -10 ** 20, 3]))
total = 0
for k in range(1, 60):
    total += k ** 12
print(total)
acc = 0
for k in range(200):
    acc -= 2 ** k
print(acc, acc + 2 ** 200)
print(True + 2 ** 70, 2 ** 70 - False, (2 ** 70) * True)
