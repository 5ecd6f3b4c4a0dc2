# __del__ deleting and rebinding module globals, including the name of its own class.
import gc
victim = 1
other = "x"
class K:
    def __del__(self):
        global victim
        del victim
        del globals()["other"]
        print("deleted globals")
k = K()
del k
print("victim" in globals(), "other" in globals())
class M:
    def __del__(self):
        global K
        K = None
        print("K gone")
m = M(); m.self = m
del m
gc.collect()
print(K)
