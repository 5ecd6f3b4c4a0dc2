# Collections start on their own once enough containers were allocated (threshold 700):
# making many cycles runs their finalizers without any gc.collect().
import gc
freed = [0]
class Node:
    def __init__(self):
        self.me = self
    def __del__(self):
        freed[0] += 1
print(gc.isenabled(), gc.get_threshold()[0])
for i in range(10000):
    Node()
print("freed automatically:", freed[0] > 0)
gc.collect()
print("all freed:", freed[0] == 10000)
