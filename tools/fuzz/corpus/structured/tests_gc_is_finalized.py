# is_finalized(): true once the collector (or reference counting) ran the object's __del__.
import gc
keep = []
class Lazarus:
    def __del__(self):
        keep.append(self)
class Plain:
    pass
x = Lazarus()
print(gc.is_finalized(x), gc.is_finalized(Plain()), gc.is_finalized(1), gc.is_finalized([]))
del x
y = keep.pop()
print(gc.is_finalized(y))
z = Lazarus()
z.me = z
del z
gc.collect()
print(len(keep), gc.is_finalized(keep[0]))
