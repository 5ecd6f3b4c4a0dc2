# sys: argv, stdout.write return value, recursion limit get/set, modules, maxsize.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0].endswith("sys_basics.py"))
n = sys.stdout.write("written by sys.stdout.write\n")
print(n)
sys.stdout.write("no newline ")
sys.stdout.write("then newline\n")
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
try:
    deep(500)
except RecursionError:
    print("RecursionError at limit 200")
sys.setrecursionlimit(1000)
print(deep(500))
print(sys.maxsize == 9223372036854775807, type(sys.modules).__name__, "sys" in sys.modules)
print(sys.stdout is not sys.stderr, hasattr(sys.stdin, "readline"))
