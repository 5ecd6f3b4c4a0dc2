# traceback through comprehension, lambda, class body and method frames
class Builder:
    def build(self, items):
        return [self.convert(x) for x in items]
    def convert(self, x):
        f = lambda v: 10 // v
        return f(x)
print(Builder().build([1, 2]))
class Config:
    values = {k: Builder().build([k]) for k in [5, 0]}
