# format specs and %-formatting corner cases
vals = [0, 1, -1, 42, 3.14159, -2.5, 1e10, 1.5e-7, 123456789, True]
for v in vals:
    print(f"{v!r:>12}|{v:<10}|{v:^10}|")
for v in [0, 255, -255, 4096]:
    print(f"{v:x} {v:X} {v:o} {v:b} {v:#x} {v:#o} {v:#b} {v:08b} {v:+d} {v: d} {v:,} {v:_}")
for v in [3.14159, -0.0, 100.0, 1e20, 2.5, 0.000123]:
    print(f"{v:.2f} {v:e} {v:.3e} {v:g} {v:.3g} {v:%} {v:.1%} {v:10.4f}| {v:<+10.2f}|")
print("%s %r %d %5d %-5d| %05d %x %X %o %e %g %.3f %c %%" % ("a", "b", 3, 4, 5, 6, 255, 255, 8, 1.5, 2.5, 3.14159, 65))
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30})
print("%10.3s|%-10s|" % ("abcdef", "xy"))
print("%+.2e" % 12345.678)
print("{:*^20}".format("mid"))
print("{0}{1}{0}".format("ab", "cd"))
print("{name}:{val:>5}".format(name="x", val=3))
print("{!r} {!s}".format("q", "q"))
print("{0[1]} {1[key]} {2.real}".format([1, 2], {"key": "v"}, 5))
print(format(1234567.891, ",.2f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"))
print(format(12, "=+8d"), format(-12, "=8d"), format("s", "=>5") if False else "")
print(repr(1e16), repr(1e15), repr(0.1+0.2), repr(1/3), repr(-1e-5), repr(123456789012345.0))
print(str(1e300*1e10), str(-1e300*1e10), float("nan"))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(1234, -2), round(3.14159, 3))
print("{:>{w}.{p}f}".format(3.14159, w=10, p=3))
try:
    print("{:d}".format(1.5))
except ValueError as e:
    print("ValueError:", e)
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("a",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
