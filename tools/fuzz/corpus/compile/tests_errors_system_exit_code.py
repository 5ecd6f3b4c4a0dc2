# raise SystemExit(3): exit status 3, no traceback, finally blocks run.
print("exiting with 3")
try:
    raise SystemExit(3)
finally:
    print("cleanup")
