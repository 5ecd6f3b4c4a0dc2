# raise in __del__? no: error in __init__ of class, uncaught with assert message
class P:
    def __init__(self, x):
        assert x > 0, f"x must be positive, got {x}"
        self.x = x
ps = [P(i) for i in range(3, -1, -1)]
