# A tiny calculator: dict dispatch of operators, tokenizing, and errors reported per line.
def tokenize(s):
    return s.split()
OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
}
def rpn(expr):
    stack = []
    for tok in tokenize(expr):
        if tok in OPS:
            b = stack.pop()
            a = stack.pop()
            stack.append(OPS[tok](a, b))
        else:
            stack.append(int(tok))
    if len(stack) != 1:
        raise ValueError("bad expression: " + expr)
    return stack[0]
for e in ["1 2 +", "2 3 4 * +", "10 3 //", "7 2 /", "1 0 /", "1 +", "1 2", "x 1 +"]:
    try:
        print(e, "=>", rpn(e))
    except (ZeroDivisionError, ValueError, IndexError) as err:
        print(e, "=>", type(err).__name__, err)
