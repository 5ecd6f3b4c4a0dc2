# Insertion order survives deletes and re-inserts, and many insertions (resizes).
d = {}
for i in range(50):
    d[i] = i
for i in range(0, 50, 2):
    del d[i]
print(list(d)[:10], len(d))
for i in range(0, 10, 2):
    d[i] = -i
print(list(d)[-5:], d[4])
big = {}
for i in range(1000):
    big[i * 7 % 1000] = i
print(len(big), list(big)[:5], big[0], big[7], big[999])
for i in range(1000):
    if i % 3:
        del big[i]
print(len(big), list(big)[:5])
s = {"c": 1, "a": 2}
s.pop("c")
s["c"] = 3
print(s)
x = {1: 1, 2: 2}
x[1] = "updated"
print(x)
