# raise, raise from, __cause__, __context__, __suppress_context__.
try:
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no from")
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("from None") from None
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ValueError("a", 1)
except ValueError as e:
    print(e, e.args)
def thrower(cls):
    raise cls("made by " + cls.__name__)
for cls in (KeyError, IndexError, RuntimeError):
    try:
        thrower(cls)
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
