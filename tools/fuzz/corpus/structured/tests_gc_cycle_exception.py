# An exception kept in a variable of the frame it was raised in, and an exception that
# refers to itself through an attribute.
import gc
class Probe:
    def __del__(self):
        print("probe freed")
gc.collect()
try:
    raise ValueError("x")
except ValueError as e:
    err = e
err.me = err
err.probe = Probe()
del err
print("deleted")
print(gc.collect() >= 1)
