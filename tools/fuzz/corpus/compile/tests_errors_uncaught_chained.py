# Uncaught exception raised while handling another: both tracebacks are printed.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse " + repr(s))

parse("x")
