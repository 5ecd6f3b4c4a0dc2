# get_count(): allocations of containers minus frees for generation 0, then the number of
# younger collections for the older generations (compared as relations only).
import gc
gc.disable()
gc.collect()
c0 = gc.get_count()
print(len(c0), c0[1] == 0, c0[2] == 0)
keep = [[i] for i in range(300)]
c1 = gc.get_count()
print("300 lists counted:", c1[0] - c0[0] >= 300)
del keep
c2 = gc.get_count()
print("frees counted back:", c2[0] < c1[0])
gc.collect(0)
c3 = gc.get_count()
print("after collect(0):", c3[0] < 10, c3[1] == 1)
gc.collect(0)
gc.collect(0)
print(gc.get_count()[1] == 3)
gc.collect(1)
c4 = gc.get_count()
print("after collect(1):", c4[1] == 0, c4[2] == 1)
gc.collect()
print("after collect():", gc.get_count()[1:] == (0, 0))
gc.enable()
