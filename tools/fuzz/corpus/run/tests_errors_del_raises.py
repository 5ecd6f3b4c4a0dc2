# An exception in __del__ is reported as "Exception ignored in" on stderr and the program
# continues with status 0 ... so this test forces status 1 at the end to have stderr compared.
import sys
class Noisy:
    def __del__(self):
        raise ValueError("error in __del__")
n = Noisy()
del n
print("program continues")
sys.stdout.flush()
raise SystemExit(1)
