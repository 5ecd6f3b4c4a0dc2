# Traceback through methods, a property and a special method.
class Table:
    def __init__(self):
        self.rows = {}
    @property
    def first(self):
        return self["first"]
    def __getitem__(self, key):
        return self.rows[key]

def report(t):
    return t.first

print("report:")
report(Table())
