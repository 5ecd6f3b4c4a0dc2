# Long operator chains parse without bracket nesting; compiling them must raise RecursionError
# (CPython: "maximum recursion depth exceeded during compilation"), never overflow the C stack.
def attempt(label, src):
    try:
        exec(src, {"a": 1, "f": 1})
        print(label, "ok")
    except RecursionError as e:
        print(label, "RecursionError:", e)
    except (SyntaxError, MemoryError):
        # CPython's parser runs out of stack on 100,000 right-nested `**` (MemoryError);
        # Ouro's reports "too many nested parentheses". Either way the program goes on.
        print(label, "rejected")
    except Exception as e:
        print(label, type(e).__name__)

for n in (100, 2000, 100000):
    attempt("binop %d" % n, "x = 1" + "+1" * n)
    attempt("attr %d" % n, "x = a" + ".real" * n)
    attempt("subscript %d" % n, "x = a" + "[0]" * n)
    attempt("call %d" % n, "x = f" + "()" * n)
    attempt("and %d" % n, "x = a" + " and a" * n)
    attempt("compare %d" % n, "x = a" + " < a" * n)
    attempt("pow %d" % n, "x = 1" + "**1" * n)
    attempt("mixed %d" % n, "x = 1" + "+1*2" * n)
print("still running")
