# Error messages of big-int operations match CPython's.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: 2 ** 100 // 0)
show(lambda: 2 ** 100 % 0)
show(lambda: 2 ** 100 / 0)
show(lambda: 1 << -(2 ** 100))
show(lambda: 2 ** 100 >> -1)
show(lambda: 1 << 2 ** 100)
show(lambda: float(2 ** 1024))
show(lambda: 2 ** 1100 / 3)
show(lambda: "ab" * 2 ** 100)
show(lambda: chr(2 ** 70))
show(lambda: 2 ** 100 + "a")
show(lambda: "a" + 2 ** 100)
show(lambda: 2 ** 100 < "a")
show(lambda: int("0x" + "g" * 20, 16))
show(lambda: pow(2 ** 100, 2, 0))
show(lambda: pow(2 ** 100, 2.5, 7))
show(lambda: (2 ** 100).bit_length(1))
show(lambda: [0] * 2 ** 100)
show(lambda: 2 ** 70 @ 2)
