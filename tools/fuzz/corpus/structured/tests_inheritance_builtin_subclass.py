# Subclassing builtin types: list, dict, int, str, Exception.
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__, s + [4])
class DefaultDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)
d = DefaultDict(a=1)
print(d["a"], d["zz"], d, len(d))
class Cnt(dict):
    def add(self, k):
        self[k] = self.get(k, 0) + 1
c = Cnt()
for ch in "abca":
    c.add(ch)
print(c)
class MyInt(int):
    def double(self):
        return self * 2
m = MyInt(21)
print(m, m.double(), m + 1, type(m + 1).__name__, isinstance(m, int))
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n == "bob", type(n).__name__)
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise AppError(404, "not found")
except Exception as e:
    print(type(e).__name__, e.code, e, e.args)
class Pt(tuple):
    pass
print(Pt((1, 2)), Pt((1, 2)) == (1, 2))
