# Slice lengths for steps 1 and -1 are computed without a division (ou_slice_adjust): every
# clamping case of both, on lists, tuples, strings and ranges, reads, writes and deletions, and
# fannkuch's in-place prefix reversal, compared with steps 2 and -2 that still divide.
a = list(range(8))
for lo in (None, -20, -8, -3, 0, 3, 7, 8, 20):
    for hi in (None, -20, -8, -3, 0, 3, 7, 8, 20):
        for st in (1, -1, 2, -2, None):
            s = slice(lo, hi, st)
            r = a[lo:hi:st]
            assert r == [a[i] for i in range(*s.indices(8))], (lo, hi, st)
            assert tuple(a)[lo:hi:st] == tuple(r)
            assert range(8)[lo:hi:st] == range(*s.indices(8))
            assert len(range(8)[lo:hi:st]) == len(r)
print(a[2:6], a[6:2:-1], a[-1::-1], a[:-9:-1], a[3:3:-1], a[0:-1:-1], a[9:-9:-1])
print("abcdef"[4:1:-1], "abcdef"[::-1], "abcdef"[1:4], range(10)[7:2:-1], range(0, 20, 3)[5:0:-1])

b = list(range(6))
b[1:4] = b[3:0:-1]
print(b)
b[::-1] = b
print(b)
b[4:1:-1] = "xyz"
print(b)
del b[4:1:-1]
print(b)
try:
    b[3:0:-1] = [1]
except ValueError as e:
    print("ValueError", e)

perm = [3, 1, 4, 0, 2]
k = perm[0]
flips = 0
while k:
    perm[:k + 1] = perm[k::-1]
    flips += 1
    k = perm[0]
print(perm, flips)
