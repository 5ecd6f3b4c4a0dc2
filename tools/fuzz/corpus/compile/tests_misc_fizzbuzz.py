# FizzBuzz in three styles.
for i in range(1, 16):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
print(["Fizz" * (i % 3 == 0) + "Buzz" * (i % 5 == 0) or str(i) for i in range(1, 16)])
def fb(i):
    out = ""
    for d, w in ((3, "Fizz"), (5, "Buzz"), (7, "Bazz")):
        if i % d == 0:
            out += w
    return out or i
print(", ".join(str(fb(i)) for i in range(95, 106)))
