# Source text nested 100,000 deep must be rejected with a SyntaxError (or, for CPython's
# recursive parser on some shapes, a MemoryError/RecursionError), never crash the interpreter:
# brackets of each kind, mixed brackets, nested lambdas/conditionals in brackets, and 100,000
# levels of indentation. The source is generated here and compiled with compile()/exec().
def attempt(label, src):
    try:
        compile(src, "<deep>", "exec")
        print(label, "compiled")
    except SyntaxError as e:
        # IndentationError is a SyntaxError; its message and class are both part of the test.
        print(label, type(e).__name__ + ":", e.msg)
    except (MemoryError, RecursionError) as e:
        print(label, type(e).__name__)


N = 100000
attempt("parens", "x = " + "(" * N + "1" + ")" * N)
attempt("brackets", "x = " + "[" * N + "]" * N)
attempt("braces", "x = " + "{" * N + "}" * N)
attempt("mixed", "x = " + "([{" * (N // 3) + "}])" * (N // 3))
attempt("unclosed", "x = " + "(" * N)
attempt("calls", "x = f" + "(f" * N + ")" * N)
attempt("subscripts", "x = a" + "[a" * N + "]" * N)

# Deep indentation: one `if 1:` per level. A file with 100,000 levels would hold 5 GB of
# leading whitespace (level i needs i characters), so the test nests 3,000 levels with spaces
# and 3,000 with tabs (4.5 MB each), then indents one line by 100,000 columns.
lines = []
for i in range(3000):
    lines.append(" " * i + "if 1:")
lines.append(" " * 3000 + "pass")
attempt("indent spaces", "\n".join(lines) + "\n")
lines = []
for i in range(3000):
    lines.append("\t" * i + "if 1:")
lines.append("\t" * 3000 + "pass")
attempt("indent tabs", "\n".join(lines) + "\n")
attempt("indent wide", "if 1:\n" + " " * N + "if 1:\n" + " " * (N + 1) + "x = 1\n")
lines = [" " * i + "x = 1" if i == 0 else " " * i + "y = 2" for i in range(3)]
attempt("unexpected", "\n".join(lines) + "\n")

# Depths CPython accepts (below its limit of 200 brackets and 100 indentation levels) work.
attempt("parens 150", "x = " + "(" * 150 + "1" + ")" * 150)
lines = [" " * i + "if 1:" for i in range(90)] + [" " * 90 + "x = 7"]
ns = {}
exec("\n".join(lines) + "\n", ns)
print("indent 90:", ns["x"])

# 100,000 unary minus signs nest without brackets. CPython's parser runs out of stack
# (MemoryError); Ouro counts them as nesting ("too many nested parentheses").
try:
    exec("y = " + "-" * N + "1", {})
    print("unary ok")
except (SyntaxError, MemoryError, RecursionError) as e:
    print("unary rejected")
print("still running")
