"""Shapes helper module."""
__all__ = ["area", "Square"]
PI = 3
_private = "hidden"
def area(r):
    return PI * r * r
class Square:
    def __init__(self, s):
        self.s = s
print("mod_geometry loaded", __name__)
