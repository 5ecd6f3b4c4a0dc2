# nonlocal: several names, deep nesting, and interplay with loops.
def outer():
    a = 1
    b = 2
    def inner():
        nonlocal a, b
        a, b = b, a
    inner()
    return a, b
print(outer())
def counter_factory():
    count = 0
    history = []
    def tick():
        nonlocal count
        count += 1
        history.append(count)
        return count
    for _ in range(3):
        tick()
    return count, history
print(counter_factory())
def levels():
    x = 0
    def l1():
        def l2():
            nonlocal x
            x += 100
        l2()
        l2()
    l1()
    return x
print(levels())
def loop_closure():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total
print(loop_closure())
