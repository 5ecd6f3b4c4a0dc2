# is / is not / in / not in over builtin containers and user classes.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a is not c, a == c, None is None, None is not False)
print(1 in a, 3 in a, 3 not in a, "b" in "abc", "bc" in "abc", "ac" in "abc", "" in "")
print(1 in (1, 2), 1 in {1: "x"}, "x" in {1: "x"}, 1 in {1, 2}, 5 in range(10), 10 in range(10))
print([1] in [[1]], (1,) in [(1,)], 1.0 in [1], True in [1])
class Box:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        return x in self.items
print(2 in Box([1, 2]), 3 in Box([1, 2]), 3 not in Box([]))
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
try:
    [1] in {1: 2}
except TypeError as e:
    print("TypeError:", e)
x = None
print(x is None, type(x) is type(None))
