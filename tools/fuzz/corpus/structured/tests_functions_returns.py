# return values: implicit None, multiple values, early return, return in loops.
def nothing():
    pass
def bare():
    return
def multi():
    return 1, "two", [3]
def early(x):
    if x < 0:
        return "neg"
    for i in range(10):
        if i == x:
            return "found %d" % i
    return "not found"
print(nothing(), bare(), multi(), early(-1), early(3), early(50))
def ret_func():
    def inner():
        return "inner"
    return inner
print(ret_func()(), ret_func().__name__, ret_func().__qualname__)
def gen_list(n):
    result = []
    while True:
        if len(result) == n:
            return result
        result.append(len(result))
print(gen_list(4))
a, b, c = multi()
print(a, b, c)
