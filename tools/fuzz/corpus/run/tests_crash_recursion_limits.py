# RecursionError instead of a crash: through __repr__, __eq__, __hash__, __getattr__, plain
# calls, and when printing or comparing deeply nested data. The program continues.
import sys
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError:
    print("repr: RecursionError")
class E:
    def __eq__(self, o):
        return self == o
try:
    E() == E()
except RecursionError:
    print("eq: RecursionError")
class A:
    def __getattr__(self, name):
        return getattr(self, name + "x")
try:
    A().foo
except RecursionError:
    print("getattr: RecursionError")
class Hs:
    def __hash__(self):
        return hash(self)
try:
    {Hs(): 1}
except RecursionError:
    print("hash: RecursionError")
l = []
for i in range(100000):
    l = [l]
try:
    print(len(repr(l)))
except RecursionError:
    print("nested list repr: RecursionError")
try:
    print(len(str(l)))
except RecursionError:
    print("nested list str: RecursionError")
d = {}
for i in range(100000):
    d = {1: d}
try:
    str(d)
except RecursionError:
    print("nested dict: RecursionError")
t = ()
for i in range(100000):
    t = (t,)
try:
    repr(t)
except RecursionError:
    print("nested tuple: RecursionError")
def f(n): return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(e)
l2 = []
for i in range(100000): l2 = [l2]
l3 = []
for i in range(100000): l3 = [l3]
try:
    print(l2 == l3)
except RecursionError:
    print("nested eq: RecursionError")
del l, d, t, l2, l3
print("freed, limit", sys.getrecursionlimit())
def g(n):
    try:
        return g(n + 1)
    except RecursionError:
        return n
print(g(0) > 100)
