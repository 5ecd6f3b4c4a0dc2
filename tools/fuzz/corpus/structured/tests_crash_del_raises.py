# Exceptions raised in __del__ are reported as unraisable and the program continues,
# also for cycles and while another exception is being handled.
import gc
class B:
    def __del__(self):
        raise ValueError("boom in del")
b = B()
del b
print("after")
class C:
    def __init__(self): self.c = self
    def __del__(self):
        1/0
c = C()
del c
gc.collect()
print("after cycle")
try:
    x = B()
    raise KeyError("k")
except KeyError as e:
    del x
    print("handled", repr(e))
print("end")
