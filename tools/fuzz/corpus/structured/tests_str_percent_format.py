# printf-style % formatting.
print("%s %s" % ("a", 1), "%d%%" % 50, "%s" % (1,), "%s" % [1, 2], "%s" % None)
print("%5s|%-5s|%.2s" % ("ab", "ab", "abcdef"))
print("%d %i %5d %-5d| %05d %+d" % (1, 2, 3, 4, 5, 6))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8))
print("%f %.1f %10.3f %e %.2e %g %g" % (1.5, 2.25, 3.14159, 12345.6789, 0.000123, 0.00001, 123456789.0))
print("%c%c %c" % (72, "i", 0x4e2d))
print("%r %s" % ("x", "x"), "%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%*d|%-*d|" % (5, 42, 4, 7), "%.*f" % (2, 3.14159))
print("%d" % 3.99, "%s" % 3.99, "%d" % True, "%.3s" % "abcdef")
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("only",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    "%z" % 1
except ValueError as e:
    print("ValueError:", e)
