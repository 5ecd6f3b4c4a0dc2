# Single inheritance: overriding, super().__init__, attribute lookup through the chain.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def describe(self):
        return "%s is a %s: %s" % (self.name, self.kind, self.speak())
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return self.name + " barks"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + " softly"
for a in (Animal("generic"), Dog("rex"), Puppy("bit", 1)):
    print(a.describe())
p = Puppy("bit", 1)
print(p.age, p.kind, isinstance(p, Animal), isinstance(p, Dog), type(p).__name__)
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog))
print(Puppy.__bases__[0].__name__, Puppy.__base__.__name__)
print([c.__name__ for c in Puppy.__mro__])
class Base:
    def hook(self):
        return "base hook"
    def run(self):
        return self.hook()
class Child(Base):
    def hook(self):
        return "child hook"
print(Base().run(), Child().run())
