# Default and custom __repr__/__str__, and how print/str/repr/format/containers use them.
class Plain:
    pass
class R:
    def __repr__(self):
        return "R()"
class S:
    def __str__(self):
        return "S-str"
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
r, s, b = R(), S(), Both()
print(r, str(r), repr(r), [r])
print(s, str(s), [s][0].__str__())
print(b, repr(b), [b], (b,), {"k": b}, f"{b} {b!r}", "%s %r" % (b, b), format(b))
print(repr(Plain()).startswith("<__main__.Plain object at 0x"))
print(str(Plain) , repr(R), Plain.__name__)
class Bad:
    def __repr__(self):
        return 42
try:
    repr(Bad())
except TypeError as e:
    print("TypeError:", e)
