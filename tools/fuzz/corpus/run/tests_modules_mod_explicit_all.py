# Helper module with __all__ limiting star imports.
__all__ = ["public_one"]
def public_one():
    return "one"
def public_two():
    return "two"
