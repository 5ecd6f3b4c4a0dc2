# Augmented assignment with every operator, on names, attributes and subscripts.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x /= 2; print(x)
x = 17
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1110; print(x)
x |= 0b10001; print(x)
x ^= 0b11111; print(x)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
alias = l
l += [2, 3]
print(l, alias, l is alias)
l *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
class C: pass
c = C()
c.n = 1
c.n += 41
print(c.n)
d = {"k": 1}
d["k"] += 1
d["k"] *= 10
print(d)
arr = [1, 2, 3]
i = 0
arr[i + 1] -= 5
print(arr)
f = 1.5
f += 1; f *= 2; print(f)
