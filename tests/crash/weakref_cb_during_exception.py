# Weak reference callbacks that run while an exception propagates: from a `finally` clause,
# from an `except` clause, from gc.collect() in a handler, and from a frame that unwinds.
# A callback sees the exception being handled in sys.exc_info(), may raise and catch its own,
# and one that raises out is reported and ignored: the propagating exception is unchanged.
import gc
import sys
import weakref


class Obj:
    pass


log = []
refs = []


def name(e):
    return type(e).__name__ if e is not None else None


def quiet_cb(w):
    log.append("cb sees " + str(name(sys.exc_info()[1])))
    try:
        raise KeyError("inner")
    except KeyError as e:
        log.append("cb caught " + repr(e))
    log.append("cb after, sees " + str(name(sys.exc_info()[1])))


def loud_cb(w):
    log.append("loud cb raises")
    raise RuntimeError("from callback")


def hold(cb):
    o = Obj()
    refs.append(weakref.ref(o, cb))
    return [o]


def finally_case(cb):
    holder = hold(cb)
    try:
        raise ValueError("boom")
    finally:
        del holder[0]
        log.append("finally done")


for cb in (quiet_cb, loud_cb):
    try:
        finally_case(cb)
    except ValueError as e:
        log.append("caught " + repr(e))
    print(log)
    log.clear()

# The callback fires in an except clause, then the handler re-raises.
holder = hold(quiet_cb)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        del holder[0]
        raise
except ZeroDivisionError as e:
    log.append("outer caught " + name(e))
print(log)
log.clear()

# A cycle with a callback collected by gc.collect() inside a handler.
def cycle(cb):
    o = Obj()
    o.me = o
    refs.append(weakref.ref(o, cb))


try:
    cycle(quiet_cb)
    cycle(loud_cb)
    raise LookupError("while collecting")
except LookupError as e:
    n = gc.collect()
    log.append("collected, still handling " + name(sys.exc_info()[1]))
print(log)
log.clear()

# Locals of a frame that unwinds die at the latest when the traceback goes away.
def unwinding():
    o = Obj()
    refs.append(weakref.ref(o, lambda w: log.append("local died")))
    raise IndexError("unwind")


try:
    unwinding()
except IndexError as e:
    pass
gc.collect()
print(log, sys.exc_info())
print("done")
