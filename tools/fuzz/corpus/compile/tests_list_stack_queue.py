# Lists used as stacks and queues, plus in-place mutation while iterating over a copy.
stack = []
for c in "abc":
    stack.append(c)
out = []
while stack:
    out.append(stack.pop())
print(out)
q = [1, 2, 3]
q.append(4)
print(q.pop(0), q.pop(0), q)
nums = [1, 2, 3, 4, 5, 6]
for n in nums[:]:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
l = [3, 1, 2]
l2 = l
l.sort()
print(l2, l.sort() is None)
lol = [[]] * 3
lol[0].append(1)
print(lol)
lol2 = [[] for _ in range(3)]
lol2[0].append(1)
print(lol2)
a = [1, 2, 3]
b = a[:]
b[0] = 99
print(a, b, a[:] == a, list(a) is a)
