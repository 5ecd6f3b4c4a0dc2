# Huge allocations raise MemoryError and the program continues.
try:
    x = [0] * 10**12
except MemoryError:
    print("MemoryError list")
try:
    y = 'x' * 10**12
except MemoryError:
    print("MemoryError str")
try:
    z = (1,) * 10**12
except MemoryError:
    print("MemoryError tuple")
try:
    w = [None] * (2**62)
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print(sum([0] * 1000))
print("continues")
