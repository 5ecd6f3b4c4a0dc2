# Regression (fuzzing, session 3): object.__new__(S) for a subclass S of a built-in type made an
# object with object's layout that S's deallocation then read as a str (heap overflow). Every
# T.__new__(S) below must either build a correct object or raise CPython's TypeError.
class MyStr(str): pass
class MyInt(int): pass
class MyList(list): pass
class MyDict(dict): pass
class MyExc(Exception): pass
class MyTuple(tuple): pass
class MySet(set): pass
class MyFloat(float): pass
class Plain: pass
class Slots:
    __slots__ = ("a", "b")
for T in (object, int, str, list, dict, tuple, set, float, BaseException, Exception, type):
    for S in (MyStr, MyInt, MyList, MyDict, MyExc, MyTuple, MySet, MyFloat, Plain, Slots, bool):
        try:
            x = T.__new__(S)
            print(T.__name__, S.__name__, "ok", type(x).__name__)
            del x
        except TypeError as e:
            print(T.__name__, S.__name__, "TypeError", e)
