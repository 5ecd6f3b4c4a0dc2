# f-strings with calls, comprehensions, method calls and dict/attribute access.
def greet(who, punct="!"):
    return "hi " + who + punct
data = {"xs": [1, 2, 3], "name": "box"}
print(f"{greet('you')} {greet('them', punct='?')}")
print(f"{[i * i for i in range(5)]}")
print(f"{sum(data['xs'])} {data['name'].title()} {len(data)}")
print(f"{sorted(data)}")
print(f"{'-' * 10}")
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Pt({self.x}, {self.y})"
pts = [Pt(1, 2), Pt(3, 4)]
print(f"{pts} {pts[0].x + pts[1].y}")
for i in range(3):
    print(f"row {i}: {'#' * (i + 1):<4}|")
print(f"{'a' if pts else 'b'}{'c' if not pts else 'd'}")
msg = f"{len(pts)} points"
print(msg, type(msg).__name__)
total = 0
for p in pts:
    total += p.x
print(f"total={total}")
