# Slice expressions with all combinations of omitted parts and negative steps.
s = list(range(10))
for start in (None, 2, -3):
    for stop in (None, 7, -1):
        for step in (None, 2, -2):
            print(start, stop, step, s[start:stop:step])
t = "abcdef"
print(t[::-1], t[-2::-2], t[:1:-1], t[1:5][::-1], t[::-1][1:5])
