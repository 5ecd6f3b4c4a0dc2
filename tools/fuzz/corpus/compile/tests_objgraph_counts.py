# objgraph is built into Ouro (CPython needs `pip install objgraph`), and the counts of the
# interpreter's own objects differ, so this test has a hand-written .exp. It checks counts of
# the program's own objects, which are the same in both.
import objgraph


class Person:
    def __init__(self, name):
        self.name = name


people = [Person('p%d' % i) for i in range(3)]
print(objgraph.count('Person'))
print(objgraph.count('__main__.Person'))
print(objgraph.count('Person', people[:2]))
print(len(objgraph.by_type('Person')), objgraph.by_type('Person')[0] is people[0])
print(objgraph.typestats(objects=people + [people]))
print(objgraph.typestats(objects=people, shortnames=False))
print(objgraph.most_common_types(limit=1, objects=people + [1, 2]))
print(objgraph.typestats(objects=people + [[]], filter=lambda o: isinstance(o, list)))
objgraph.show_most_common_types(objects=people + [people, {}], limit=5)
del people
print(objgraph.count('Person'))
print(objgraph.is_proper_module(objgraph), objgraph.is_proper_module(1))
print(objgraph.count('int'))
