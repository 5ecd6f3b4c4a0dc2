# Class keywords: metaclass=, __init_subclass__ arguments, __prepare__, metaclass conflicts.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class A(metaclass=Meta, tag="x"):
    def hello(self):
        return "hello"
class B(A):
    pass
print(type(A).__name__, type(B).__name__, A.tag, B.tag, B().hello())
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)
class Csv(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
print(Plugin.registry, Csv.plugin_name, Json.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class C(metaclass=Ordered, flag=True):
    x = injected + 1
print(C.x, C.injected)
class M2(type):
    pass
class D(metaclass=M2):
    pass
class E(D):
    pass
print(type(E).__name__, isinstance(E, M2))
try:
    class F(D, metaclass=Meta):
        pass
except TypeError as e:
    print("TypeError:", e)
def fmeta(name, bases, ns):
    return "made " + name
class G(metaclass=fmeta):
    pass
print(G)
class Single(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in Single._inst:
            Single._inst[cls] = super().__call__(*a)
        return Single._inst[cls]
class Conf(metaclass=Single):
    def __init__(self, v=0):
        self.v = v
print(Conf(1) is Conf(2), Conf().v)
