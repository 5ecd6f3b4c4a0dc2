# exception in __del__ is reported and ignored; the program continues
class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("closing", self.n)
        if self.n == 2:
            raise RuntimeError("close failed")
r = Res(1)
r = Res(2)
r = None
print("after")
def use():
    tmp = Res(3)
    return "used"
print(use())
