# At exit, CPython 3.11 drops every module from sys.modules and collects: __main__'s namespace
# is in a cycle with its functions, so its objects are finalized by the collector with every
# global still bound (not set to None one by one). A weak reference that is itself garbage
# gets no callback. (One finalizer only: the order among several depends on generations.)
import weakref
import math

class P:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n, "counter =", counter, "P is a", type(P).__name__,
              "math.pi =", math.pi, "helper:", helper())

def helper():
    return "still here"

counter = 5
a = P("a")
a.me = a
r = weakref.ref(a, lambda w: print("callback", counter))
print("end of program")
