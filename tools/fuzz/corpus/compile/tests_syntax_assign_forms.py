# Assignment statement forms: simple, chained, tuple/list targets, attributes, subscripts.
a = 1
b = c = d = 2
print(a, b, c, d)
x, y = 1, 2
print(x, y)
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
u, = [9]
print(u)
class O: pass
o = O()
o.attr = 10
o.a = o.b = 11
print(o.attr, o.a, o.b)
lst = [0, 0, 0]
lst[0] = lst[1] = 7
lst[-1] = 8
print(lst)
dct = {}
dct["k"] = dct["j"] = 1
print(dct)
i = 0
arr = [10, 20]
i, arr[i] = 1, 99
print(i, arr)
m = n = []
m.append(1)
print(n, m is n)
lst[0:2] = [1, 2, 3, 4]
print(lst)
a, b, c = range(3)
print(a, b, c)
for k, (v1, v2) in [(1, (2, 3))]:
    print(k, v1, v2)
