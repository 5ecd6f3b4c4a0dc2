# def and class statement forms: nested defs, defs in loops/ifs, class with bases expression.
if True:
    def chosen():
        return "first"
else:
    def chosen():
        return "second"
print(chosen())
defs = []
for i in range(3):
    def f(i=i):
        return i * i
    defs.append(f)
print([d() for d in defs])
def outer():
    class Local:
        def m(self):
            return "local method"
    return Local
print(outer()().m(), outer().__qualname__)
base = dict
class D(base):
    pass
print(D(a=1), D.__mro__[1].__name__)
def annotated(a: int, *args: str, b: "x" = 1, **kw: float) -> None:
    return a
print(annotated(5))
def f1(): return "one-line def"
class C1: attr = "one-line class"
print(f1(), C1.attr)
def doc():
    "only a docstring"
print(doc(), doc.__doc__)
