# Several callbacks run in list order, for every collection; a callback may remove itself.
import gc
seen = []
def first(phase, info):
    seen.append("first " + phase)
def second(phase, info):
    seen.append("second " + phase)
def once(phase, info):
    seen.append("once " + phase)
    gc.callbacks.remove(once)
gc.collect()
gc.callbacks.extend([first, second, once])
gc.collect()
gc.collect(0)
gc.callbacks.clear()
gc.collect()
print(seen)
