# dunder protocol edge cases
class B:
    def __bool__(self):
        return 1
try:
    bool(B())
except TypeError as e:
    print("TypeError:", e)
class L:
    def __len__(self):
        return -1
try:
    len(L())
except ValueError as e:
    print("ValueError:", e)
class L2:
    def __len__(self):
        return "3"
try:
    len(L2())
except TypeError as e:
    print("TypeError:", e)
class H:
    def __hash__(self):
        return "x"
try:
    hash(H())
except TypeError as e:
    print("TypeError:", e)
class R:
    def __repr__(self):
        return 5
try:
    repr(R())
except TypeError as e:
    print("TypeError:", e)
class S:
    def __str__(self):
        return None
try:
    str(S())
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], hex(Idx()), bin(Idx()), range(10)[Idx()], [1, 2, 3, 4][Idx():])
class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), 2 in It(), sum(It()), sorted(It(), reverse=True), dict.fromkeys(It()))
class GI:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(GI()), 4 in GI(), 5 in GI())
class Eq:
    def __eq__(self, o):
        return NotImplemented
print(Eq() == Eq(), Eq() != Eq(), Eq() == 1)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return "C%d" % self.v
print(sorted([Cmp(3), Cmp(1), Cmp(2)]), Cmp(1) > Cmp(0), max(Cmp(1), Cmp(5)))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print("TypeError:", e)
class NoIter:
    pass
for op in [lambda: iter(NoIter()), lambda: list(NoIter()), lambda: 1 in NoIter(), lambda: len(NoIter()), lambda: NoIter()[0], lambda: NoIter()(), lambda: -NoIter(), lambda: NoIter() + 1, lambda: NoIter() < NoIter(), lambda: abs(NoIter())]:
    try:
        op()
    except TypeError as e:
        print("TypeError:", e)
class Call:
    def __call__(self, *a, **k):
        return (a, k)
print(Call()(1, x=2), callable(Call()))
class Ctr:
    def __contains__(self, x):
        return x == 1
print(1 in Ctr(), 2 in Ctr(), 2 not in Ctr())
