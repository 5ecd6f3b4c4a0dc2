# gc.collect's argument: a generation 0..2, by position or keyword; default 2.
import gc
print(gc.collect(), gc.collect(0), gc.collect(1), gc.collect(generation=2))
for g in (3, -1):
    try:
        gc.collect(g)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.collect("0")
except TypeError as e:
    print("TypeError:", e)
try:
    gc.collect(1, 2)
except TypeError:
    print("TypeError")
print(gc.collect(True))
