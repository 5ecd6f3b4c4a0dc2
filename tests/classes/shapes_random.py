# A fixed pseudo-random mix of attribute stores, loads, deletions, __dict__ use and class
# changes on instances of a few classes, through the same code sites (so their inline caches
# see every state), checked against a plain dict model kept beside each instance.
state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n


class A:
    def __init__(self):
        self.a0 = 0


class B(A):
    def __init__(self):
        A.__init__(self)
        self.b0 = 1


class C:
    pass


NAMES = ["a0", "b0", "x", "y", "z", "w", "long_attribute_name", "k1", "k2", "k3"]
objs = []
models = []
for i in range(12):
    o = [A, B, C][i % 3]()
    objs.append(o)
    models.append(dict(vars(o)))


def store(o, v):
    o.x = v


def load(o):
    return o.x


log = []
for step in range(6000):
    i = rand(len(objs))
    o, m = objs[i], models[i]
    op = rand(10)
    name = NAMES[rand(len(NAMES))]
    if op < 3:
        setattr(o, name, step)
        m[name] = step
    elif op < 5:
        store(o, step)
        m["x"] = step
    elif op == 5:
        got = load(o) if "x" in m else "absent"
        want = m.get("x", "absent")
        if not hasattr(o, "x"):
            got = "absent"
        if got != want:
            log.append(("load", step, got, want))
    elif op == 6 and rand(6) == 0:
        if name in m:
            delattr(o, name)
            del m[name]
        else:
            try:
                delattr(o, name)
                log.append(("deleted missing", step, name))
            except AttributeError:
                pass
    elif op == 7:
        if rand(8) == 0:
            vars(o)[name + "_v"] = step
            m[name + "_v"] = step
    elif op == 8:
        if rand(3) == 0:
            fresh = [A, B, C][rand(3)]()
            objs[i] = fresh
            models[i] = dict(vars(fresh)) if rand(2) else {}
            if not models[i]:
                for k in list(vars(fresh)):
                    models[i][k] = getattr(fresh, k)
    elif rand(40) == 0:
        if list(vars(o).items()) != list(m.items()):
            log.append(("order", step, i))
    else:
        for k in m:
            if getattr(o, k) != m[k]:
                log.append(("value", step, i, k))
print(len(log), log[:5])
print([sorted(vars(o)) == sorted(m) for o, m in zip(objs, models)])
print([list(vars(o).items()) == list(m.items()) for o, m in zip(objs, models)])
print(sum(len(m) for m in models))
