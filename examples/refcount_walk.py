#: Scene 2: reference counts without cycles. Every reference held is counted; the list is
#: freed at once, with no collector, when its count drops to zero.
import sys

#: A new list, referenced by the name `numbers`: refcount 1.
numbers = [1, 2, 3]
#: sys.getrefcount adds its own argument's reference, so it prints one more: 2.
print(sys.getrefcount(numbers))
#: A second name for the same list: refcount 2 (getrefcount says 3).
new_numbers = numbers
print(sys.getrefcount(new_numbers))
#: `del` removes a name, not the object: refcount back to 1.
del numbers
print(sys.getrefcount(new_numbers))
#: Rebinding the last name drops the last reference: the old list is freed immediately.
new_numbers = [4, 5]
print(new_numbers)
