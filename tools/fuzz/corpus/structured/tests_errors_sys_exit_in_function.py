# sys.exit(4) from inside nested calls; an intervening `except Exception` does not catch it.
import sys
def quit_now():
    sys.exit(4)
def wrapper():
    try:
        quit_now()
    except Exception:
        print("not caught here")
    finally:
        print("wrapper finally")
wrapper()
print("not reached")
