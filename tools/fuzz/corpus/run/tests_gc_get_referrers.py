# get_referrers(*objs): every tracked container that holds a direct reference to one of objs.
import gc
target = ["target"]
holder_list = [target, 1]
holder_dict = {"t": target}
holder_tuple = (target, 2)
class Holder:
    pass
h = Holder()
h.attr = target
refs = gc.get_referrers(target)
print(any(r is holder_list for r in refs))
print(any(r is holder_dict for r in refs))
print(any(r is holder_tuple for r in refs))
print(any(r is h.__dict__ or r is h for r in refs))
print(any(r is globals() for r in refs))
other = ["other"]
box = [other]
both = gc.get_referrers(target, other)
print(any(r is box for r in both), any(r is holder_list for r in both))
print(gc.get_referrers(), isinstance(gc.get_referrers(42), list))
