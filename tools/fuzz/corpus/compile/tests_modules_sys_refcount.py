# sys.getrefcount relations (the argument itself adds one reference while it is passed).
import sys
x = []
print(sys.getrefcount(x) == 2)
y = x
print(sys.getrefcount(x) == 3)
l = [x, x]
print(sys.getrefcount(x) == 5)
del l
print(sys.getrefcount(x) == 3)
del y
print(sys.getrefcount(x) == 2)
d = {"k": x}
print(sys.getrefcount(x) == 3)
d.clear()
print(sys.getrefcount(x) == 2)
def f(a):
    return sys.getrefcount(a)
before = sys.getrefcount(x)
print(f(x) > before)
o = object()
print(sys.getrefcount(o) == 2)
class C:
    pass
c = C()
print(sys.getrefcount(c) == 2)
c.self_ref = c
print(sys.getrefcount(c) == 3)
