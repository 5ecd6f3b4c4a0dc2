#!/usr/bin/env python3
"""Ouro's benchmark driver (`make bench`, `make bench BENCH=fib`).

Runs every bench/NAME.py under Ouro and /usr/bin/python3, and bench/lua/NAME.lua under lua5.4
when both exist, interleaved round by round (ouro py lua, ouro py lua, ...) so that a load
change on the machine hits all three alike. Each Ouro run's stdout and exit status must equal
CPython's. Per program it prints the median seconds of each, Ouro's speedup over CPython and
over Lua (their time / Ouro's), and the peak RSS of Ouro and CPython (the largest ru_maxrss
over the rounds, from wait4). Then the start-up time (`-c pass`, median of 20) and, last, the
geometric means of the speedups.

Then the memory section (issue 8): each bench/memory/ program listed in MEMORY runs once under
Ouro and once under CPython, and their one-line figures are printed one above the other with the
peak RSS of each run; binary-trees' peak RSS is compared there too. `make bench BENCH=memory`
runs only this section; naming programs runs only them.

Usage: bench/run.py [OURO] [NAME...]   (NAME: a bench/NAME.py program, or "memory")
Environment: ROUNDS (default 3; 1 is the CI smoke run), CLOCK=cpu to time user+sys CPU seconds
instead of wall-clock (steadier on a loaded machine), NOLUA=1 to skip Lua.
Exit status 1 when an output differs or a program fails.
"""
import os
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
ouro = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./ouro")
only = [a for a in sys.argv[2:] if a]
rounds = max(1, int(os.environ.get("ROUNDS", "3")))
use_cpu = os.environ.get("CLOCK", "wall") == "cpu"
lua = None
if not os.environ.get("NOLUA"):
    lua = next((p for p in ("/usr/bin/lua5.4", "/usr/local/bin/lua5.4") if os.path.exists(p)), None)


SPAWN = os.path.abspath(os.environ.get("BENCH_SPAWN", "build/bench/spawn"))


def run(cmd):
    """Runs cmd through the spawn helper with stdout captured and stderr discarded; returns
    (seconds, stdout bytes, exit status, peak RSS in MB)."""
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as res, \
            open(os.devnull, "wb") as null:
        pid = os.posix_spawn(SPAWN, [SPAWN, res.name] + cmd, os.environ,
                             file_actions=[(os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                                           (os.POSIX_SPAWN_DUP2, null.fileno(), 2)])
        _, status = os.waitpid(pid, 0)
        line = res.read().split()
        if status != 0 or len(line) != 5:
            sys.exit(f"bench: the spawn helper failed on {cmd}")
        out.seek(0)
        data = out.read()
    wall, user, system, maxrss, code = float(line[0]), float(line[1]), float(line[2]), \
        int(line[3]), int(line[4])
    return (user + system if use_cpu else wall), data, code, maxrss / 1024.0


def startup(cmd, n=20):
    return statistics.median(run(cmd)[0] for _ in range(n)) * 1000


names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != "run.py")
# The memory section's programs (bench/memory/), in the order they are printed; the other files
# there (full_gc, young_gc, deep_free) are run by hand.
MEMORY = ["pause", "gc_build", "rss_return", "inst_size", "live_pairs"]
memory = not only or "memory" in only
only = [a for a in only if a != "memory"]
if "memory" in sys.argv[2:] and not only:
    names = []
if only:
    unknown = [n for n in only if n not in names]
    if unknown:
        sys.exit("bench: no such program: " + " ".join(unknown))
    names = [n for n in names if n in only]

ratios_py, ratios_lua, bad = [], [], 0
if names:
    clock = "cpu s" if use_cpu else "s"
    print(f"{rounds} round(s), medians in {'CPU' if use_cpu else 'wall-clock'} seconds; "
          f"speedup = other's time / ouro's; RSS = peak resident MB")
    head = (f"{'program':<14}{'ouro ' + clock:>10}{'py ' + clock:>10}{'lua ' + clock:>10}"
            f"{'vs py':>8}{'vs lua':>8}{'ouro MB':>9}{'py MB':>8}")
    print(head)
    print("-" * len(head))
    for name in names:
        cmds = {"ouro": [ouro, os.path.join(HERE, name + ".py")],
                "py": [PY, os.path.join(HERE, name + ".py")]}
        lua_file = os.path.join(HERE, "lua", name + ".lua")
        if lua and os.path.exists(lua_file):
            cmds["lua"] = [lua, lua_file]
        times = {k: [] for k in cmds}
        rss = {k: 0.0 for k in cmds}
        outs = {}
        for _ in range(rounds):
            for k, c in cmds.items():
                secs, out, rc, mb = run(c)
                times[k].append(secs)
                rss[k] = max(rss[k], mb)
                if k != "lua":
                    outs.setdefault(k, []).append((out, rc))
        ok = outs["py"][0][1] == 0 and all(o == outs["py"][0] for o in outs["ouro"])
        bad += not ok
        med = {k: statistics.median(v) for k, v in times.items()}
        rp = med["py"] / med["ouro"]
        ratios_py.append(rp)
        rl = med["lua"] / med["ouro"] if "lua" in med else None
        if rl:
            ratios_lua.append(rl)
        print(f"{name:<14}{med['ouro']:>10.3f}{med['py']:>10.3f}"
              f"{(format(med['lua'], '.3f') if 'lua' in med else '-'):>10}{rp:>7.2f}x"
              f"{(format(rl, '.2f') + 'x' if rl else '-'):>8}{rss['ouro']:>9.1f}{rss['py']:>8.1f}"
              f"{'' if ok else '  OUTPUT DIFFERS'}", flush=True)
    print("-" * len(head))
    st = [f"ouro {startup([ouro, '-c', 'pass']):.1f} ms", f"python3 {startup([PY, '-c', 'pass']):.1f} ms"]
    if lua:
        st.append(f"lua {startup([lua, '-e', '']):.1f} ms")
    print(f"start-up (-c pass, median of 20 {'CPU' if use_cpu else 'wall'}): " + ", ".join(st))
    gm = statistics.geometric_mean
    print(f"geometric mean speedup ({len(ratios_py)} programs): {gm(ratios_py):.2f}x vs CPython"
          + (f", {gm(ratios_lua):.2f}x vs Lua ({len(ratios_lua)} programs)" if ratios_lua else "")
          + f"; slowest vs CPython {min(ratios_py):.2f}x")


def memory_section():
    """Issue 8's figures, Ouro's line above CPython's, each with the run's peak RSS."""
    global bad
    print("memory (bench/memory/, one run each; MB = peak resident set)")
    progs = [(n, os.path.join(HERE, "memory", n + ".py")) for n in MEMORY]
    progs.append(("binarytrees", os.path.join(HERE, "binarytrees.py")))
    for name, path in progs:
        res = {}
        for k, exe in (("ouro", ouro), ("py", PY)):
            secs, out, rc, mb = run([exe, path])
            lines = out.decode(errors="replace").strip().splitlines()
            res[k] = (rc, lines[-1] if lines and name != "binarytrees" else "", mb)
        if res["py"][0] != 0 or res["ouro"][0] != 0:
            bad += 1
        for k in ("ouro", "py"):
            rc, line, mb = res[k]
            print(f"  {name if k == 'ouro' else '':<12}{k:<5}{mb:>8.1f} MB  "
                  f"{line if rc == 0 else 'FAILED (status %d)' % rc}")
        print(f"  {'':<12}peak RSS ouro/py {res['ouro'][2] / max(res['py'][2], 0.1):.2f}x", flush=True)


if memory:
    memory_section()
if bad:
    print(f"bench: {bad} program(s) that failed or whose Ouro output differs from CPython's",
          file=sys.stderr)
sys.exit(1 if bad else 0)
