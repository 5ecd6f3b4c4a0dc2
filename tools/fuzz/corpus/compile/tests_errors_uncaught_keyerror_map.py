# KeyError and attribute errors uncaught via lambda and dict
data = {"a": 1}
get = lambda k: data[k]
print(get("a"))
def outer():
    return list(map(get, ["a", "b"]))
outer()
