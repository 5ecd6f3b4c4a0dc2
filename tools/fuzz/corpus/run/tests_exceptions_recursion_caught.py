# RecursionError is raised for unbounded recursion and can be caught; the program continues.
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("RecursionError:", e)
print(isinstance(RecursionError(), RuntimeError))
def depth(n):
    return n if n == 0 else depth(n - 1)
print(depth(500))
print(sys.getrecursionlimit())
