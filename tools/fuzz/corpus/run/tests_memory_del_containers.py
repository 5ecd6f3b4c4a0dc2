# __del__ when a container drops its last reference, and the order for a list of objects.
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
items = [T(1), T(2), T(3)]
print("clearing list")
items.clear()
print("list cleared")
items = [T(4), T(5), T(6)]
print("dropping list")
items = None
print("list dropped")
d = {"a": T("a"), "b": T("b")}
del d["a"]
print("key a deleted")
d["b"] = "replaced"
print("value b replaced")
t = (T("t1"), T("t2"))
del t
print("tuple deleted")
l = [T(7), T(8), T(9)]
l.pop(1)
print("popped")
del l[0]
print("deleted index 0")
l[0] = 0
print("overwritten")
s = [T(10), T(11)]
s[:] = []
print("slice cleared")
print("end")
