# Building a large structure stays cheap: full collections are rationed (they wait until a
# quarter of the old generation is new), so only a few run while 120,000 containers are made.
import gc
gc.collect()
before = gc.get_stats()
data = []
for i in range(120000):
    data.append([i])
after = gc.get_stats()
young = after[0]["collections"] - before[0]["collections"]
full = after[2]["collections"] - before[2]["collections"]
print("young collections:", young > 100)
print("full collections few:", full <= 12)
print(len(data), data[-1])
