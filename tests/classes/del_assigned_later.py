# __del__ runs for instances of every class that has one in its MRO, whenever it got there:
# assigned to a base after instances exist, inherited by a class made later, removed again,
# defined as None, or reached through __class__ assignment.
class A:
    pass


class B(A):
    pass


a, b = A(), B()


def fin(self):
    print("fin", type(self).__name__, getattr(self, "tag", None))


A.__del__ = fin
b.tag = "b"
del a, b


class C(A):
    pass


c = C()
c.tag = "c"
del c
del A.__del__
d = B()
del d
print("removed")


class Plain:
    pass


class WithDel:
    def __del__(self):
        print("WithDel del", self.tag)


p = Plain()
p.tag = "moved"
p.__class__ = WithDel
del p
w = WithDel()
w.tag = "unmoved"
w.__class__ = Plain
del w
B.__del__ = lambda self: print("lambda del")
x = B()
del x
print("end")
