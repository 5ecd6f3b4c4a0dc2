# unpacking and assignment corner cases
a, *b, c = range(6)
print(a, b, c)
*x, = "abc"
print(x)
(p, q), r = (1, 2), 3
print(p, q, r)
first, *_ = [9]
print(first, _)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
errs = [
    "a, b = [1]",
    "a, b = [1, 2, 3]",
    "a, *b, c = [1]",
    "a, b = 5",
    "(a, b), c = [1, 2], 3, 4",
    "a, b = None",
]
for src in errs:
    try:
        exec(src) if False else None
        ns = {}
        if src == "a, b = [1]":
            a, b = [1]
        elif src == "a, b = [1, 2, 3]":
            a, b = [1, 2, 3]
        elif src == "a, *b, c = [1]":
            a, *b, c = [1]
        elif src == "a, b = 5":
            a, b = 5
        elif src == "(a, b), c = [1, 2], 3, 4":
            (a, b), c = [1, 2], 3, 4
        else:
            a, b = None
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
x = y = z = []
x.append(1)
print(y, z is x)
d = {}
d["a"] = d["b"] = 5
print(d)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
a = [1, 2, 3]
a[0], a[2] = a[2], a[0]
print(a)
n = 5
n += 1; n -= 2; n *= 3; n //= 2; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 0xff; n ^= 3
print(n)
s = "ab"; s += "cd"; s *= 2
print(s)
t = (1,); t += (2,)
print(t)
l = [1]; l2 = l; l += [2]; print(l2, l is l2)
t2 = (1,); t3 = t2; t2 += (2,); print(t3, t2)
class A:
    x = 1
a = A()
a.x += 1
print(a.x, A.x)
m = [[0] * 2 for _ in range(2)]
m[0][1] += 5
print(m)
x: int = 5
y: "str"
print(x, __annotations__ if False else "")
def ann(a: int, b: str = "x") -> bool:
    return True
print(ann.__annotations__)
del a.x
print(a.x)
lst = [1, 2, 3, 4, 5]
del lst[1], lst[-1]
print(lst)
