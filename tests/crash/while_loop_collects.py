# A `while` loop whose test sits at the bottom (a backward conditional jump) is a safe point:
# garbage cycles made inside it are collected as the loop runs, and SIGINT can interrupt it
# (tests/crash/signals_limits.sh). Before the fix such a loop never collected.
import gc
class C:
    pass
n = 0
while n < 200000:
    a = C()
    a.me = a
    n += 1
print(len(gc.get_objects()) < 100000)
m = 0
while m < 100000 and n > 0:
    b = [None]
    b[0] = b
    m += 1
print(len(gc.get_objects()) < 100000)
