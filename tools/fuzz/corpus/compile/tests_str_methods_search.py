# Searching: find/rfind/index/rindex/count/startswith/endswith/in.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find(""))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))
print(s.find("o", 13, 20), s.count("o", 0, 15), s.rfind("o", 0, 15))
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("dog"), s.endswith("lazy", 0, 39))
print(s.startswith(("a", "t")), s.endswith(("x", "y")))
print("fox" in s, "cat" not in s, "" in s)
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("cat")
except ValueError as e:
    print("ValueError:", e)
print("aaaa".count("aa"), "abab".find("b", -1), "abc".find("c", -10, 100))
print("ab".startswith(""), "".endswith(""), "abc".find("", 5))
