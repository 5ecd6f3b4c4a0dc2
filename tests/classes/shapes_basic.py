# Instance attributes behave as one ordered dict, whether Ouro keeps them inline (compact
# instances with shapes) or in a real dict: order, many attributes, deletion, __dict__ and
# vars() seen and changed from outside, computed names, __dict__ assignment.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


p = P(1, 2)
p.z = 3
print(vars(p), p.total(), p.z)
# Assignment order is attribute order, also when instances of one class diverge.
q = P(5, 6)
q.w = 0
q.z = 1
print(list(vars(q)), list(vars(P(0, 0))))
# A re-assigned attribute keeps its place.
q.x = 50
print(list(q.__dict__.items()))
# Deletion; the instance then goes on working, and a deleted name is gone for good.
del q.w
print(vars(q), hasattr(q, "w"), q.total())
try:
    del q.w
except AttributeError as e:
    print("AttributeError:", e)
try:
    q.w
except AttributeError as e:
    print("AttributeError:", e)
q.w = 7
print(list(vars(q)))
# Many attributes: past any inline capacity.
m = P(0, 0)
for i in range(300):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a299, getattr(m, "a" + str(150)), list(vars(m))[:4])
print(sum(getattr(m, "a%d" % i) for i in range(300)))
# Names computed at run time find the same attributes as literal ones.
name = "".join(["t", "o", "t"]) + "al2"
setattr(p, name, 42)
print(p.total2, getattr(p, "total" + "2"), hasattr(p, "to" + "tal2"), "total2" in vars(p))
# The dict seen from outside is the instance's: changes through it show as attributes.
d = p.__dict__
d["k"] = "via dict"
print(p.k, d is p.__dict__, d is vars(p))
p.__dict__.update(u=1, v=2)
print(p.u + p.v, list(vars(p)))
vars(p)["x"] = 100
print(p.x, p.total())
p.after = "still"
print(d["after"], len(d))
# __dict__ assignment replaces every attribute.
r = P(1, 2)
r.__dict__ = {"x": 10, "y": 20, "extra": True}
print(r.total(), r.extra, vars(r))
r2 = P(3, 4)
r2.__dict__ = {}
print(vars(r2), hasattr(r2, "x"))
try:
    r2.__dict__ = [1]
except TypeError as e:
    print("TypeError:", e)
# An instance with no attributes, and attributes named like methods.
class E:
    pass
e = E()
print(vars(e), e.__dict__ == {})
e.total = lambda: "instance function"
print(e.total(), list(vars(e)))
print(dir(P(1, 2))[-3:])
