# Helper module for the import tests (not a test itself: the runners skip mod_*.py).
PI = 3.14159
_private = "hidden from star import"
counter = 0
print("mod_shapes loading")
def area(r):
    return PI * r * r
class Square:
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side
def bump():
    global counter
    counter += 1
    return counter
