# None, NotImplemented and Ellipsis: identity, truthiness, reprs, use as defaults and sentinels.
print(None, repr(None), str(None), type(None).__name__, bool(None), None == None, None is None)
print(None == 0, None == False, None != "", [None] * 2, {None: None})
def f(x=None):
    return "default" if x is None else x
print(f(), f(0), f(""))
print(NotImplemented, bool(...), ..., Ellipsis is ..., type(...).__name__)
print((1).__add__("x"), (1).__eq__("x"), "a".__lt__(1))
class C:
    def __eq__(self, o):
        return NotImplemented
print(C() == C(), C() != C())
x = [1, ..., 3]
print(x, x[1] is Ellipsis)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
print(hash(None) == hash(None), sorted([3, 1], key=None))
