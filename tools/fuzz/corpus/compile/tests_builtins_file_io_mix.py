# file I/O: modes, iteration, readline(s), errors
path = "/tmp/ouro_test_fio_mix.txt"
with open(path, "w") as f:
    n = f.write("alpha\nbeta\n")
    f.write("gamma")
    print(n, f.closed, f.name, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, "a") as f:
    print(f.write("\ndelta\n"))
with open(path, "r") as f:
    print(repr(f.readline()), repr(f.readline(2)), repr(f.readline()))
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, line.rstrip("\n"))
with open(path) as f:
    lines = [l.strip() for l in f if l.strip()]
print(lines, len(lines))
f = open(path)
print(f.read(3), f.read(0) == "", f.read(100).count("\n"))
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
with open(path, "w", encoding="utf-8") as f:
    f.writelines(["é\n", "中文\n"])
with open(path, encoding="utf-8") as f:
    data = f.read()
print(data, len(data))
try:
    open("/nonexistent_dir/x.txt", "w")
except FileNotFoundError as e:
    print("FileNotFoundError:", e)
try:
    open(path, "q")
except ValueError as e:
    print("ValueError:", e)
try:
    with open(path) as f:
        f.write("x")
except Exception as e:
    print(type(e).__name__, e)
print(print("x", file=open(path, "w")) is None)
with open(path) as f:
    print(repr(f.read()))
