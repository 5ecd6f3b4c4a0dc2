# f-strings: expressions, nesting of quotes, doubled braces.
name = "World"
n = 42
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{n * 2}")
print(f"{'single'} {'y'}", f'{"double"}', f"""{'a' + "b"}""")
print(f"{{}} {{{n}}} }}{{")
print(f"{[1, 2, 3]} {(1,)} {dict(a=1)} {None} {True}")
print(f"{name.upper()} {len(name)} {name[1:3]} {name[-1]}")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{items[0]}{items[1]}")
print(F"upper F {n}", rf"raw \n {n}", fr"{n}\t")
x = 3
print(f"{x if x > 2 else -x}", f"{(lambda y: y * 2)(x)}")
print(f"{x}{x}{x}", f"a{x}b{x}c")
print(f"""triple {x}
second line {x + 1}""")
print(f"{'nested ' + f'{x}'}")
d = {"key": "value"}
print(f"{d['key']}", f"{d}")
print(f"{3.0}", f"{0.1 + 0.2}", f"{1e16}", f"{-0.0}")
