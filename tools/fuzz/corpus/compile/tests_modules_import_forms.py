# import forms: import, import as, from import, from import as, star import, module caching.
import mod_shapes
import mod_shapes as shapes_alias
from mod_shapes import area, Square as Sq
from mod_shapes import PI, bump
print(mod_shapes.PI, area(1), Sq(3).area(), shapes_alias is mod_shapes)
print(mod_shapes.__name__, type(mod_shapes).__name__)
print(bump(), bump(), mod_shapes.counter)
import mod_shapes
print(mod_shapes.counter)
import sys
print("mod_shapes" in sys.modules, sys.modules["mod_shapes"] is mod_shapes)
from mod_shapes import *
print(Square(2).area(), "_private" in dir())
from mod_explicit_all import *
print(public_one(), "public_two" in dir())
import mod_uses_other
print(mod_uses_other.double_area(1), mod_uses_other.NAME, __name__)
import math, time
print(math.floor(2.5), type(time.time()).__name__)
def local_import():
    import mod_explicit_all as m
    return m.public_two()
print(local_import())
