# Deliberate difference (docs/language.md): Ouro lets plain lists and dicts be weakly
# referenced, so this program's expected output is hand-written (.exp); CPython raises
# TypeError "cannot create weak reference to 'list' object" at the first weakref.ref.
import weakref

my_list = [1, 2, 3]
r = weakref.ref(my_list)
print(r(), r() is my_list)
log = []
d = {"a": 1}
rd = weakref.ref(d, lambda w: log.append("dict died"))
p = weakref.proxy(my_list)
p.append(4)
print(my_list, len(p), p[0], weakref.getweakrefcount(my_list))
cache = weakref.WeakValueDictionary()
cache["numbers"] = my_list
cache["dict"] = d
print(cache["numbers"], len(cache))
del my_list
print(r(), list(cache.keys()))
del d
print(rd(), log, len(cache))
print(weakref.ref([]) is None or "temporary list died at once")
