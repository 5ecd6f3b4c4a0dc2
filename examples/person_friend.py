#: Two people who name each other as friends form a reference cycle.
import gc


class Person:
    def __init__(self, name):
        self.name = name
        print(f'{self.name} 被创建')

    def __del__(self):
        print(f'{self.name} 被销毁')


#: Each Person starts with one reference: the global name.
john = Person('John')
mary = Person('Mary')
#: The friend links make a cycle: each object now has two references.
john.friend = mary
mary.friend = john
#: Deleting the names leaves one reference each, from the other object: unreachable, yet alive.
del john
del mary
print("=== 显式触发垃圾回收 ===")
#: The cycle collector finds the pair unreachable and runs both finalizers.
gc.collect()
