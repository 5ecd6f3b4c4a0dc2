#: Scene 1: two people who name each other as friends form a reference cycle.
#: Reference counting frees an object the moment its last reference goes; a cycle keeps
#: its own counts above zero, so only the cycle collector can free it.
import gc


#: A class whose __init__ and __del__ say when an instance is created and destroyed.
class Person:
    def __init__(self, name):
        self.name = name
        print(f'{self.name} 被创建')

    def __del__(self):
        print(f'{self.name} 被销毁')


#: John is created. One reference: the global name `john`. Refcount 1.
john = Person('John')
#: Mary likewise: refcount 1, from the name `mary`.
mary = Person('Mary')
#: John now refers to Mary: Mary has two references (`mary` and john.friend).
john.friend = mary
#: And Mary refers back to John: both have refcount 2, and the two form a cycle.
mary.friend = john
#: Deleting the name `john` drops one reference: John's refcount falls to 1 (mary.friend).
del john
#: Deleting `mary` leaves both at refcount 1: no name reaches them, yet neither count is 0.
#: This is the leak reference counting alone cannot fix: garbage waiting for the collector.
del mary
print("=== 显式触发垃圾回收 ===")
#: The cycle collector subtracts the references the pair holds to each other (gc_refs),
#: finds nothing outside holds them, runs both __del__ methods, then frees them.
gc.collect()
