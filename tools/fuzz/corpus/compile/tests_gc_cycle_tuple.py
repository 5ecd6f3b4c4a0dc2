# Tuples cannot contain themselves directly, but a tuple inside a list inside the tuple is a
# cycle the collector must find.
import gc
class Probe:
    def __del__(self):
        print("probe freed")
gc.collect()
lst = [Probe()]
t = (lst, 1, "x")
lst.append(t)
del lst, t
print("deleted")
print(gc.collect() >= 3)
