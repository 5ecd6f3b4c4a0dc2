# A small class hierarchy with exceptions: bank accounts.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need %d, have %d" % (needed, available))
        self.needed = needed
class Account:
    interest = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("wd", amount))
        return self
    def __repr__(self):
        return "%s(%r, %d)" % (type(self).__name__, self.owner, self.balance)
class Savings(Account):
    interest = 5
    def add_interest(self):
        return self.deposit(self.balance * self.interest // 100)
acc = Account("ann").deposit(100).withdraw(30)
sav = Savings("bob", 1000).add_interest()
print(acc, sav, acc.history, sav.history)
for op in (lambda: acc.withdraw(500), lambda: acc.deposit(-1), lambda: sav.withdraw(2000)):
    try:
        op()
    except InsufficientFunds as e:
        print("InsufficientFunds:", e, e.needed)
    except ValueError as e:
        print("ValueError:", e)
print(sorted([sav, acc], key=lambda a: a.balance))
