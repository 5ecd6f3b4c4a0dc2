# open(): write, read, append, readline(s), iteration by line, with, closed state.
path = "/tmp/ouro_test_open_files.txt"
with open(path, "w") as f:
    n = f.write("line one\n")
    f.write("line two\n")
    f.write("ünïcödé line\n")
print(n)
with open(path) as f:
    print(repr(f.read()))
with open(path, "a") as f:
    f.write("appended\n")
f = open(path, "r")
print(repr(f.readline()), repr(f.readline()))
print(f.readlines())
print(repr(f.read()), repr(f.readline()))
f.close()
print(f.closed)
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"), len(line))
with open(path) as f:
    print(list(f)[-1])
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
try:
    open("/tmp/ouro_no_such_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
with open(path, "w") as f:
    print("via print", 42, file=f)
with open(path) as f:
    print(f.read(), end="")
