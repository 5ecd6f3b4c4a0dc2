# Objects referenced only by an exception or a handler variable are freed when it is cleared.
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("free", self.n)
def f():
    r = R("in-frame")
    raise ValueError(r)
try:
    f()
except ValueError as e:
    print("caught", e.args[0].n)
print("handler left")
def g():
    r = R("local-in-g")
    try:
        raise KeyError("k")
    except KeyError:
        pass
    return "g done"
print(g())
with_obj = R("ctx")
class CM:
    def __enter__(self):
        return R("entered")
    def __exit__(self, *a):
        return False
with CM() as v:
    print("in with", v.n)
v = None
print("v released")
del with_obj
print("end")
