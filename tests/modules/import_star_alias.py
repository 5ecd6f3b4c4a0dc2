# imports: star with __all__, aliases, module attributes, reload-once semantics
from mod_geometry import *
import mod_geometry
import mod_geometry as ms
from mod_geometry import PI as pi_value, _private
import sys, math as m
print(area(2), Square(3).s, pi_value, _private, ms is mod_geometry, mod_geometry.__name__, mod_geometry.__doc__)
print("PI" in dir(), "area" in dir(), "_private" in globals(), sorted(k for k in vars(mod_geometry) if not k.startswith("__")))
print("mod_geometry" in sys.modules, type(mod_geometry).__name__, repr(m)[:20], m.floor(2.5))
mod_geometry.PI = 4
print(area(1), ms.area(1))
try:
    from mod_geometry import nothing
except ImportError as e:
    # The message ends with the module's absolute path, which depends on the checkout.
    print("ImportError:", str(e).split(" (")[0])
try:
    import mod_nonexistent_zz
except ImportError as e:
    print(type(e).__name__, e)
def lazy():
    import math
    return math.sqrt(9)
print(lazy(), "math" in sys.modules)
print(mod_geometry.__file__.endswith("mod_geometry.py"), hasattr(mod_geometry, "__dict__"))
