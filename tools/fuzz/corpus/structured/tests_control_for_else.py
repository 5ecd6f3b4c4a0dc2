# for loops with else, break, continue, over various iterables.
for x in [1, 2, 3]:
    print(x)
else:
    print("done list")
for x in "ab":
    if x == "b":
        break
else:
    print("not printed")
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            return d
    else:
        return None
print(find_prime_factor(91), find_prime_factor(13))
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(6):
    if i % 2:
        continue
    print("even", i)
for k in {"a": 1, "b": 2}:
    print("key", k)
for t in ():
    print("never")
else:
    print("empty else")
for i, ch in enumerate("xyz", start=1):
    print(i, ch)
x = "untouched"
for x in []:
    pass
print(x)
for x in [7]:
    pass
print(x)
