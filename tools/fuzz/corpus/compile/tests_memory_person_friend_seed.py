# The seed program of issue 2: two objects that reference each other form a cycle, so `del`
# does not free them; CPython's cycle collector frees them at exit and prints the two 被销毁
# lines then. This test first had a hand-written .exp with only the first three lines, for
# as long as Ouro had no cycle collector; now that gc/ collects cycles at shutdown, Ouro must
# match CPython's full output (person_friend_seed.out).
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
