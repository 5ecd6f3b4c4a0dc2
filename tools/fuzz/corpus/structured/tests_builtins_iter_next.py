# iter and next: over builtins, default values, exhaustion, iterator of an iterator is itself.
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(iter(s) is s, list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
t = iter((5,))
print(next(t), next(t, None))
r = iter(range(2))
print(list(r))
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(3)
except TypeError as e:
    print("TypeError:", e)
stack = [1, 2, 3]
print(list(iter(lambda: stack.pop() if stack else None, None)))
print([type(iter(x)).__name__ for x in ([], (), {}, set(), range(1))])
