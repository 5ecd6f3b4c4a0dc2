# f-string corner cases
x, width, prec = 3.14159, 10, 3
name = "Ouro"
print(f"{x=}", f"{x = }", f"{name=!s}", f"{x=:.2f}", f"{width*2=}")
print(f"{x:{width}.{prec}f}|", f"{name!r:^12}|", f"{{literal}}", f"{'q' + "r"}", f"{3.0:.{2}f}")
d = {"k": [1, 2]}
print(f"{d['k'][1]}", f"{d}", f"{len(d)}", f"{(lambda v: v * 2)(4)}", f"{1 if x > 3 else 0}")
print(f"{'a':>{width}}", f"{12:{'>'}{5}}", f"{name:.2}", f"{-5:+}", f"{7:03}", f"{1e6:,.0f}")
items = ["x", "y"]
print(f"{', '.join(items)}", f"{[i * 2 for i in range(3)]}", f"{ {1: 2} }", f"{x!r}", f"{name!a}" if False else "")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __str__(self):
        return "Pstr"
    def __repr__(self):
        return "Prepr"
print(f"{P()}", f"{P():abc}", f"{P()!s}", f"{P()!r}", f"{P()!s:>6}", format(P(), "z"))
nl = "\n"
print(f"line1{nl}line2", f"tab\t|", rf"raw\n{name}", f"""triple {name}""")
print(f"{x:e}", f"{x:010.2f}", f"{-x:<10.1f}|", f"{255:#x}", f"{255:08b}", f"{0.5:.0%}")
try:
    f"{x:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{5:s}"
except ValueError as e:
    print("ValueError:", e)
try:
    f"{[]:>5}"
except TypeError as e:
    print("TypeError:", e)
