#!/bin/sh
# signals_limits.sh: the hostile-program checks that a .py test cannot express, because they
# need a signal from outside, a pipe, or a resource limit set before the interpreter starts.
#
# Usage: sh tests/crash/signals_limits.sh [OURO_BINARY]     (default ./ouro)
# Prints one line per check and "N passed, N failed"; status 1 if anything failed.
#   - SIGINT during a loop raises KeyboardInterrupt at a safe point: a handler catches it, or,
#     uncaught, the traceback ends in "KeyboardInterrupt" and the process dies by SIGINT (130),
#     as CPython does; also during time.sleep(), inside a key function called by sorted(),
#     while list() drains an endless iterator (a Python class, iter(callable, sentinel)), and
#     while list.sort() calls a short Python key function or __lt__ millions of times.
#   - `ouro x.py | head -1`: the first line arrives, nothing is written to stderr, and the
#     status is a quiet one (0, 1, or death by SIGPIPE, 141), never a crash.
#   - Under `ulimit -v` (setrlimit RLIMIT_AS), allocations that do not fit raise MemoryError
#     and the program continues.
bin=${1:-./ouro}
tmp=${TMPDIR:-/tmp}/ouro_sig.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# A process started with SIGINT ignored (a background job of a non-interactive shell) keeps
# ignoring it, as CPython does; give the interpreter the default disposition to start from.
dflt=""
env --default-signal=INT true 2>/dev/null && dflt="env --default-signal=INT"
check() { # name, condition result (0 = ok), detail
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "ok   $1"
    else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}

# 1. SIGINT caught by a handler (the loop has a condition: CPython drops the handler of an
#    infinite `while True` as unreachable code).
cat >"$tmp/catch.py" <<'PY'
n = 0
try:
    while n >= 0:
        n += 1
except KeyboardInterrupt:
    print("caught")
print("after")
PY
out=$($dflt timeout -k 5 -s INT 1 "$bin" "$tmp/catch.py" 2>"$tmp/err"; echo "rc=$?")
[ "$out" = "$(printf 'caught\nafter\nrc=124')" ] && [ ! -s "$tmp/err" ]
check "SIGINT caught as KeyboardInterrupt" $? "$out / $(cat "$tmp/err")"

# 2. SIGINT uncaught: traceback, last line KeyboardInterrupt, death by SIGINT.
printf 'n = 0\nwhile n >= 0:\n    n += 1\n' >"$tmp/loop.py"
$dflt timeout -k 5 --preserve-status -s INT 1 "$bin" "$tmp/loop.py" 2>"$tmp/err"
rc=$?
last=$(tail -n 1 "$tmp/err")
[ $rc -eq 130 ] && [ "$last" = "KeyboardInterrupt" ]
check "SIGINT uncaught: KeyboardInterrupt, status 130" $? "status $rc, stderr ends '$last'"

# 3. SIGINT during time.sleep.
printf 'import time\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print("caught sleep")\n' >"$tmp/sleep.py"
out=$($dflt timeout -k 5 -s INT 1 "$bin" "$tmp/sleep.py" 2>&1)
[ "$out" = "caught sleep" ]
check "SIGINT during time.sleep" $? "$out"

# 4. SIGINT in a function called from C code (a key function of sorted()).
cat >"$tmp/deep.py" <<'PY'
def key(v):
    n = 0
    while n < 10**6:
        n += 1
    return v
try:
    sorted(range(10**6), key=key)
except KeyboardInterrupt:
    print("caught in key")
PY
out=$($dflt timeout -k 5 -s INT 1 "$bin" "$tmp/deep.py" 2>&1)
[ "$out" = "caught in key" ]
check "SIGINT inside a callback from C" $? "$out"

# Runs "$bin" "$@" in the background with its output in $tmp/out, sends SIGINT once the
# program has printed "ready" (so the signal lands in the operation under test, not in the
# set-up), waits for it, and sets $out to its output.
interrupt_when_ready() {
    rm -f "$tmp/out"
    $dflt "$bin" "$@" >"$tmp/out" 2>&1 &
    pid=$!
    i=0
    while [ $i -lt 300 ] && ! grep -q ready "$tmp/out" 2>/dev/null; do
        sleep 0.1
        i=$((i + 1))
    done
    sleep 0.5
    kill -INT $pid 2>/dev/null
    wait $pid
    out=$(cat "$tmp/out")
}

# 4b. SIGINT while list() drains an endless iterator: a Python iterator class, and a callable
#     iterator over a Python function (each __next__ or call from C is a safe point).
cat >"$tmp/endless.py" <<'PY'
import sys
class Endless:
    def __iter__(self):
        return self
    def __next__(self):
        return 0
it = Endless() if sys.argv[1] == "class" else iter(lambda: None, 1)
print("ready", flush=True)
try:
    list(it)
except KeyboardInterrupt:
    print("caught in list", sys.argv[1])
PY
for how in class callable; do
    interrupt_when_ready "$tmp/endless.py" $how
    [ "$out" = "$(printf 'ready\ncaught in list %s' $how)" ]
    check "SIGINT during list(endless $how iterator)" $? "$out"
done

# 4c. SIGINT during a long sort whose key function or __lt__ is Python code that returns at
#     once: the interrupt arrives between two calls from C, and the list is left whole.
cat >"$tmp/sort.py" <<'PY'
import sys
class K:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
if sys.argv[1] == "key":
    n = 10**7
    l = list(range(n))
else:
    n = 10**6
    l = [K((i * 7919) % 1000003) for i in range(n)]
print("ready", flush=True)
try:
    if sys.argv[1] == "key":
        l.sort(key=lambda v: -v)
    else:
        l.sort()
    print("sorted before the signal (make the list longer)")
except KeyboardInterrupt:
    print("caught in sort", len(l) == n)
PY
for how in key lt; do
    interrupt_when_ready "$tmp/sort.py" $how
    [ "$out" = "$(printf 'ready\ncaught in sort True')" ]
    check "SIGINT during list.sort with a Python $how" $? "$out"
done

# 5. Broken pipe on stdout.
printf 'for i in range(10**6):\n    print(i)\n' >"$tmp/pipe.py"
first=$("$bin" "$tmp/pipe.py" 2>"$tmp/err" | head -n 1)
[ "$first" = "0" ] && [ ! -s "$tmp/err" ]
check "print | head -1 exits quietly" $? "first line '$first', stderr: $(head -c 300 "$tmp/err")"
rc=$( ("$bin" "$tmp/pipe.py" 2>/dev/null; echo $? >"$tmp/rc") | head -n 1 >/dev/null; cat "$tmp/rc")
[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || [ "$rc" -eq 141 ]
check "print | head -1 status" $? "status $rc"

# 6. setrlimit memory cap: MemoryError, and the program continues.
cat >"$tmp/cap.py" <<'PY'
kept = []
try:
    while True:
        kept.append([0] * 1000000)
except MemoryError:
    n = len(kept)
    kept = None
    print("MemoryError after", "many" if n > 5 else n, "blocks")
try:
    s = "x" * (600 * 1024 * 1024)
except MemoryError:
    print("MemoryError str")
print(sum(range(1000)))
PY
out=$( (ulimit -v 400000; timeout 60 "$bin" "$tmp/cap.py") 2>&1)
[ "$out" = "$(printf 'MemoryError after many blocks\nMemoryError str\n499500')" ]
check "ulimit -v memory cap: MemoryError, program continues" $? "$out"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
