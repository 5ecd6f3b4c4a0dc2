# exception chaining, context, finally ordering, re-raise
def f(n):
    try:
        if n == 0:
            raise ValueError("zero")
        return 10 // n
    except ValueError as e:
        raise KeyError(n) from e
    finally:
        print("finally", n)
for n in [2, 0]:
    try:
        print(f(n))
    except KeyError as e:
        print("caught", repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)
def g():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("boom")
try:
    g()
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("fin", i)
    return "done"
print(h())
def k():
    try:
        return "try"
    finally:
        print("k finally")
print(k())
def m():
    try:
        raise ValueError
    except ValueError:
        try:
            raise
        except ValueError as e2:
            return repr(e2)
print(m())
class MyErr(Exception):
    def __str__(self):
        return "custom:" + str(self.args)
try:
    raise MyErr(1, 2)
except Exception as e:
    print(e, repr(e), e.args)
e = KeyError("a", "b")
print(str(e), repr(e), str(KeyError()), str(KeyError("x")), repr(ValueError()))
print(str(OSError(2, "No such file")), repr(StopIteration(5)), StopIteration(5).value)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
try:
    try:
        raise ValueError("inner")
    finally:
        print("cleanup")
except ValueError as e:
    print("outer got", e)
def nested():
    try:
        raise IndexError("i")
    except (KeyError, IndexError) as e:
        print("tuple catch", type(e).__name__)
        return 1
    else:
        return 2
print(nested())
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x = 3
finally:
    x *= 10
print(x)
try:
    e
except NameError as err:
    print(err)
