# f-string conversions !r !s and format specs, including nested specs.
s = "text"
print(f"{s!r} {s!s} {s}")
q = "it's"
print(f"{q!r} {chr(39)!r} {'a' 'b'!r}")
class C:
    def __repr__(self):
        return "C()"
    def __str__(self):
        return "a C"
c = C()
print(f"{c} {c!r} {c!s}")
print(f"{[c]}")
n = 1234.5678
print(f"{n:.2f} {n:10.1f}| {n:<10.1f}| {n:^12,.2f}| {n:e}")
print(f"{42:08b} {255:x} {255:#X} {-5:+d} {7:03}")
w, p = 10, 3
print(f"{n:{w}.{p}f}|", f"{'ab':>{w}}|", f"{'ab':*<{w}}|")
print(f"{'left':<8}|{'right':>8}|{'center':^10}|")
print(f"{s!r:>10}|", f"{c!r:>6}|", f"{3!s:>4}|")
print(f"{0.5:%} {0.125:.1%} {1000000:,} {1000000:_}")
print(f"{True:d} {True} {None!r} {None}")
