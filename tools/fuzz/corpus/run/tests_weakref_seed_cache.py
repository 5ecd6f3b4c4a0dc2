# A cache of expensive objects that does not keep them alive (the seed documents' example).
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name

    def __repr__(self):
        return "Image(%r)" % self.name


_cache = weakref.WeakValueDictionary()


def load(name):
    img = _cache.get(name)
    if img is None:
        img = Image(name)
        _cache[name] = img
    return img


a = load("cat.png")
b = load("cat.png")
print(a is b, Image.loads, len(_cache))
c = load("dog.png")
print(Image.loads, sorted(_cache.keys()))
del a, b
print(sorted(_cache.keys()))
a = load("cat.png")
print(Image.loads, a)
numbers = Image("numbers")
r = weakref.ref(numbers)
print("alive:", r())
del numbers
print("after del:", r())
