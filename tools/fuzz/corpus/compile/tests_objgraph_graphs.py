# objgraph.show_refs / show_backrefs / find_*_chain on the Person/friend cycle (built into
# Ouro; CPython needs the objgraph package: hand-written .exp). The DOT output is parsed back.
import objgraph


class Person:
    def __init__(self, name):
        self.name = name


john = Person('John')
mary = Person('Mary')
john.friend = mary
mary.friend = john

chain = objgraph.find_backref_chain(john, objgraph.is_proper_module)
print([type(x).__name__ for x in chain], chain[-1] is john)
chain = objgraph.find_ref_chain(john, lambda o: o is mary)
print([type(x).__name__ for x in chain], chain[0] is john, chain[-1] is mary)
print(objgraph.find_ref_chain(john, lambda o: False, max_depth=2) == [john])

not_class = lambda o: not isinstance(o, type)
objgraph.show_refs([john], max_depth=3, filter=not_class)
objgraph.show_backrefs(mary, max_depth=1)

objgraph.show_refs([john], filename='/tmp/ouro_test_objgraph.dot', filter=not_class)
with open('/tmp/ouro_test_objgraph.dot') as f:
    lines = f.read().splitlines()
print(lines[0], lines[-1])
nodes = {}
edges = []
for line in lines[2:-1]:
    line = line.strip()
    if ' -> ' in line:
        a, rest = line.split(' -> ')
        b, label = rest.split(' [label="')
        edges.append((a, b, label[:-3]))
    else:
        name, label = line.split('[label="')
        nodes[name] = label.split('"')[0].split('\\n')
print(len(nodes), sorted(nodes.values()))
print(sorted((nodes[a][1], nodes[b][1], label) for a, b, label in edges))
