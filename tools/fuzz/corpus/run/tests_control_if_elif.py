# if/elif/else chains, truthiness of conditions, nested ifs.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in (-5, 0, 3, 42, 1000):
    print(n, classify(n))
for v in (0, 1, "", "x", [], [0], None, {}, 0.0, range(0)):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
x = 5
if x > 1:
    if x > 3:
        print("x > 3")
    else:
        print("1 < x <= 3")
if x == 5: print("one-liner")
if not x: print("never")
elif x: print("elif one-liner")
