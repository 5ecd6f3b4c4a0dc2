# Container protocol: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Grid:
    def __init__(self):
        self.cells = {}
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, key):
        print("getitem", key)
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.cells[key]
    def __contains__(self, key):
        print("contains", key)
        return key in self.cells
g = Grid()
g[0, 0] = "a"
g[1, 2] = "b"
print(len(g), g[1, 2], (0, 0) in g, (5, 5) in g, (5, 5) not in g)
del g[0, 0]
print(len(g))
try:
    g[9, 9]
except KeyError as e:
    print("KeyError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for v in Seq():
    print("seq item", v)
class Sized:
    def __len__(self):
        return 3
print(len(Sized()), bool(Sized()))
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
