# A __getattr__ that breaks reference cycles while the collector is finalizing them: __del__
# methods and weak reference callbacks look up missing attributes, and the __getattr__ they
# reach clears the dicts of the other objects in the cycle, deletes their links, and runs
# gc.collect() again. The collector must finish with every object freed exactly once.
import gc
import weakref

log = []


class Breaker:
    def __init__(self, name):
        self.name = name

    def __getattr__(self, attr):
        # Only called for missing attributes: break every link reachable from here.
        log.append("getattr %s.%s" % (self.__dict__.get("name", "?"), attr))
        nxt = self.__dict__.get("next")
        if nxt is not None:
            nxt.__dict__.clear()
        self.__dict__.pop("next", None)
        if attr == "collect":
            log.append("inner collect %d" % (gc.collect() >= 0))
        raise AttributeError(attr)

    def __del__(self):
        try:
            self.missing
        except AttributeError:
            pass
        try:
            self.collect
        except AttributeError:
            pass
        log.append("del " + self.__dict__.get("name", "cleared"))


def ring(n, prefix):
    nodes = [Breaker(prefix + str(i)) for i in range(n)]
    for i in range(n):
        nodes[i].next = nodes[(i + 1) % n]
    return nodes


gc.disable()
nodes = ring(4, "r")
nodes = None
gc.collect()
print(len(log), sum(1 for e in log if e.startswith("del ")))

# Callbacks of weak references to a ring look up missing attributes of a live Breaker that
# holds the only strong link into a second ring.
log.clear()
holder = Breaker("holder")
holder.next = ring(3, "h")[0]
wrs = []
cycle = ring(3, "w")
for i in range(3):
    wrs.append(weakref.ref(cycle[i], lambda w: getattr(holder, "from_callback", None)))
cycle = None
gc.collect()
gc.collect()
# Which finalizer runs first (and so which dicts are already cleared) is the collector's
# choice: count the finalizers instead of naming them.
print(sorted(set(e.split()[0] for e in log)), sum(1 for e in log if e.startswith("del ")))
print("holder next:", holder.__dict__.get("next"), [w() for w in wrs])

# Nothing is left for interpreter shutdown.
log.clear()
holder = None
gc.collect()
print(sorted(log))
gc.enable()
print("done")
