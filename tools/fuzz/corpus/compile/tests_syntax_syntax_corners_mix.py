# syntax corners
def side(v, log):
    log.append(v)
    return v
log = []
print(side(1, log) < side(2, log) < side(0, log) < side(5, log), log)
print(not 1 == 2, not (1 and 0), (1 or 0) and "x", None or [] or 0, 0 and 1 / 0, 1 if 0 else 2 if 0 else 3)
a, b = [1, 2], (3, 4)
print([*a, *b], (*a, *b), {*a, *b}, {**{"x": 1}, **{"y": 2}, "z": 3}, [*"ab", *range(2)], print(*a, *b, sep="-"))
s = list(range(10))
print(s[::-1][1:3], s[-3::-2], s[8:2:-2], s[-100:100:3], s[5:5], s[::-3], "hello"[-1:-4:-1])
del s[:]
print(s, 1_000.000_1, 0xFF_FF, 0o7_7, 0b1_1, 1e-3, 1E3, .5e1, 0.0001e4)
x = 5; y = 6; print(x, y)
if x: pass
...
def fin():
    try:
        return "try"
    finally:
        return "finally"
def fin2():
    for i in range(3):
        try:
            if i < 2:
                continue
            return i
        finally:
            print("fin2", i)
def fin3():
    while True:
        try:
            return "never"
        finally:
            break
    return "broke"
print(fin(), fin2(), fin3())
def decorators():
    order = []
    def d(tag):
        order.append("make " + tag)
        def w(f):
            order.append("apply " + tag)
            return f
        return w
    @d("outer")
    @d("inner")
    def f(): pass
    return order
print(decorators())
def default_time(v=[]):
    v.append(len(v))
    return v
print(default_time(), default_time(), default_time([9]))
print((lambda x=lambda: 5: x())(), (lambda: (yield_ := 1) if False else 2)() if False else 2)
print(type(()).__name__, (1), (1,), [], [()], {}, {()}, ((),), "a" "b" 'c', """x"""'y')
print(0 if [] else 1, 2 if [0] else 3, [] is not [], [] == [], {} == dict(), 1 < 2 != 3)
t = 1,
u = 1, 2,
print(t, u, (t, u)[1][0])
mat = [[i * 3 + j for j in range(3)] for i in range(3)]
print([row[i] for i, row in enumerate(mat)], [x for row in mat for x in row if x % 2], [[r[c] for r in mat] for c in range(3)])
w = 10
print(f"{w}" f"{w+1}" "plain", "con" "cat" == "concat", "%s" "%s" % (1, 2))
class C: x = 1; y = 2
print(C.x + C.y)
assert True, "never"
try:
    assert 1 == 2, ("tuple", "msg")
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e))
