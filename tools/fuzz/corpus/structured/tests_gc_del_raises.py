# A finalizer that raises prints "Exception ignored in: ..." and the traceback on stderr and
# does not stop the collection: the other finalizers still run and everything is freed.
import gc
import sys
class Bad:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name)
        if self.name == "b":
            raise ValueError("boom in " + self.name)
gc.collect()
Bad("a")
Bad("b")
Bad("c")
print("collected:", gc.collect() >= 3)
print("after")
sys.stdout.flush()
sys.exit(1)
