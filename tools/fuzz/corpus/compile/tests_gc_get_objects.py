# get_objects(generation=None): the tracked objects, of all generations or of one; the
# returned list is never in itself; atoms are never listed.
import gc
gc.disable()
gc.collect()
young = ["fresh"]
allobjs = gc.get_objects()
print(any(o is young for o in allobjs))
print(any(o is young for o in gc.get_objects(0)), any(o is young for o in gc.get_objects(2)))
print(any(o is allobjs for o in gc.get_objects()))
gc.collect(0)
print(any(o is young for o in gc.get_objects(1)))
gc.collect()
print(any(o is young for o in gc.get_objects(2)))
print(any(o is young for o in gc.get_objects(generation=None)))
for g in (3, -2):
    try:
        gc.get_objects(g)
    except ValueError as e:
        print(e)
try:
    gc.get_objects("x")
except TypeError as e:
    print(e)
gc.enable()
