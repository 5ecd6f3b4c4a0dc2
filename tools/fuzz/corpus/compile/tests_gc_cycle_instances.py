# The seed's two-person cycle, with an explicit gc.collect(): John's __del__ runs first.
import gc
class Person:
    def __init__(self, name):
        self.name = name
        print(f'{self.name} 被创建')
    def __del__(self):
        print(f'{self.name} 被销毁')
john = Person('John')
mary = Person('Mary')
john.friend = mary
mary.friend = john
del john
del mary
print("=== 显式触发垃圾回收 ===")
n = gc.collect()
print("unreachable >= 2:", n >= 2)
