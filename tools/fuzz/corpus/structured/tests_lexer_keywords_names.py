# Names that are close to keywords, soft keywords used as names, and builtins shadowed.
match = 1
case = 2
_ = 3
print(match, case, _)
type_ = "t"
print(type_)
True_ = False
print(True_)
__x = 5
print(__x)
list_ = list
print(list_("ab"))
def print_twice(x):
    print(x)
    print(x)
print_twice("hi")
None_ = None
print(None_ is None)
a1b2 = 12
print(a1b2)
_private = "p"
print(_private)
