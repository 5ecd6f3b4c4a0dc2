# Tuples: construction, singleton repr, immutability, methods, operators.
t = (1, 2, 3)
print(t, (), (1,), tuple(), tuple([4, 5]), tuple("ab"), tuple(range(3)))
u = 4, 5
print(u, type(u).__name__, len(u), len(()))
print(t + u, t * 2, 2 * (0,), () * 10, t[0], t[-1], t[1:], t[::-1])
print(t.index(2), t.count(3), (1, 1, 1).count(1), 2 in t, 9 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1, 2), () == ())
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "pair"}[(1, 2)])
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
try:
    t.index(7)
except ValueError as e:
    print("ValueError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError:", e)
nested = ((1, 2), [3, 4], "s", ("x",))
nested[1].append(5)
print(nested)
print(repr((None, True, 1.5, "a'b")))
