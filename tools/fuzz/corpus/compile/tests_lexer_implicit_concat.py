# Adjacent string literals are concatenated at compile time.
print("abc" "def")
print('a' "b" '''c''' """d""")
print("raw" r"\n" "cooked\n", end="")
x = ("one"
     "two"
     "three")
print(x, len(x))
print("x" "y" == "xy")
print(["a" "b", "c"])
def f():
    return "ret" "urn"
print(f())
print("%s-%s" "!" % (1, 2))
print(f"{1}" "two" f"{3}")
