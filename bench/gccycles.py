# Cyclic garbage churn: a Person and a friend who point at each other, made 2.8 million times;
# only the cycle collector can free them.
class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.friend = None


def main():
    total = 0
    keep = []
    for i in range(2800000):
        a = Person("a", i)
        b = Person("b", i + 1)
        a.friend = b
        b.friend = a
        total += a.friend.age - b.friend.age
        if i % 100000 == 0:
            keep.append(a)
    print(total, len(keep), keep[-1].friend.age)


main()
