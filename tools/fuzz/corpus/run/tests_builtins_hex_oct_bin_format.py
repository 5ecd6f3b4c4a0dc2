# hex, oct, bin, format builtin.
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2 ** 62), bin(2 ** 20), oct(2 ** 30))
print(format(10), format(10, "b"), format(3.5), format(3.5, ".3f"), format("s", ">3"), format(True))
print(format(1234567.891, ",.2f"), format(-1, "x"), format(255, "#06x"), format(0.5, ".0%"))
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    format(1, "q")
except ValueError as e:
    print("ValueError:", e)
