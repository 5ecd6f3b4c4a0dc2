# __eq__ and __hash__ that mutate the dict (or set) being looked up: no crash, and CPython's
# results (a lookup restarts or raises, never reads freed entries).
d = {}
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 7
    def __eq__(self, other):
        d.clear()
        return False
d[K(1)] = 1
try:
    print(d.get(K(2)))
except RuntimeError as e:
    print("RuntimeError", e)
print(len(d))

class H:
    def __hash__(self):
        d2.clear()
        return 1
d2 = {i: i for i in range(100)}
d2[H()] = 5
print(len(d2))

grown = []
class G:
    def __init__(self, v): self.v = v
    def __hash__(self): return 3
    def __eq__(self, other):
        if not grown:
            grown.append(1)
            for i in range(50):
                d3[i] = i
        return False
d3 = {G(1): 1}
d3[G(2)] = 2
print(len(d3))

class Del:
    def __hash__(self): return 5
    def __eq__(self, other):
        for k in list(d4):
            del d4[k]
        return True
d4 = {Del(): "a", 1: "b"}
print(d4.get(Del(), "missing"), len(d4))
d4[Del()] = "c"
print(len(d4))

s = set()
class S:
    def __hash__(self): return 1
    def __eq__(self, o):
        s.clear()
        return False
s.add(S()); s.add(S())
print(len(s))
print(S() in s, len(s))
s2 = {S(), 1, 2}
s.add(S())
print(len(s))
print("end")
