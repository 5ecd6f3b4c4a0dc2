# Unbounded recursion, uncaught: RecursionError with a collapsed traceback.
def down(n):
    return down(n + 1)

down(0)
