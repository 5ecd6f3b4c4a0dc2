# Operations that recurse in C over data nested 200,000 deep: comparisons, membership, sorting,
# min/max, formatting and printing must raise RecursionError (as CPython), never overflow the
# C stack, and the program goes on. (recursion_limits.py covers repr/str of nested data.)
def nest(kind, n):
    x = kind()
    for i in range(n):
        x = kind([x]) if kind is not dict else {"k": x}
    return x


N = 200000
a, b = nest(list, N), nest(list, N)
ta, tb = nest(tuple, N), nest(tuple, N)
da, db = nest(dict, N), nest(dict, N)
cases = [
    ("list ==", lambda: a == b),
    ("list <", lambda: a < b),
    ("tuple ==", lambda: ta == tb),
    ("tuple <=", lambda: ta <= tb),
    ("dict ==", lambda: da == db),
    ("list in", lambda: a in [b]),
    ("list.count", lambda: [a].count(b)),
    ("list.index", lambda: [a].index(b)),
    ("sorted", lambda: sorted([a, b])),
    ("max", lambda: max([a, b])),
    ("f-string", lambda: f"{a}"),
    ("format", lambda: format(da)),
    ("print", lambda: print(ta, file=open("/dev/null", "w"))),
]
for label, f in cases:
    try:
        f()
        print(label, "ok")
    except RecursionError:
        print(label, "RecursionError")
print("equal at depth 100:", nest(list, 100) == nest(list, 100), nest(tuple, 100) < nest(tuple, 101))
