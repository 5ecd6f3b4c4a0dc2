# Uncaught exception raised with `from`: the cause is printed first.
def load():
    try:
        {}["key"]
    except KeyError as e:
        raise LookupError("config missing") from e

load()
