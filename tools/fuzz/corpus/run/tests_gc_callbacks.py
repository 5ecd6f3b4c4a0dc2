# gc.callbacks: each callback is called with "start" and "stop" and an info dict; errors in a
# callback are unraisable and do not stop the collection; gc.collect() inside a callback
# returns 0.
import gc
log = []
def cb(phase, info):
    log.append((phase, info["generation"], info["collected"], info["uncollectable"]))
    if phase == "stop":
        log.append(("nested", gc.collect()))
    if "duration" in info:
        log.append(("duration ok", info["duration"] >= 0))
gc.collect()
gc.callbacks.append(cb)
gc.disable()
a = []
a.append(a)
del a
n = gc.collect(1)
gc.enable()
gc.callbacks.remove(cb)
print(n >= 1)
for entry in log:
    if entry[0] == "duration ok":
        continue
    if entry[0] == "stop":
        print(entry[0], entry[1], entry[2] == n, entry[3])
    else:
        print(entry)
print(isinstance(gc.callbacks, list), len(gc.callbacks))
