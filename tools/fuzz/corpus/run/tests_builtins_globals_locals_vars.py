# globals(), locals() and vars(): module namespace, function locals, object __dict__.
g_value = 1
def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
print(sorted(f(5, 6)))
print("g_value" in globals(), globals()["g_value"], globals()["__name__"])
globals()["created"] = "via globals"
print(created)
class C:
    def __init__(self):
        self.x = 1
        self.y = 2
print(vars(C()))
print(sorted(k for k in vars(C) if not k.startswith("__")))
def no_locals():
    return locals()
print(no_locals())
print(locals() is globals())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
