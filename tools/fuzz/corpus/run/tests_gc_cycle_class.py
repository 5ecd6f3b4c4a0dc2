# Classes are containers: a class whose attribute refers back to it (and whose instances hold
# the class) is garbage once nothing else refers to it.
import gc
class Probe:
    def __del__(self):
        print("probe freed")
def make():
    class Local:
        pass
    Local.me = Local
    Local.probe = Probe()
    inst = Local()
    inst.cls = Local
    return inst
i = make()
print(type(i).__name__, type(i).me is type(i))
del i
print("deleted")
print(gc.collect() >= 2)
