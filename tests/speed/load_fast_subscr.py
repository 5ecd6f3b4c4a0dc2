# `local[k]` with a constant k is one fused instruction (LOAD_FAST_SUBSCR_SMALLINT) for exact
# lists and tuples in range; every other object, index and path must behave as before.
class L(list):
    def __getitem__(self, i):
        return ("L", i)


def f(lst, tup, d, s, sub, flag):
    out = [lst[0], lst[2], lst[-1], lst[-3], tup[1], tup[-1], d[1], s[1], sub[0]]
    other = tup
    out.append((lst if flag else other)[0])  # the jump joins at the subscript
    try:
        out.append(lst[3])
    except IndexError as e:
        out.append("IndexError: " + str(e))
    try:
        out.append(tup[-5])
    except IndexError as e:
        out.append("IndexError: " + str(e))
    try:
        out.append(d[7])
    except KeyError as e:
        out.append("KeyError: " + str(e))
    n = 5
    try:
        out.append(n[0])
    except TypeError as e:
        out.append("TypeError: " + str(e))
    return out


print(f([1, 2, 3], (4, 5), {1: "one"}, "xyz", L([9]), True))
print(f(["a", "b", "c"], ("d", "e"), {1: 1.5}, "uvw", L(), False))


def unbound():
    if False:
        z = [1]
    return z[0]


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

# In a loop whose list is rebound and mutated, and with floats (nbody's pattern).
bodies = [[float(i), float(i) * 2, 1.0] for i in range(5)]
acc = 0.0
for step in range(3):
    for b in bodies:
        acc += b[0] * b[1] - b[2]
        b[2] += b[0]
    bodies.append([acc, -acc, 0.5])
print(acc, len(bodies), bodies[-1][0], bodies[2][2])
