# Nested ownership: freeing an object frees what only it referenced, outer first.
class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("free", self.name)
chain = Node("root", Node("mid", Node("leaf")))
print("dropping chain")
chain = None
print("chain dropped")
shared = Node("shared")
holder1 = Node("h1", shared)
holder2 = Node("h2", shared)
del shared
del holder1
print("holder1 gone, shared still alive")
del holder2
print("holder2 gone")
class Owner:
    def __init__(self):
        self.parts = [Node("p1"), Node("p2")]
    def __del__(self):
        print("free owner")
o = Owner()
del o
print("end")
