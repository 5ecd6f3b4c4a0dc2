# list methods.
l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend("ab"); print(l)
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "mid"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(2), l.count(1), [1, 1, 2].count(1))
l.reverse(); print(l)
nums = [5, 2, 9, 1]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
c = nums.copy(); c.append(0); print(nums, c)
c.clear(); print(c)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
print([1, 2, 3, 2].index(2, 2))
