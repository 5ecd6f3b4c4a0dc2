# An instance that stores one of its own bound methods forms a cycle through the method.
import gc
class Widget:
    def __init__(self, name):
        self.name = name
        self.handler = self.on_event
    def on_event(self):
        return self.name
    def __del__(self):
        print("widget freed", self.name)
gc.collect()
w = Widget("w1")
print(w.handler())
del w
print("after del")
print(gc.collect() >= 2)
