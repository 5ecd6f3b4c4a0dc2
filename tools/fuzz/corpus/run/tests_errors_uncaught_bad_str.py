# error in __repr__ used by an uncaught exception message; error in __str__ of exception
class Weird(Exception):
    def __str__(self):
        raise ValueError("bad str")
try:
    raise Weird("x")
except Weird as w:
    print("caught weird", repr(w))
raise Weird("final")
