# An uncaught ValueError at module level after some output.
print("line before")
x = int("not a number")
