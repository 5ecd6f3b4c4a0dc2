# Exceptions raised and caught in a loop: a user exception class, built-in KeyError and
# ZeroDivisionError, try/finally, and re-raising through a call.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise AppError(i)
    return i


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def main():
    caught = 0
    total = 0
    d = {1: 10, 2: 20}
    fin = 0
    for i in range(1550000):
        try:
            total += check(i)
        except AppError as e:
            caught += 1
            total += e.code
        total += lookup(d, i & 3)
        try:
            try:
                total += 10 // (i & 1)
            finally:
                fin += 1
        except ZeroDivisionError:
            caught += 1
    print(caught, total, fin)


main()
