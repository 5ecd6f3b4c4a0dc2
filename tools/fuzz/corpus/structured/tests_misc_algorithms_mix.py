# algorithms: dijkstra with manual heap, memo fib via dict, sieve, binary search, permutations
def heappush(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[p] <= h[i]:
            break
        h[p], h[i] = h[i], h[p]
        i = p
def heappop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i, n = 0, len(h)
    while True:
        l, r, m = 2 * i + 1, 2 * i + 2, i
        if l < n and h[l] < h[m]: m = l
        if r < n and h[r] < h[m]: m = r
        if m == i: break
        h[m], h[i] = h[i], h[m]
        i = m
    return top
graph = {"A": {"B": 4, "C": 1}, "B": {"D": 1}, "C": {"B": 2, "D": 5}, "D": {}}
def dijkstra(src):
    dist = {src: 0}
    h = [(0, src)]
    while h:
        d, u = heappop(h)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u].items():
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heappush(h, (nd, v))
    return dist
print(sorted(dijkstra("A").items()))
memo = {}
def fib(n):
    if n < 2: return n
    if n not in memo: memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90), [fib(i) for i in range(10)])
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
print(sieve(60))
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x: lo = mid + 1
        else: hi = mid
    return lo
print([bsearch([1, 3, 5, 7], x) for x in range(9)])
def perms(s):
    if len(s) <= 1: return [s]
    return [s[i] + p for i in range(len(s)) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))
def gcd(a, b):
    while b: a, b = b, a % b
    return a
print(gcd(1071, 462), 2 ** 62, 7 // -2, -7 % 3, 7 % -3, -7 // 2)
print(int(1e18), 10 ** 18 // 7, 123456789 * 987654321, divmod(-17, 5), abs(-2 ** 62 + 1))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [[row[i] for row in matrix] for i in range(3)], sum(map(sum, matrix)))
