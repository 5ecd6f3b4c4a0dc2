# list indexing errors and edge cases of methods.
l = [10, 20, 30]
print(l[-1], l[-3], l[0:100], l[-100:1])
for bad in (3, -4, 100):
    try:
        l[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    l[3] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del l[5]
except IndexError as e:
    print("IndexError:", e)
try:
    l["0"]
except TypeError as e:
    print("TypeError:", e)
try:
    l.insert("x", 1)
except TypeError as e:
    print("TypeError:", e)
l.insert(-100, 5)
print(l)
print(l.index(30, -1), [].count(1), l * 2 == l + l)
e = []
e += "ab"
e += (1,)
print(e)
try:
    e + "cd"
except TypeError as err:
    print("TypeError:", err)
