# An index beyond int64 is an IndexError for sequence subscripts, an OverflowError where a
# size is asked for; slices clamp such bounds.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

cases = [
    lambda: [1, 2][2**100],
    lambda: [1, 2][-2**100],
    lambda: "ab"[2**100],
    lambda: "ab"[Idx(2**70)],
    lambda: "ab"[Idx(-1)],
    lambda: "héllo"[Idx(1)],
    lambda: (1,)[-2**100],
    lambda: (1, 2, 3)[Idx(2)],
    lambda: range(5)[2**100],
    lambda: range(5)[Idx(-2)],
    lambda: [1, 2][2**100:],
    lambda: "abc"[-2**100:2**100],
    lambda: (1, 2)[:2**100],
    lambda: [1] * 2**100,
    lambda: "ab" * 2**100,
    lambda: "ab"["x"],
    lambda: [1][1.0],
]
for f in cases:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
l = [1, 2]
try:
    l[2**100] = 3
except IndexError as e:
    print("IndexError", e)
l[Idx(1)] = 5
print(l)
