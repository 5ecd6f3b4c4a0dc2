# gc.garbage stays empty for cycles with __del__ (PEP 442 made them collectable); with
# DEBUG_SAVEALL every unreachable object is saved there instead of being freed.
import gc
class D:
    def __del__(self):
        print("del ran")
gc.collect()
d = D()
d.me = d
del d
gc.collect()
print(gc.garbage)
gc.set_debug(gc.DEBUG_SAVEALL)
lst = ["saved"]
lst.append(lst)
del lst
n = gc.collect()
print(n >= 1, len(gc.garbage) == n)
saved = [o for o in gc.garbage if type(o) is list]
print(len(saved), saved[0][0], saved[0][1] is saved[0])
gc.set_debug(0)
gc.garbage.clear()
del saved
print(gc.collect() >= 1, gc.garbage)
