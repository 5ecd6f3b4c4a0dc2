# Uncaught exceptions without a message print only the type name.
def f():
    raise RuntimeError

f()
