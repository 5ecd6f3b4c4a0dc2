# str methods on str subclass instances return exact str; descriptors check their self.
class S(str):
    pass
s = S("  ab  ")
for r in [s.strip(), S("ab").strip(), S("ab").replace("x", "y"), S("ab").ljust(1), S("ab").zfill(1), "".join([S("q")]), S("x").__str__(), S("ab").removeprefix("z"), S("ab") + "", "" + S("ab")]:
    print(repr(r), type(r).__name__)
print("a-b".split(S("-")), S("-").join(["a", "b"]), "abc".replace(S("b"), S("X")), "abc".startswith(S("a")))
try:
    str.upper(5)
except TypeError as e:
    print(e)
try:
    str.join(5, [])
except TypeError as e:
    print(e)
print(str.upper(S("x")), S("a") is not S("a"))
