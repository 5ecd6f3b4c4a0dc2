# custom exception str and repr in traceback; exception with no args; multiline args
class E(Exception):
    def __str__(self):
        return "E happened"
class F(Exception):
    pass
try:
    raise F
except F as e:
    print(repr(e), str(e) == "")
raise E(1, 2)
