# pass in every kind of block; assert with and without message.
def f():
    pass
class C:
    pass
for i in range(2):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
print(f(), C.__name__)
assert True
assert 1 == 1, "not shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert False, "message %d" % 42
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ["list", "msg"]
except AssertionError as e:
    print(e.args)
x = 0
def side():
    global x
    x += 1
    return "m"
assert True, side()
print(x)
