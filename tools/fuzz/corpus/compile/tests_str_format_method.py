# str.format: positional, numbered, keyword, attributes, indexing, specs, braces.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{n}-{m}".format(n=1, m=2))
print("{0[0]} {0[1]} {d[k]}".format([10, 20], d={"k": "v"}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()))
print("{{literal}} {}".format(5), "{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))
print("{:*^11}".format("mid"), "{:08.3f}".format(3.14159), "{:,}".format(1234567))
print("{!r} {!s} {!r}".format("q", "q", 5))
print("{:x} {:#b} {:o} {:e}".format(255, 5, 8, 12345.678))
print("{0:{1}}|".format("w", 6), "{:{w}.{p}f}".format(2.71828, w=8, p=2))
print("{:+d} {: d} {:d}".format(5, 5, -5), "{:%}".format(0.25))
print("{:s}".format("str"), "{}".format(None), "{}".format([1, 2]), "{:>4}".format(True))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
