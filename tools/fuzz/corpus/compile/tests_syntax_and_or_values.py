# and/or return one of their operands; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2)
print([] or "default", [1] or "default")
print(None and 1, None or 0)
print("" or [] or {} or 0 or "last")
print("a" and "b" and "c")
print(not [], not [0], not "", not "x", not None, not 0.0)
def t(x):
    print("called", x)
    return x
print(t(0) and t(1))
print(t(1) or t(2))
print(t(0) or t(0) or t(3))
print(t(1) and t(2) and t(0) and t(4))
x = 5
print(x > 3 and "big" or "small")
print(x < 3 and "big" or "small")
print(True + True, False * 10)
print((1 or 0) + 1)
