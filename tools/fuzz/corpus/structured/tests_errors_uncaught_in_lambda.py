# Tracebacks name lambdas, methods and nested functions.
class Calc:
    def run(self, f):
        return f(0)

def make():
    def divider(y):
        return 10 / y
    return divider

Calc().run(lambda v: make()(v))
