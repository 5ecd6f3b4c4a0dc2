# exception raised while handling another, both shown
def cleanup():
    raise OSError("disk gone")
try:
    {}["missing"]
except KeyError:
    cleanup()
