# An uncaught user-defined exception with a custom message, raised in a method.
class ConfigError(Exception):
    pass

class Loader:
    def load(self, name):
        if not name:
            raise ConfigError("empty name")
        return name

print(Loader().load("ok"))
Loader().load("")
