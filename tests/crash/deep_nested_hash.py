# Hashing a tuple nested 200,000 deep must raise RecursionError. CPython 3.11 has no recursion
# check in tuple hashing and dies of a stack overflow (a segmentation fault), so this test has
# a hand-written .exp: Ouro deliberately differs by surviving.
def nest(n):
    t = ()
    for i in range(n):
        t = (t, i)
    return t


deep = nest(200000)
for label, f in [("hash", lambda: hash(deep)),
                 ("set", lambda: {deep}),
                 ("dict key", lambda: {deep: 1}),
                 ("in dict", lambda: deep in {}),
                 ("frozenset", lambda: frozenset([deep]))]:
    try:
        f()
        print(label, "ok")
    except RecursionError as e:
        print(label, "RecursionError:", e)
shallow = nest(50)
print("depth 50:", hash(shallow) == hash(nest(50)), {shallow: 1}[nest(50)])
