# Exceptions raised in else/finally/handlers replace the current one; finally always runs.
def a():
    try:
        return 1
    finally:
        print("a finally")
def b():
    try:
        pass
    except Exception:
        pass
    else:
        raise ValueError("from else")
    finally:
        print("b finally")
def c():
    try:
        raise KeyError("k")
    except KeyError:
        raise IndexError("from handler")
    finally:
        print("c finally")
print(a())
for fn in (b, c):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
log = []
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
        log.append("ok%d" % i)
    except ValueError as e:
        log.append("err%s" % e)
    finally:
        log.append("fin%d" % i)
print(log)
