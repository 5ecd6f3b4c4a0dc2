# Self-containing containers print with [...] and {...} instead of recursing forever.
a = [1]
a.append(a)
print(a)
b = [a, [a]]
print(b)
d = {}
d["me"] = d
print(d)
d2 = {1: [d]}
print(d2)
t = ([],)
t[0].append(t)
print(t)
class O:
    pass
o = O()
o.l = [o]
print(len(repr(o.l)) > 0)
l = [[]]
l[0].append(l)
print(l, str(l))
print(repr(d), str(d))
