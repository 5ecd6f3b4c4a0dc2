# KeyError with a tuple key and one with a str key containing quotes.
d = {}
try:
    d[(1, 2)]
except KeyError as e:
    print(repr(e), str(e))
d["it's"]
