# Collector pauses (issue 8): 2,000,000 live objects, and a loop that makes cyclic garbage which
# lives a while: each iteration builds a two-list cycle and stores it in a ring of 20,000 slots,
# dropping the cycle stored there 20,000 iterations before. The cycles survive the young
# collections, reach the old generation and die there, so only collections of the old
# generation can reclaim them. Prints the slowest iteration (the longest pause) in ms and the
# loop's total seconds, in CPU time of the process (a loaded machine preempting it would
# otherwise show as pauses). Run: ouro pause.py / python3 pause.py
import time

live = [[i] for i in range(2000000)]
RING = 20000
ring = [None] * RING
worst = 0.0
start = prev = time.process_time()
for i in range(1000000):
    a = [i]
    b = [a]
    a.append(b)
    ring[i % RING] = a
    now = time.process_time()
    if now - prev > worst:
        worst = now - prev
    prev = now
total = time.process_time() - start
print("pause: worst iteration %.2f ms; loop %.2f s (2,000,000 live objects)" % (worst * 1e3, total))
