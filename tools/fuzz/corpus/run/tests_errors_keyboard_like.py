# A BaseException subclass that is not an Exception propagates past `except Exception`.
class Stop(BaseException):
    pass

try:
    try:
        raise Stop("halt")
    except Exception:
        print("not caught as Exception")
finally:
    print("finally still runs")
