# A comment on the first line.
#!not a shebang here, just a comment
x = 1  # trailing comment
# comment with "quotes" and 'quotes' and # hashes
print(x)  # print it
s = "# not a comment inside a string"
print(s)
t = '''
# also not a comment
'''
print(repr(t))
def f():
    # comment as first line of a body
    return 2
    # comment after return
print(f())
if x:
    pass
    # trailing comment in block
# comment at column 0 after a block
print("end")
#
#    
print(len("#"))
