# get_stats(): per generation, collections, collected and uncollectable; gc.collect(g) adds
# one collection to generation g and its unreachable count to g's "collected".
import gc
gc.disable()
s0 = gc.get_stats()
print(len(s0), [sorted(d) for d in s0][0])
gc.collect(1)
s1 = gc.get_stats()
print([s1[i]["collections"] - s0[i]["collections"] for i in range(3)])
for i in range(10):
    x = {}
    x["x"] = x
del x
n = gc.collect(2)
s2 = gc.get_stats()
print([s2[i]["collections"] - s1[i]["collections"] for i in range(3)])
print(n >= 10, s2[2]["collected"] - s1[2]["collected"] == n)
print([d["uncollectable"] for d in s2])
gc.enable()
