# A nested function that refers to itself through its closure cell: function -> closure
# tuple -> cell -> function.
import gc
class Probe:
    def __del__(self):
        print("probe freed")
def outer():
    p = Probe()
    def rec(n):
        return p if n == 0 else rec(n - 1)
    return rec
f = outer()
print(type(f(3)).__name__)
del f
print("after del")
print(gc.collect() >= 3)
