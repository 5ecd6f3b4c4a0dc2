# imports: star with __all__, aliases, module attributes, reload-once semantics
from mod_shapes import *
import mod_shapes
import mod_shapes as ms
from mod_shapes import PI as pi_value, _private
import sys, math as m
print(area(2), Square(3).s, pi_value, _private, ms is mod_shapes, mod_shapes.__name__, mod_shapes.__doc__)
print("PI" in dir(), "area" in dir(), "_private" in globals(), sorted(k for k in vars(mod_shapes) if not k.startswith("__")))
print("mod_shapes" in sys.modules, type(mod_shapes).__name__, repr(m)[:20], m.floor(2.5))
mod_shapes.PI = 4
print(area(1), ms.area(1))
try:
    from mod_shapes import nothing
except ImportError as e:
    print("ImportError:", e)
try:
    import mod_nonexistent_zz
except ImportError as e:
    print(type(e).__name__, e)
def lazy():
    import math
    return math.sqrt(9)
print(lazy(), "math" in sys.modules)
print(mod_shapes.__file__.endswith("mod_shapes.py"), hasattr(mod_shapes, "__dict__"))
