# A traceback keeps the local variables of the frames an exception left alive until the
# traceback itself dies, as CPython's frames do: __del__ of such locals runs when the except
# block ends (or the saved exception is deleted), innermost frame first.
import gc

class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)

def inner():
    d = D("inner")
    raise ValueError("x")

def outer():
    d = D("outer")
    inner()

print("1: caught at top level")
try:
    outer()
except ValueError as e:
    print("  caught", e)
print("  after the handler")

print("2: caught in a function that keeps running")
def f2():
    d = D("f2 local")
    try:
        inner()
    except ValueError:
        print("  caught in f2")
    print("  f2 continues")
f2()

print("3: the exception saved beyond its handler")
saved = None
try:
    outer()
except ValueError as e:
    saved = e
print("  handler over, exception saved")
del saved
print("  saved deleted")

print("4: a frame whose local refers to the exception (a cycle)")
def selfref():
    d = D("selfref")
    try:
        raise KeyError("k")
    except KeyError as e:
        keep = e
        raise
try:
    selfref()
except KeyError:
    print("  caught")
print("  collected:", gc.collect() > 0)

print("5: closures and cells")
def with_cell():
    d = D("cell")
    def get():
        return d
    raise RuntimeError(get().n)
try:
    with_cell()
except RuntimeError as e:
    print("  caught", e)
print("  after")

print("6: deep recursion")
def rec(n):
    d = D("rec%d" % n) if n % 300 == 0 else None
    if n == 0:
        raise IndexError("bottom")
    rec(n - 1)
try:
    rec(900)
except IndexError as e:
    print("  caught", e)
print("end")
