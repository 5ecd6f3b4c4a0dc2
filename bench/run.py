#!/usr/bin/env python3
"""Runs each benchmark under Ouro, CPython and Lua 5.4, interleaved (A B C A B C ...), checks
Ouro's output against CPython's, and prints the median time, the speed ratios and peak RSS.
Usage: bench/run.py [OURO] [NAME...]   (env ROUNDS, default 3)."""
import os, resource, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ouro = sys.argv[1] if len(sys.argv) > 1 else "./ouro"
only = sys.argv[2:]
rounds = int(os.environ.get("ROUNDS", "3"))
lua = next((p for p in ("/usr/bin/lua5.4", "/usr/local/bin/lua5.4") if os.path.exists(p)), None)


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = p.communicate()
    dt = time.perf_counter() - t0
    return dt, out, p.returncode


def peak_rss(cmd):
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.execv(cmd[0], cmd)
    _, _, ru = os.wait4(pid, 0)
    return ru.ru_maxrss / 1024.0


names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")
if only:
    names = [n for n in names if n in only]
print(f"{'program':<16}{'ouro s':>9}{'cpython s':>11}{'lua s':>8}{'vs py':>8}{'vs lua':>8}"
      f"{'RSS MB':>8}{'py MB':>8}")
ratios_py, ratios_lua, bad = [], [], 0
for name in names:
    py_file = os.path.join(HERE, name + ".py")
    lua_file = os.path.join(HERE, "lua", name + ".lua")
    cmds = {"ouro": [ouro, py_file], "py": ["/usr/bin/python3", py_file]}
    if lua and os.path.exists(lua_file):
        cmds["lua"] = [lua, lua_file]
    times = {k: [] for k in cmds}
    outs = {}
    for _ in range(rounds):
        for k, c in cmds.items():
            dt, out, rc = run(c)
            times[k].append(dt)
            outs[k] = (out, rc)
    ok = outs["ouro"] == outs["py"]
    if not ok:
        bad += 1
    med = {k: statistics.median(v) for k, v in times.items()}
    rp = med["py"] / med["ouro"]
    ratios_py.append(rp)
    rl = med["lua"] / med["ouro"] if "lua" in med else None
    if rl:
        ratios_lua.append(rl)
    rss = peak_rss(cmds["ouro"])
    rss_py = peak_rss(cmds["py"])
    print(f"{name:<16}{med['ouro']:>9.3f}{med['py']:>11.3f}"
          f"{(format(med['lua'], '.3f') if 'lua' in med else '-'):>8}{rp:>7.2f}x"
          f"{(format(rl, '.2f') + 'x' if rl else '-'):>8}{rss:>8.1f}{rss_py:>8.1f}"
          f"{'' if ok else '  OUTPUT DIFFERS'}")
st = []
for _ in range(20):
    t0 = time.perf_counter()
    subprocess.run([ouro, "-c", "pass"])
    st.append(time.perf_counter() - t0)
gm = statistics.geometric_mean
print(f"start-up (ouro -c pass, median of 20): {statistics.median(st) * 1000:.1f} ms")
print(f"geometric mean speedup: {gm(ratios_py):.2f}x vs CPython"
      + (f", {gm(ratios_lua):.2f}x vs Lua" if ratios_lua else ""))
sys.exit(1 if bad else 0)
