# Allocation-heavy trees (the benchmarks game's binary-trees): build and check many complete
# binary trees of tuples (the game's tree counts, times reps).
def make(d):
    if d == 0:
        return (None, None)
    d -= 1
    return (make(d), make(d))


def check(t):
    l, r = t
    if l is None:
        return 1
    return 1 + check(l) + check(r)


def main(n, reps):
    mind = 4
    maxd = max(mind + 2, n)
    stretch = maxd + 1
    print("stretch tree of depth %d\t check: %d" % (stretch, check(make(stretch))))
    long_lived = make(maxd)
    d = mind
    while d <= maxd:
        iters = reps * 2 ** (maxd - d + mind)
        c = 0
        for i in range(iters):
            c += check(make(d))
        print("%d\t trees of depth %d\t check: %d" % (iters, d, c))
        d += 2
    print("long lived tree of depth %d\t check: %d" % (maxd, check(long_lived)))


main(14, 4)
