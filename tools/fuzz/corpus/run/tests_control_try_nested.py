# Nested try blocks, re-raise with bare raise, exceptions in handlers, exception variable cleanup.
def level(n):
    try:
        if n == 0:
            raise ValueError("bottom")
        level(n - 1)
    except TypeError:
        print("wrong handler")
    finally:
        print("unwinding", n)
try:
    level(3)
except ValueError as e:
    print("top caught", e)
try:
    try:
        raise KeyError("k")
    except KeyError:
        print("handling, then re-raise")
        raise
except KeyError as e:
    print("re-raised", repr(e))
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
try:
    raise IndexError
except IndexError as e2:
    print(repr(e2), e2.args)
