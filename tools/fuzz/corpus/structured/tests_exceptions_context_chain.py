# Implicit chaining (__context__) through nested handlers and finally.
try:
    try:
        raise ValueError("A")
    except ValueError:
        try:
            raise TypeError("B")
        except TypeError:
            raise KeyError("C")
except KeyError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
try:
    try:
        raise ValueError("in try")
    finally:
        pass
except ValueError as e:
    print(repr(e.__context__))
try:
    try:
        raise ValueError("first")
    finally:
        try:
            raise TypeError("in finally")
        except TypeError as inner:
            print("inner context", repr(inner.__context__))
except ValueError as e:
    print("outer", repr(e), repr(e.__context__))
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e
err = f()
print(repr(err), err.__traceback__ is not None, err.__context__)
e1 = ValueError("x")
e2 = TypeError("y")
e2.__cause__ = e1
print(repr(e2.__cause__), e2.__suppress_context__)
