# A NameError in a function called from module level.
def greet():
    print("hello", nam)

greet()
