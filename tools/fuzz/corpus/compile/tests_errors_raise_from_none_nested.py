# raise from None suppresses the context
def f():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
f()
