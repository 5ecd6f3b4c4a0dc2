# __bool__, __hash__, __call__, __len__ as truth fallback, __index__.
class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class NoBool:
    pass
print(bool(Falsy()), bool(Empty()), bool(NoBool()), not Falsy())
if not Empty():
    print("Empty is falsy")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, y=0):
        return self.n + x + y
add5 = Adder(5)
print(add5(1), add5(1, y=2), callable(add5), callable(Adder))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v % 3
    def __eq__(self, o):
        return self.v == o.v
print(hash(H(7)), len({H(1), H(4), H(1)}))
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), range(5)[Idx()])
