# while loops with else, break, continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished normally")
m = 0
while True:
    m += 1
    if m > 3:
        break
print("m =", m)
k = 10
while k > 0:
    k -= 3
    if k == 4:
        print("break at 4")
        break
else:
    print("else not reached")
i = 0
while i < 0:
    print("never")
else:
    print("else runs for zero iterations")
a, b = 0, 1
while b < 100:
    a, b = b, a + b
print(a, b)
outer = 0
while outer < 3:
    inner = 0
    while inner < 3:
        if inner == outer:
            break
        inner += 1
    print(outer, inner)
    outer += 1
