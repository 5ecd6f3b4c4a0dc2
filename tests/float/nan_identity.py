# Deliberate difference (docs/language.md): floats are immediates in Ouro, so every NaN is the
# same object. CPython prints "False False 2 ..." on the first line; Ouro's .exp says "True True 1".
a = float("nan")
b = float("nan")
print(a is b, a in [b], len({a, b}), a == a, a != a, [a] == [a])
print(a == b, a < 1, max(1.0, 2.0) == 2.0, str(a), repr(b))
