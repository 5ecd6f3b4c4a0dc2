# Cycles still alive at exit are collected then, with their finalizers run (after the last
# line of the script), as CPython does.
class Person:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, "finalized at exit")
a = Person("A")
b = Person("B")
a.peer = b
b.peer = a
c = Person("C")
c.me = c
del a, b, c
print("end of script")
