# Instances made before `import objgraph` keep their attributes inline (compact instances);
# importing objgraph gives every instance a real __dict__, so its drawings show the same
# `__dict__` nodes for old and new instances (built into Ouro; CPython needs the objgraph
# package: hand-written .exp).
class Node:
    def __init__(self, name, other):
        self.name = name
        self.other = other


old = Node('old', None)
old.extra = [1, 2]
import objgraph
new = Node('new', old)
not_class = lambda o: not isinstance(o, type)
objgraph.show_refs([new], max_depth=3, filter=not_class)
print(vars(old), vars(new)['name'], new.other.extra)
del old.extra
old.more = 'x'
print(vars(old), objgraph.count('Node') >= 2)
