# Big literals in source, constant folding, and a Fibonacci run far past int64.
a = 123456789012345678901234567890
b = -98765432109876543210987654321
c = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
d = 0o7777777777777777777777777777
e = 0b1111111111111111111111111111111111111111111111111111111111111111111
f = 1_000_000_000_000_000_000_000_000
print(a, b, c, d, e, f)
print(a + b, c - 2 ** 128, d + 1 == 8 ** 28, e + 1 == 2 ** 67, f == 10 ** 24)
print(-9223372036854775808, 9223372036854775808, -18446744073709551616)
t = (18446744073709551616, -18446744073709551617)
print(t, t == (2 ** 64, -(2 ** 64) - 1))

def fib(n):
    x, y = 0, 1
    for _ in range(n):
        x, y = y, x + y
    return x

print(fib(92), fib(93), fib(100), fib(300))
print(len(str(fib(1000))), fib(1000) % 1000000007)
print(fib(500) * fib(502) - fib(501) ** 2)
memo = {}
def fibm(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fibm(n - 1) + fibm(n - 2)
    return memo[n]
print(fibm(200) == fib(200), sum(fib(k) for k in range(120)) == fib(121) - 1)
