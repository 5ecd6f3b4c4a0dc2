# list slicing, slice assignment (growing, shrinking, extended) and slice deletion.
l = list(range(10))
print(l[2:5], l[::3], l[::-1], l[-3:], l[8:2:-2], l[100:], l[:-100])
m = l[:]
m[2:5] = ["a"]
print(m)
m[1:1] = [10, 20, 30]
print(m)
m[:] = [1, 2]
print(m)
m[len(m):] = [3, 4, 5]
print(m)
n = list(range(8))
n[::2] = ["x", "y", "z", "w"]
print(n)
try:
    n[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
n[::-3] = [0, 0, 0]
print(n)
del n[1:3]
print(n)
del n[::-2]
print(n)
k = [1, 2, 3]
k[5:10] = [9]
print(k)
k[-1:] = []
print(k)
s = [1, 2, 3]
s[1:2] = s
print(s)
try:
    s[0:1] = 5
except TypeError as e:
    print("TypeError:", e)
