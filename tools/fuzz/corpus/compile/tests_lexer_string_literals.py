# String literal forms: quotes, triple quotes, raw strings, prefixes.
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print("""triple
double""")
print('''triple
single''')
print("""has "quotes" and 'apostrophes' inside""")
print(r"raw \n stays", R'raw \t too')
print(r"\\", len(r"\\"))
print(r"C:\new\table")
print(u"unicode prefix", U"upper")
print('', "", '''''', """""")
print(len(''), len("a"))
s = """line1
line2\
still line2"""
print(s)
print(repr(s))
