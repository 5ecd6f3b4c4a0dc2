# Temporaries in calls, arguments and return values are released promptly.
class T:
    count = 0
    def __init__(self):
        T.count += 1
    def __del__(self):
        T.count -= 1
def use(x):
    return 1
for i in range(100):
    use(T())
print(T.count)
keep = [T() for i in range(10)]
print(T.count)
keep = keep[:5]
print(T.count)
def make():
    return [T(), T()]
make()
print(T.count)
pair = make()
print(T.count)
del pair
print(T.count)
d = {}
for i in range(5):
    d[i] = T()
for i in range(5):
    d[i] = T()
print(T.count)
d.clear()
del keep
print(T.count)
print(str(T()) is not None, T.count)
