# Many insertions and removals keep a set consistent (resizing, dummy slots).
s = set()
for i in range(1000):
    s.add(i * 3)
for i in range(0, 3000, 6):
    s.discard(i)
print(len(s), 3 in s, 6 in s, 2997 in s, min(s), max(s))
for i in range(500):
    s.add(i * 6)
print(len(s), sum(s))
t = set(range(100))
while t:
    t.pop()
print(t, len(t))
u = set(range(10))
u -= set(range(0, 10, 2))
print(u)
try:
    for x in u:
        u.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
