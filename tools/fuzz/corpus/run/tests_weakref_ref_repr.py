# repr of weak references and proxies (addresses replaced so the output is stable).
import weakref


def norm(s):
    out = []
    i = 0
    while i < len(s):
        if s.startswith("0x", i):
            out.append("ADDR")
            i += 2
            while i < len(s) and s[i] in "0123456789abcdef":
                i += 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


class C:
    pass


class Named:
    __name__ = "the_name"


def func():
    pass


o = C()
r = weakref.ref(o)
print(norm(repr(r)))
print(norm(str(r)))
print(norm(repr(weakref.ref(Named()))))
n = Named()
print(norm(repr(weakref.ref(n))))
print(norm(repr(weakref.ref(func))))
print(norm(repr(weakref.ref(C))))
s = {1}
print(norm(repr(weakref.ref(s))))
p = weakref.proxy(o)
print(norm(repr(p)))
del o
print(norm(repr(r)))
print(norm(repr(p)).split(" to ")[0])
