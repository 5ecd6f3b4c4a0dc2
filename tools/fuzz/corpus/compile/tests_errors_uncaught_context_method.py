# uncaught with implicit context, in a method
class Account:
    def __init__(self, bal):
        self.bal = bal
    def withdraw(self, n):
        try:
            if n > self.bal:
                raise ValueError("insufficient funds")
        except ValueError:
            raise RuntimeError("withdraw failed")
        self.bal -= n
a = Account(10)
a.withdraw(5)
print(a.bal)
a.withdraw(50)
