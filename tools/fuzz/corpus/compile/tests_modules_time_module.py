# time: only relations are deterministic.
import time
a = time.perf_counter()
total = 0
for i in range(10000):
    total += i
b = time.perf_counter()
print(b >= a, total)
t = time.time()
print(t > 1600000000, type(t).__name__)
m1 = time.monotonic()
time.sleep(0.01)
m2 = time.monotonic()
print(m2 - m1 >= 0.005)
print(type(time.perf_counter()).__name__)
