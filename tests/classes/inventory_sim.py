# an inventory/ordering simulation with classes, properties, exceptions and reports
class OutOfStock(Exception):
    pass
class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self._price, self.qty = sku, name, price, qty
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, v):
        if v < 0:
            raise ValueError(f"negative price for {self.sku}: {v}")
        self._price = v
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price:.2f}, qty={self.qty})"
class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
        self.log.append(("add", item.sku, item.qty))
    def take(self, sku, n):
        try:
            item = self.items[sku]
        except KeyError:
            raise LookupError(f"no such sku {sku!r}") from None
        if item.qty < n:
            raise OutOfStock(f"{item.name}: wanted {n}, have {item.qty}")
        item.qty -= n
        self.log.append(("take", sku, n))
        return item.price * n
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(sorted(self.items.values(), key=lambda i: i.sku))
    def __contains__(self, sku):
        return sku in self.items
    def value(self):
        return sum(i.price * i.qty for i in self.items.values())
inv = Inventory()
inv.add(Item("B2", "bolt", 0.25, 100))
inv.add(Item("A1", "anvil", 99.5, 2))
inv.add(Item("B2", "bolt", 0.25, 50))
print(len(inv), "A1" in inv, "Z9" in inv, list(inv))
orders = [("A1", 1), ("B2", 120), ("A1", 5), ("Z9", 1), ("B2", 30)]
total = 0
for sku, n in orders:
    try:
        cost = inv.take(sku, n)
    except OutOfStock as e:
        print("out of stock:", e)
    except LookupError as e:
        print("lookup:", e, e.__cause__, e.__suppress_context__)
    else:
        total += cost
        print(f"took {n:>3} x {sku}: {cost:8.2f}")
print(f"total {total:.2f}, remaining value {inv.value():.2f}")
try:
    inv.items["A1"].price = -1
except ValueError as e:
    print("ValueError:", e)
print(inv.log)
summary = {}
for kind, sku, n in inv.log:
    summary.setdefault(kind, {}).setdefault(sku, 0)
    summary[kind][sku] += n
print(summary)
print("%-6s %8s %5s" % ("sku", "price", "qty"))
for it in inv:
    print("%-6s %8.2f %5d" % (it.sku, it.price, it.qty))
