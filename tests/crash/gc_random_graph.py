# A random object graph mutated while automatic collections run: nodes get and lose edges to
# other nodes (cycles of every size, across generations), some have __del__ that resurrects
# or drops other nodes, some are watched by weak references with callbacks that edit the graph.
# Nothing may crash, every finalizer runs at most once, and at the end everything created is
# finalized exactly once. A fixed linear congruential generator keeps the run reproducible.
import gc
import weakref

seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


finalized = {}
resurrected = []
callbacks = [0]


class Node:
    count = 0

    def __init__(self, kind):
        Node.count += 1
        self.id = Node.count
        self.kind = kind
        self.edges = []

    def __del__(self):
        finalized[self.id] = finalized.get(self.id, 0) + 1
        if self.kind == 1 and len(resurrected) < 50:
            resurrected.append(self)  # comes back once; __del__ will not run again
        elif self.kind == 2:
            self.edges = None


def on_dead(ref):
    callbacks[0] += 1
    if state:
        roots = state[0]
        roots[rnd(len(roots))] = Node(0)


state = []


def run():
    roots = [Node(rnd(3)) for _ in range(200)]
    state.append(roots)
    refs = []
    for step in range(60000):
        op = rnd(10)
        a = roots[rnd(len(roots))]
        if op < 4:
            b = roots[rnd(len(roots))]
            if a.edges is not None:
                a.edges.append(b)
        elif op < 6:
            if a.edges:
                a.edges.pop(rnd(len(a.edges)))
        elif op < 8:
            n = Node(rnd(3))
            n.edges.append(a)
            if rnd(2) and a.edges is not None:
                a.edges.append(n)
            roots[rnd(len(roots))] = n
            if rnd(20) == 0:
                refs.append(weakref.ref(n, on_dead))
        elif op == 8:
            junk = [[i, [i]] for i in range(50)]
        else:
            roots[rnd(len(roots))] = Node(rnd(3))
        if step % 20000 == 0:
            gc.collect()
    state.clear()


run()
print("created", Node.count > 10000)
print("finalized at most once so far:", all(v == 1 for v in finalized.values()))
gc.collect()
while resurrected:  # each round may resurrect objects reached from the previous ones
    resurrected.clear()
    gc.collect()
print("all finalized once:", len(finalized) == Node.count, all(v == 1 for v in finalized.values()))
print("callbacks ran:", callbacks[0] > 0)
