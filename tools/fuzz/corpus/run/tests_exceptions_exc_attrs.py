# Attributes of exceptions: args, with_traceback returns self, StopIteration.value, SystemExit.code.
e = ValueError("a", "b")
print(e.args, len(e.args), e.with_traceback(None) is e)
s = StopIteration(5)
print(s.value, StopIteration().value)
for arg in [(), (0,), (3,), ("msg",), (1, 2)]:
    print(SystemExit(*arg).code)
k = KeyError("key")
print(k.args[0], str(k))
print(OSError("x").args, str(NameError("n")), str(AttributeError("a")))
try:
    raise ValueError("inside")
except ValueError as ex:
    print(type(ex.__traceback__).__name__)
x = Exception("reused")
for i in range(2):
    try:
        raise x
    except Exception as got:
        print(got is x, got)
