# Collatz sequence lengths with a cache dict; the longest chain below 10000.
cache = {1: 1}
def length(n):
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    l = cache[n]
    for m in reversed(path):
        l += 1
        cache[m] = l
    return l
best = max(range(1, 10000), key=length)
print(best, length(best))
print([length(i) for i in range(1, 16)])
print(len(cache) > 10000)
