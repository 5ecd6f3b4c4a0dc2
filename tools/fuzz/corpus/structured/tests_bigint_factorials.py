# Factorials, binomials and permutations grow beyond int64 quickly.
import math

def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in (20, 21, 25, 30, 50, 100):
    print(n, fact(n))
print(fact(30) == math.factorial(30), math.factorial(0), math.factorial(1))
print(len(str(math.factorial(1000))), math.factorial(1000) % (10 ** 9 + 7))
print(str(math.factorial(500))[:50])
print(math.factorial(100) // math.factorial(98), math.factorial(52) // (math.factorial(5) * math.factorial(47)))
print(math.comb(100, 50), math.comb(60, 30), math.comb(1000, 3), math.comb(10 ** 20, 2))
print(math.perm(30, 20), math.perm(25), math.perm(10 ** 15, 3))
print(math.comb(5, 7), math.perm(5, 7), math.comb(2 ** 70, 2 ** 70), math.comb(3, 2 ** 70))
row = [1]
for i in range(80):
    row = [1] + [row[j] + row[j + 1] for j in range(len(row) - 1)] + [1]
print(row[40] == math.comb(80, 40), max(row))
try:
    math.factorial(-3)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(2 ** 70)
except OverflowError as e:
    print("OverflowError:", e)
