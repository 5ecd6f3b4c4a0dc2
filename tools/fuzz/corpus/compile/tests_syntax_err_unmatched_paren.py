print("a")
x = )
