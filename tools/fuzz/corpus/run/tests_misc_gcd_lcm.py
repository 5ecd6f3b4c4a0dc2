# Number theory helpers on int64-safe values.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(48, 18), gcd(-48, 18), gcd(0, 7), gcd(17, 5), lcm(4, 6), lcm(21, 6))
l = 1
for i in range(1, 31):
    l = lcm(l, i)
print(l)
def digits(n):
    return [int(c) for c in str(n)]
print(digits(9876543210), sum(digits(2 ** 60)))
def is_palindrome(n):
    s = str(n)
    return s == s[::-1]
print([n for n in range(100, 200) if is_palindrome(n)])
def to_base(n, b):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while n:
        n, r = divmod(n, b)
        out = chars[r] + out
    return out or "0"
print(to_base(255, 2), to_base(255, 16), to_base(2 ** 62, 36), int(to_base(2 ** 62, 36), 36) == 2 ** 62)
