# Subclasses of str and tuple: methods, dict, operators, hashing, __new__ overrides.
class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("bob")
print(n, n.shout(), len(n), n == "bob", type(n).__name__, repr(n), "bob" == n, n + "x", "x" + n)
n.tag = 5
print(n.tag, n.__dict__, type(str(n)).__name__, type(n + "").__name__, n in "xbobx", "o" in n)
print(hash(n) == hash("bob"), {n: 1}["bob"], {"bob": 2}[n], n[0], n[::-1], n.split("o"), f"{n:>5}|", "%s" % n)
print(n < "c", sorted([Name("b"), "a", Name("c")]), n * 2, Name(), Name(12), isinstance(n, str))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def __repr__(self):
        return "Upper(" + str.__repr__(self) + ")"
u = Upper("hi")
print(u, repr(u), [u], u.lower(), len(u), "%r" % u, u.__class__.__name__)
class Pt(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "Pt(%d, %d)" % self
p = Pt(1, 2)
p.label = "a"
print(p, p.x, p.label, p == (1, 2), len(p), p + (3,), type(p + (3,)).__name__, list(p), hash(p) == hash((1, 2)))
class E(tuple):
    pass
e = E([1, 2, 3])
print(e, e[1:], type(e[1:]).__name__, E(), vars(e))
a, b = p
print(a, b, dir(p)[-3:] if False else "")
class SS(Name):
    pass
ss = SS("deep")
ss.q = 1
print(ss, ss.shout(), ss.q, ss.__dict__)
