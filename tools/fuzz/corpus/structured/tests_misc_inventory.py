# Inventory management: classes with class-level registries, properties and sorting.
class Item:
    registry = {}
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
        Item.registry[sku] = self
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, {self.qty})"
    def __lt__(self, other):
        return self.value < other.value
Item("A1", "bolt", 0.25, 400)
Item("B2", "nut", 0.1, 1000)
Item("C3", "gear", 12.5, 3)
Item("D4", "spring", 1.75, 0)
stock = sorted(Item.registry.values())
for it in stock:
    print(f"{it.sku} {it.name:<7} {it.value:>8.2f}")
print(max(stock).name, min(stock).name, sum(i.value for i in stock))
out = [i.name for i in stock if not i.qty]
print(out, Item.registry["B2"])
by_price = sorted(Item.registry.values(), key=lambda i: (-i.price, i.name))
print([i.sku for i in by_price])
