# Uncaught exception raised with `from None`: the context is suppressed.
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError("replaced") from None
