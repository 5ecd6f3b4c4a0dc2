# freeze() moves every tracked object to the permanent generation, which collections ignore;
# unfreeze() puts them back into the oldest generation.
import gc
gc.disable()
gc.collect()
print(gc.get_freeze_count())
a = []
a.append(a)
gc.freeze()
n = gc.get_freeze_count()
print(n > 50, gc.get_count()[0])
del a
print("frozen cycle not collected:", gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print("unfrozen cycle collected:", gc.collect() >= 1)
gc.enable()
