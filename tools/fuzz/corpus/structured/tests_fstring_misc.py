# f-strings in loops and functions, with method calls and conversions of user objects.
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return "%.1fF" % (self.c * 9 / 5 + 32)
        return "%.1fC" % self.c
    def __repr__(self):
        return "Temp(%r)" % self.c
t = Temp(21.5)
print(f"{t} {t:F} {t!r} {[t]}", format(t, "F"), "{:F}".format(t))
def row(name, *vals):
    return f"{name:<5}|" + "|".join(f"{v:>4}" for v in vals)
print(row("a", 1, 22, 333))
print(row("total", sum([1, 22, 333])))
for i, word in enumerate(["x", "yy"]):
    print(f"{i}:{word!r}:{len(word)}")
s = f"{'':>3}"
print(repr(s), len(f""), f"{'{'}{'}'}")
print(f"{1}{2}" + f"{3}", f"{'a' * 3}", f"{'abc'[::-1]}", f"{'é'!r}")
