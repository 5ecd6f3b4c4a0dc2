# Stepped by tests/demo/run.sh (expected: step_cycles.steps).
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print('del', self.name)


#: A list that contains itself is a cycle of one object.
loop = []
loop.append(loop)
#: Three nodes in a ring.
a = Node('a')
a.next = Node('b')
a.next.next = Node('c')
a.next.next.next = a
#: Dropping the names leaves two garbage cycles.
del loop
del a
#: The collector finds both; each __del__ runs once.
print('collected', gc.collect() >= 4)
print('again', gc.collect())
