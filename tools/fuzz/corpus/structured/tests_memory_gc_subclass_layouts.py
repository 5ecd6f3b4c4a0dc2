# cycles through str/tuple subclass instance dicts and slots are collected
import gc
class S(str):
    def __del__(self):
        print("S del", str(self))
class T(tuple):
    def __del__(self):
        print("T del", len(self))
class N:
    __slots__ = ("other", "name")
    def __del__(self):
        print("N del", self.name)
s = S("cyc"); s.me = s
t = T([1, 2]); t.me = t
a = N(); b = N(); a.name = "a"; b.name = "b"; a.other = b; b.other = a
del s, t, a, b
print("collecting")
n = gc.collect()
print("collected", n > 0)
