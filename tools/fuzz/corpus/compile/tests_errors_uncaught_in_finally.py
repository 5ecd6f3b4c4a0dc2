# An exception replaced by another raised in finally.
def f():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")

f()
