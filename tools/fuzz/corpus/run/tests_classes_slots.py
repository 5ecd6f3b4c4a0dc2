# __slots__: member descriptors, no instance dict, mangling, layout conflicts, __dict__ slot.
class V:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
v = V(1)
print(v.x, V.x, type(V.x).__name__, V.__slots__)
try:
    v.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del v.y
except AttributeError as e:
    print("AttributeError:", e)
v.y = 0.0
print(v.y, hasattr(v, "__dict__"))
del v.x
print(hasattr(v, "x"))
class W(V):
    pass
w = W(2)
w.z = 3
print(w.x, w.z, w.__dict__)
class X(V):
    __slots__ = "q"
xx = X(5)
xx.q = [1]
print(xx.x, xx.q, hasattr(xx, "__dict__"))
try:
    xx.r = 1
except AttributeError as e:
    print("AttributeError:", e)
class D:
    __slots__ = ("a", "__dict__")
d = D(); d.a = 1; d.b = 2
print(d.a, d.b, d.__dict__)
class E:
    __slots__ = ()
try:
    E().foo = 1
except AttributeError as e:
    print("AttributeError:", e)
print(repr(V.x)[:20])
class A:
    __slots__ = ("a",)
class B:
    __slots__ = ("b",)
try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class P:
    __slots__ = ("__secret", "pub")
    def __init__(self):
        self.__secret = 1
        self.pub = [self]
    def get(self):
        return self.__secret
p = P()
print(p.get(), P.__dict__.get("_P__secret") is not None, len(p.pub))
try:
    class C:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class C2:
        __slots__ = (1,)
except TypeError as e:
    print("TypeError:", e)
class Node:
    __slots__ = ("val", "next")
    def __init__(self, v, n=None):
        self.val = v
        self.next = n
head = None
for i in range(5):
    head = Node(i, head)
out = []
while head:
    out.append(head.val)
    head = head.next
print(out)
class Del:
    __slots__ = ("name",)
    def __init__(self, n):
        self.name = n
    def __del__(self):
        print("del", self.name)
x = Del("one")
x = None
print("end")
