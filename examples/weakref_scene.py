#: Scene 3: a weak reference lets you reach an object without keeping it alive.
import weakref


class Node:
    def __init__(self, name):
        self.name = name


#: A Node with one strong reference, the name `node`: refcount 1.
node = Node('a')
#: A weak reference does not add to the refcount: still 1.
ref = weakref.ref(node)
#: Calling the weak reference returns the object while it is alive.
print(ref() is node)
#: Deleting the only strong reference frees the Node at once...
del node
#: ...and the weak reference now returns None.
print(ref())
