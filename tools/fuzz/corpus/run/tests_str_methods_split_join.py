# split/rsplit/splitlines/partition/join.
print("a b  c   d".split(), " lead and trail ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), ",".split(","), "".split(","))
print("a b c d".split(None, 2), "a b c d".rsplit(None, 2), "a-b-c".rsplit("-", 1))
print("a::b::c".split("::"), "abc".split("abc"), "x\ty\nz".split())
print("line1\nline2\r\nline3\rline4".splitlines())
print("a\n\nb\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("key=value=x".partition("="), "novalue".partition("="), "a=b=c".rpartition("="))
print("novalue".rpartition("="))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("one",)))
print("\n".join(str(i) for i in range(3)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
