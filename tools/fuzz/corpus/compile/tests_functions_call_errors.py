# TypeError messages for bad calls.
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
five = 5
text = "s"
calls = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: f(),
    lambda: g(1),
    lambda: g(1, 2, 3, c=4),
    lambda: g(b=2, c=3),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: five(),
    lambda: text(),
    lambda: f(1, **{"a": 2}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
class C:
    def m(self):
        return "m"
try:
    C().m(1)
except TypeError as e:
    print("TypeError:", e)
try:
    C.m()
except TypeError as e:
    print("TypeError:", e)
