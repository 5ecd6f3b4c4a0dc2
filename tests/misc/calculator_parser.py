# a recursive-descent calculator: tokenizer, parser, evaluator, error reporting
class CalcError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos
def tokenize(src):
    toks, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j]), i))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(("name", src[i:j], i))
            i = j
        elif c in "+-*/()^%":
            toks.append(("op", c, i))
            i += 1
        else:
            raise CalcError(f"unexpected {c!r}", i)
    toks.append(("end", None, len(src)))
    return toks
class Parser:
    def __init__(self, src, env):
        self.toks, self.i, self.env = tokenize(src), 0, env
    def peek(self):
        return self.toks[self.i]
    def take(self, kind=None, val=None):
        t = self.toks[self.i]
        if (kind and t[0] != kind) or (val and t[1] != val):
            raise CalcError(f"expected {val or kind}, got {t[1]!r}", t[2])
        self.i += 1
        return t
    def expr(self):
        v = self.term()
        while self.peek()[1] in ("+", "-"):
            op = self.take()[1]
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[1] in ("*", "/", "%"):
            op, pos = self.take()[1:]
            r = self.factor()
            if op != "*" and r == 0:
                raise CalcError("division by zero", pos)
            v = v * r if op == "*" else v / r if op == "/" else v % r
        return v
    def factor(self):
        v = self.unary()
        if self.peek()[1] == "^":
            self.take()
            return v ** self.factor()
        return v
    def unary(self):
        if self.peek()[1] == "-":
            self.take()
            return -self.unary()
        t = self.peek()
        if t[0] == "num":
            return self.take()[1]
        if t[0] == "name":
            name = self.take()[1]
            if name not in self.env:
                raise CalcError(f"unknown name {name!r}", t[2])
            return self.env[name]
        self.take("op", "(")
        v = self.expr()
        self.take("op", ")")
        return v
env = {"x": 3, "pi": 3.14159}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-x ^ 2", "10 / 4", "7 % 4 + x", "pi * 2", "1 +", "2 * (3", "4 / (x - 3)", "y + 1", "3 $ 4", "1.5 * 4"]:
    try:
        p = Parser(src, env)
        v = p.expr()
        p.take("end")
        print(f"{src:<12} = {v!r}")
    except CalcError as e:
        print(f"{src:<12} ! {e} (pos={e.pos})")
