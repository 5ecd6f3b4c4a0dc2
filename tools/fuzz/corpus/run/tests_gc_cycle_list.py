# A list that contains itself is freed by the collector, not by reference counting; an
# instance hanging off the cycle shows when that happens.
import gc
class Probe:
    def __del__(self):
        print("probe freed")
gc.collect()
a = [Probe()]
a.append(a)
del a
print("after del")
n = gc.collect()
print("collected", n >= 2)
print("again", gc.collect())
