# break and continue inside try/except/finally and with blocks in loops.
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        return self
    def __exit__(self, *a):
        print("exit", self.n)
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("try", i)
    except Exception:
        pass
    finally:
        print("finally", i)
for i in range(4):
    with CM(i):
        if i % 2:
            continue
        if i == 2:
            break
        print("body", i)
i = 0
while True:
    i += 1
    try:
        if i < 3:
            raise ValueError(i)
        break
    except ValueError as e:
        print("retry after", e)
        continue
print("done at", i)
