# try/except/else/finally ordering and which clause runs.
def run(f):
    try:
        print("try")
        f()
    except ValueError:
        print("except ValueError")
    except (TypeError, KeyError) as e:
        print("except tuple", type(e).__name__)
    except Exception as e:
        print("except Exception", type(e).__name__, e)
    else:
        print("else")
    finally:
        print("finally")
def ok():
    pass
def val():
    raise ValueError("v")
def typ():
    raise TypeError("t")
def key():
    {}["k"]
def zero():
    1 / 0
for f in (ok, val, typ, key, zero):
    run(f)
    print("--")
try:
    pass
finally:
    print("finally without except")
try:
    raise KeyError("x")
except LookupError as e:
    print("caught by base class", repr(e))
