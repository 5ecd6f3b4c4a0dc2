# global declarations: reading, rebinding, creating new globals from a function.
counter = 0
def incr():
    global counter
    counter += 1
incr(); incr()
print(counter)
def make():
    global fresh
    fresh = "made"
make()
print(fresh)
def read_only():
    return counter * 10
print(read_only())
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
def multi():
    global a, b
    a, b = 1, 2
multi()
print(a, b)
def nested():
    def inner():
        global counter
        counter = 100
    inner()
nested()
print(counter)
class K:
    global kg
    kg = "from class"
print(kg)
