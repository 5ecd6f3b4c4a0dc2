# set_debug / get_debug and the DEBUG_* constants (CPython's values).
import gc
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_LEAK)
print(gc.get_debug() == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
gc.set_debug(0)
print(gc.get_debug())
try:
    gc.set_debug("x")
except TypeError as e:
    print(e)
try:
    gc.set_debug()
except TypeError:
    print("TypeError")
