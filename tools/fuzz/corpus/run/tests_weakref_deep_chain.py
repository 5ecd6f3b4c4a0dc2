# Freeing a long chain whose nodes are weakly referenced: every callback runs, in order,
# without deep recursion.
import weakref


class Node:
    def __init__(self, i, nxt):
        self.i = i
        self.next = nxt


head = None
for i in range(5000):
    head = Node(i, head)
count = [0]
last = [None]


def died(w):
    count[0] += 1
    last[0] = w


refs = []
n = head
while n is not None:
    refs.append(weakref.ref(n, died))
    n = n.next
del n
print(len(refs), count[0])
head = None
print(count[0], last[0] is refs[-1], all(r() is None for r in refs))
