# Conditional expressions: evaluation order, nesting, laziness.
def t(x):
    print("eval", x)
    return x
print(t("yes") if t(True) else t("no"))
print(t("yes") if t(False) else t("no"))
x = 7
print("odd" if x % 2 else "even")
print("neg" if x < 0 else "zero" if x == 0 else "pos")
s = [i if i % 2 else -i for i in range(6)]
print(s)
f = lambda n: 1 if n <= 1 else n * f(n - 1)
print(f(10))
print((1 if True else 2) + 10)
print([1, 2] if [] else (3, 4))
y = None
print(y.attr if y is not None else "none")
