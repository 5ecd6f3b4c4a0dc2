# Float formatting with format(), %-formatting and str.format.
x = 3.14159265
print(format(x, ".2f"), format(x, "10.3f") + "|", format(x, "<10.1f") + "|", format(x, "e"))
print(format(x, ".3e"), format(x, "E"), format(x, "g"), format(1e20, "g"), format(1e-5, "g"))
print(format(0.5, "%"), format(0.123, ".1%"), format(1234.5, ",.2f"), format(-x, "+.1f"))
print(format(x, ""), format(2.0, ""), format(1e16, ".1f"), format(2.5, ".0f"), format(3.5, ".0f"))
print("%.2f %8.3f %-8.1f| %e %g %G" % (x, x, x, x, 1e-10, 1e-10))
print("%f %.0f %5.1f%%" % (1 / 3, 0.5, 99.44))
print("{:.4f} {:>8.2f} {:^9.1f}|".format(x, x, x))
print(f"{x:.3f} {x:08.3f} {-x:08.3f} {x:.2g}")
print(format(0.0, ".3f"), format(-0.0, ".1f"), format(float("inf"), ".2f"), format(float("nan"), "f"))
print(format(123.456, "g"), format(1234567.0, "g"), format(0.0001, "g"), format(100.0, ".2g"))
