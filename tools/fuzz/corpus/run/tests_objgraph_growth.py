# objgraph.growth() and show_growth() (built into Ouro; CPython needs the objgraph package:
# hand-written .exp). Only the program's own types are looked at, through `filter`, since
# the interpreter's own objects differ from CPython's.
import objgraph


class Leak:
    pass


def mine(o):
    return type(o).__name__ in ('Leak', 'Other')


class Other:
    pass


print(objgraph.growth(filter=mine))
store = [Leak() for i in range(4)]
print(objgraph.growth(filter=mine))
print(objgraph.growth(filter=mine))
store += [Leak(), Other()]
objgraph.show_growth(filter=mine)
objgraph.show_growth(filter=mine)
peak = {}
print(objgraph.growth(limit=1, peak_stats=peak, filter=mine), peak)
store.append(Other())
store.append(Other())
objgraph.show_growth(peak_stats=peak, filter=mine)
print(sorted(peak.items()))
