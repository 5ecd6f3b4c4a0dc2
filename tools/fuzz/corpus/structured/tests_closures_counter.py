# Closures with nonlocal: independent counters sharing no state.
def make_counter(start=0):
    count = start
    def incr(step=1):
        nonlocal count
        count += step
        return count
    return incr
a = make_counter()
b = make_counter(100)
print(a(), a(), a(5), b(), a(), b(10))
def make_pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = make_pair()
print(get())
set_(42)
print(get())
get2, set2 = make_pair()
print(get2(), get())
