# any and all: empty iterables, short-circuiting (over lazy map iterators), truthiness.
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(map(check, [1, 3, 5, 7])), seen)
seen.clear()
print(all(map(check, [3, 4, 1, 5])), seen)
print(any("abc"), all(""), any(range(0)), all(range(1, 5)), all([[]]), any([[]]))
print(all(isinstance(x, int) for x in (1, 2, True)))
