# Cost of the collector while a large structure is built (issue 8): building 4,000,000 live
# tracked objects (2,000,000 two-item lists, each holding a one-item list) with automatic
# collection on, against the same build after gc.disable(). Best of four builds each, alternated,
# in CPU time of the process: a single build varies by 20% from page faults and the machine's
# load, more than the collector's share.
# Prints both times and their ratio (target: at most 1.2). Run: ouro gc_build.py / python3 ...
import gc
import time


def build():
    t0 = time.process_time()
    data = [[i, [i]] for i in range(2000000)]
    t = time.process_time() - t0
    del data
    gc.collect()
    return t


best = {True: 1e9, False: 1e9}
gc.collect()
for r in range(4):
    for on in (False, True):
        if on:
            gc.enable()
        else:
            gc.disable()
        best[on] = min(best[on], build())
gc.enable()
print("build 4,000,000 objects: gc on %.2f s, off %.2f s; ratio %.2fx"
      % (best[True], best[False], best[True] / best[False]))
