# Multiple inheritance and C3 linearisation: __mro__ for diamonds and deeper graphs.
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
def names(cls):
    return [c.__name__ for c in cls.__mro__]
print(names(K1))
print(names(K2))
print(names(K3))
print(names(Z))
class Top:
    def who(self): return "Top"
class Left(Top):
    def who(self): return "Left"
class Right(Top):
    def who(self): return "Right"
class Bottom(Left, Right): pass
print(names(Bottom), Bottom().who())
class Bottom2(Right, Left): pass
print(names(Bottom2), Bottom2().who())
try:
    class Bad(Top, Left): pass
except TypeError as e:
    print("TypeError:", e)
print(names(bool), names(int), names(KeyError))
