# Objects that refuse weak references, and argument errors.
import weakref


class P:
    pass


for obj in [1, 2.5, True, None, "str", (1, 2), range(3), slice(1), object(), property(),
            ValueError("x"), NotImplemented, Ellipsis, 2 ** 60]:
    try:
        weakref.ref(obj)
        print("accepted", type(obj).__name__)
    except TypeError as e:
        print(e)
    try:
        weakref.proxy(obj)
    except TypeError as e:
        print("proxy:", e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(P, 1, 2)
except TypeError as e:
    print(e)
try:
    weakref.ref(P)(1)
except TypeError as e:
    print(e)
try:
    weakref.getweakrefcount()
except TypeError as e:
    print(e)
try:
    weakref.getweakrefs(1, 2)
except TypeError as e:
    print(e)
