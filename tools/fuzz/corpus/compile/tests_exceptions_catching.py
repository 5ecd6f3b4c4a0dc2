# Which handler catches what: order, base classes, tuples, bare except, BaseException.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup-specific " + type(e).__name__
    except LookupError:
        return "lookup"
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "exception " + type(e).__name__
    except BaseException as e:
        return "base " + type(e).__name__
for exc in (KeyError("k"), IndexError(), LookupError(), ZeroDivisionError(), OverflowError(),
            ValueError(), SystemExit(0), KeyboardInterrupt()):
    print(classify(exc))
try:
    raise RuntimeError("bare")
except:
    print("bare except caught")
handlers = (TypeError, ValueError)
try:
    int("x")
except handlers as e:
    print("tuple variable caught", type(e).__name__)
try:
    try:
        raise ValueError
    except TypeError:
        print("not here")
except ValueError:
    print("outer caught ValueError")
try:
    raise ValueError
except Exception:
    try:
        raise KeyError("inner")
    except KeyError as e:
        print("nested handler", repr(e))
    print("back in outer handler")
