# get_threshold / set_threshold, with CPython's defaults and argument checking.
import gc
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(1000, 20, 30)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError")
try:
    gc.set_threshold(1.5)
except TypeError as e:
    print(e)
gc.set_threshold(0)
print(gc.get_threshold())
freed = [0]
class N:
    def __init__(self):
        self.me = self
    def __del__(self):
        freed[0] += 1
for i in range(3000):
    N()
print("threshold 0 disables automatic collection:", freed[0])
gc.set_threshold(700, 10, 10)
print(gc.collect() >= 3000, freed[0])
print(gc.get_threshold())
