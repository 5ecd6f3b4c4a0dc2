# dir() of a user class instance (filtered to non-dunder names) and of a module.
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Thing(Base):
    cls_attr = 2
    def __init__(self):
        self.inst_attr = 3
        self._hidden = 4
    def method(self):
        pass
print([n for n in dir(Thing()) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
import math
print("sqrt" in dir(math), "pi" in dir(math))
def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
print(sorted(dir(Thing())) == dir(Thing()))
