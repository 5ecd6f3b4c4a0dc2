# divmod, pow and round over ints and floats.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(7, 2, 5), pow(-7, 3, 10), pow(10, 0))
print(round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1.5), round(123.456, -1))
print(round(7), round(7, 2), round(-7.7), round(2.675, 2), round(0.125, 2), round(1e15))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(1234, -2), round(1250, -2), round(-1250, -2))
print(round(5.5), round(6.5))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
