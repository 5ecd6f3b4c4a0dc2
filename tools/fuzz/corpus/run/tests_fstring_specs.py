# f-string format specs with fill, align, sign, width, grouping, precision, type.
v = 1234.5
n = -42
print(f"[{v:>12}] [{v:<12}] [{v:^12}] [{v:=+12}]")
print(f"[{n:*>8}] [{n:0>8}] [{n:08}] [{n:+}] [{-n:+}] [{n: }] [{-n: }]")
print(f"[{v:,.1f}] [{v:_.3f}] [{12345678:,}] [{0.000123:.2e}] [{v:.6g}] [{v:.2g}]")
print(f"[{255:#x}] [{255:#o}] [{255:#b}] [{255:08b}] [{255:>+6x}]")
print(f"[{'s':^5}] [{'long string':.4}] [{'pad':-^9}] [{'x':>1}]")
print(f"[{True:>6}] [{None!s:>6}] [{3.0:g}] [{1e-5:g}] [{100:.1%}]")
width = 7
print(f"[{'w':>{width}}] [{v:{width}.{2}f}] [{n:{'>'}{width}}]")
