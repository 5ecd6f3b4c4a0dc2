# Format specs and printf-style formatting of big ints.
x = 2 ** 100 + 2 ** 40 + 12345
n = -x
for spec in ("", "d", "x", "X", "o", "b", "n", ",", "_", "_x", "_b", "#x", "#o", "#b", "#X",
             "+d", " d", "60", "<60", "^60", ">60", "=+60", "060", "0=60,", "*^70_", "+,"):
    print(repr(spec), format(x, spec), format(n, spec))
print(f"{x:e}", f"{x:.3e}", f"{n:g}", f"{x:.2f}", f"{x:%}"[:20], f"{2 ** 70:E}")
print(hex(x), oct(x), bin(x)[:40], hex(n), oct(n), bin(n)[:40])
print("%d|%i|%u" % (x, n, x), "%x|%X|%o" % (x, n, x), "%#x|%#o" % (n, x))
print("%40d|%-40d|%040d" % (x, n, x), "%+d|% d" % (x, x))
print("%d %i" % (1e25, -2.5e30), "%.3e %f" % (2 ** 80, 2 ** 70))
print("{:,}".format(10 ** 30), "{0:_} {0:#_x}".format(2 ** 80), "{:>45,}".format(-(10 ** 30)))
try:
    format(2 ** 100, "c")
except OverflowError as e:
    print("OverflowError:", e)
try:
    "%c" % (2 ** 100)
except OverflowError as e:
    print("OverflowError:", e)
try:
    format(2 ** 1100, "e")
except OverflowError as e:
    print("OverflowError:", e)
