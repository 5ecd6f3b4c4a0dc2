# uncaught exception inside nested calls with chained cause
class ValidationError(Exception):
    pass
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise ValidationError(f"bad value {s!r}") from e
def load(items):
    return [parse(x) for x in items]
print(load(["1", "2"]))
load(["3", "x"])
