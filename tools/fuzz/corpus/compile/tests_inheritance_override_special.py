# Special methods are inherited and overridable; instance attributes do not override them.
class Base:
    def __len__(self):
        return 1
    def __str__(self):
        return "Base-str"
    def __eq__(self, o):
        return type(o) is type(self)
    __hash__ = object.__hash__
class Derived(Base):
    def __len__(self):
        return 2
d = Derived()
print(len(Base()), len(d), str(d), d == Derived(), d == Base())
d.__len__ = lambda: 99
print(len(d))
class WithRepr:
    def __repr__(self):
        return "WithRepr!"
class Sub(WithRepr):
    pass
print(Sub(), [Sub()])
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
class SubCmp(Cmp):
    pass
print(sorted([SubCmp(3), Cmp(1), SubCmp(2)], key=lambda x: x.v)[0].v, SubCmp(1) < Cmp(2))
print(object.__name__, isinstance(d, object), issubclass(Derived, object))
