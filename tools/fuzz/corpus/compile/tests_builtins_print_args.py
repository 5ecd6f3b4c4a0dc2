# print: sep, end, file=sys.stdout / sys.stderr (stderr is not compared), flush, no args.
import sys
print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" continued")
print(1, 2.5, None, True, [1], sep="|")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
print(*range(5))
print(*"abc", sep="-")
print("x", end="")
print("y", end="\n\n")
print(sep="ignored")
print("multi\nline")
print(None, sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
