# Closures created in loops and comprehensions, callbacks accumulating state.
handlers = {}
for name in ["a", "b", "c"]:
    def handler(n=name):
        return "handled " + n
    handlers[name] = handler
print([handlers[k]() for k in "cab"])
muls = [lambda x, k=k: x * k for k in range(1, 4)]
print([m(10) for m in muls])
def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
for v in (1, 2, 3):
    print(acc(v))
def compose_all(*fs):
    def run(x):
        for f in fs:
            x = f(x)
        return x
    return run
pipeline = compose_all(lambda x: x + 1, lambda x: x * 3, str)
print(repr(pipeline(4)))
print(callable(acc), callable(pipeline))
