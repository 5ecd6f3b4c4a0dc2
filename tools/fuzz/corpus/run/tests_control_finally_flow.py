# finally with return, break and continue; return value overriding.
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")
print(f1())
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
print(f2())
def f3():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f3())
def f4():
    for i in range(5):
        try:
            if i == 2:
                break
            if i == 0:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return i
print(f4())
def f5():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x)
print(f5())
def f6():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
f6()
def f7():
    while True:
        try:
            return "from loop"
        finally:
            print("cleanup in loop")
print(f7())
