# Explicit (backslash) and implicit (bracket) line continuations.
x = 1 + \
    2 + \
    3
print(x)
y = (1 +
     2
        + 3)
print(y)
items = [
    1,
    2,   # comments inside brackets are fine
    3,
]
print(items)
d = {
  "a": 1,
      "b": 2}
print(d)
def f(a,
      b,
          c=3):
    return a + b + c
print(f(1,
  2))
if x == 6 and \
   y == 6:
    print("both six")
s = ("implicit "
     "concatenation "
   "across lines")
print(s)
t = 1, \
    2
print(t)
print(f(
    10,
    20,
    30,
))
