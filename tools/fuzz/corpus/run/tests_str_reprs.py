# repr of str: quote choice, escapes of control and non-printable characters.
tests = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n", "bs\\",
         "\x00\x01\x1f\x7f", "é ü ñ", "中文", "\u200b", "\x85", "\xa0", "😀", "ok",
         "", "'", '"', "\r\n"]
for t in tests:
    print(repr(t))
print([str(1), "a'b"], ("x",), {"k": "v'"})
print(str("already str"), str(None), str([1, "a"]))
print(repr(repr("x")), len(repr("x")))
print("%r %s" % ("a", "a"))
