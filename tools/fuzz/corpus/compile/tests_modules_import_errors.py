# Failing imports: missing modules and names, and a module raising during import.
try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from mod_shapes import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
try:
    import mod_raises
except ValueError as e:
    print("ValueError:", e)
import sys
print("mod_raises" in sys.modules)
try:
    import mod_does_not_exist
except ImportError as e:
    print("caught as ImportError:", type(e).__name__)
