# Peak memory of a live heap of 1,000,000 Person/friend pairs (each person's friend is another
# Person pointing back), kept alive to the end. Prints the peak resident set in MB (VmHWM);
# issue 8's target for Ouro is at most 0.6x CPython's. Run: ouro live_pairs.py / python3 ...
class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.friend = None


people = []
for i in range(1000000):
    a = Person("a", i)
    b = Person("b", i)
    a.friend = b
    b.friend = a
    people.append(a)
with open("/proc/self/status") as f:
    hwm = [line.split()[1] for line in f if line.startswith("VmHWM:")][0]
print("1,000,000 live pairs: peak RSS %.1f MB" % (int(hwm) / 1024.0))
