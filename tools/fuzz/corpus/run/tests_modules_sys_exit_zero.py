# sys.exit() and sys.exit(0) end the program with status 0; finally blocks run first.
import sys
print("before exit")
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit, code", e.code)
try:
    print("in try")
    sys.exit(0)
finally:
    print("finally runs")
print("not reached")
