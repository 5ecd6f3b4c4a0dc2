# Helper module that itself imports another helper module.
import mod_shapes
def double_area(r):
    return 2 * mod_shapes.area(r)
NAME = __name__
