# An uncaught exception raised three calls deep: traceback on stderr, status 1.
def inner(x):
    return x["missing"]

def middle(x):
    print("middle called")
    return inner(x) + 1

def outer():
    return middle({})

print("start")
outer()
print("not reached")
