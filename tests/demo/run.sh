#!/bin/sh
# run.sh: tests of `ouro --step` and `ouro --demo` (demo/), run by `make test` after the
# script tests. Usage: sh tests/demo/run.sh OURO_BINARY [--update]
#
# - tests/demo/step_*.py stepped with --no-pause: stdout must equal step_*.steps (and, with
#   --ascii, step_*.ascii when that exists); the exit status that of a plain run (.rc);
# - `ouro --demo --no-pause` must equal demo.steps, and `ouro --demo | cat` (not a terminal,
#   no option) the same with status 0;
# - --dot DIR writes one Graphviz file per step, parsed back (and rendered when `dot` exists);
# - keys on a terminal (Enter, c, q, ?), colour and width: tests/demo/mod_pty_keys.py;
# - the examples the demo embeds print under Ouro what they print under CPython.
# Two things are masked before comparing, as they change with unrelated work on the
# interpreter: the number of tracked objects a collection examines, and generation numbers
# (which depend on when automatic collections happen).
# --update rewrites the expectations from the binary's output: read them before committing.

bin=$1
update=$2
case $bin in
/*) ;;
*/*) bin=$PWD/$bin ;;
*) [ -f "$bin" ] && bin=$PWD/$bin ;;
esac
cd "$(dirname "$0")/../.." || exit 2
unset COLUMNS NO_COLOR
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

mask() {
    sed -E -e 's/[0-9]+ tracked objects/N tracked objects/' -e 's/gen [0-9]/gen ?/g'
}

# A GC-stress build collects at every allocation: cycles die before gc.collect() and the
# collector's phases show up everywhere, so exact transcripts are not compared there.
exact=yes
case $bin in *gcstress*) exact=no ;; esac

# check NAME EXPECTED_FILE ACTUAL_FILE
check() {
    [ $exact = no ] && return
    if [ "$update" = "--update" ]; then
        cp "$3" "$2"
    fi
    if cmp -s "$2" "$3"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1"
        diff -u --label "$2" --label "$1" "$2" "$3" | sed -n '3,20p' | sed 's/^/    /'
    fi
}

# ok NAME CONDITION-STATUS
ok() {
    if [ "$2" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $1"
    fi
}

for t in tests/demo/step_*.py; do
    base=${t%.py}
    exprc=0
    [ -f "$base.rc" ] && exprc=$(cat "$base.rc")
    timeout 20 "$bin" --step --no-pause "$t" </dev/null 2>"$tmp/err" | mask >"$tmp/out"
    check "$t (--step)" "$base.steps" "$tmp/out"
    timeout 20 "$bin" --step --no-pause "$t" </dev/null >/dev/null 2>&1
    ok "$t (--step exit status $? expected $exprc)" $([ $? -eq "$exprc" ] && echo 0 || echo 1)
    if [ -f "$base.ascii" ] || { [ "$update" = "--update" ] && [ "$t" = tests/demo/step_cycles.py ]; }; then
        timeout 20 "$bin" --step --no-pause --ascii "$t" </dev/null 2>/dev/null | mask >"$tmp/out"
        check "$t (--step --ascii)" "$base.ascii" "$tmp/out"
        LC_ALL=C grep -n '[^ -~]' "$tmp/out" | grep -v -e '被' -e '显式' >"$tmp/nonascii"
        ok "$t (--ascii draws with ASCII only)" $([ -s "$tmp/nonascii" ] && echo 1 || echo 0)
    fi
done

timeout 60 "$bin" --demo --no-pause </dev/null 2>&1 | mask >"$tmp/demo"
check "ouro --demo --no-pause" tests/demo/demo.steps "$tmp/demo"
timeout 60 "$bin" --demo </dev/null 2>&1 | cat >"$tmp/piped"
st=$?
mask <"$tmp/piped" >"$tmp/piped.m"
ok "ouro --demo | cat (exit status)" $st
check "ouro --demo | cat" tests/demo/demo.steps "$tmp/piped.m"
for w in 'John 被销毁' 'Mary 被销毁' '◀─────▶'; do
    grep -q "$w" "$tmp/demo"
    ok "ouro --demo shows '$w'" $?
done

# --dot: the step after `mary.friend = john` holds the John <-> Mary cycle.
timeout 20 "$bin" --step --no-pause --dot "$tmp/dot" examples/person_friend.py </dev/null >/dev/null 2>&1
python3 - "$tmp/dot" <<'PY'
import os, re, sys
d = sys.argv[1]
files = sorted(os.listdir(d))
assert files == ['step-%03d.dot' % i for i in range(1, 11)], files
src = open(os.path.join(d, 'step-006.dot'), encoding='utf-8').read()
assert src.startswith('digraph ') and src.rstrip().endswith('}'), src
nodes = dict(re.findall(r'^\s*(n\d+) \[label="([^"]*)"', src, re.M))
edges = re.findall(r'^\s*(n\d+) -> (n\d+) \[label="([^"]*)"\]', src, re.M)
john = [n for n, l in nodes.items() if l.startswith("@1 Person 'John'")]
mary = [n for n, l in nodes.items() if l.startswith("@2 Person 'Mary'")]
assert len(john) == 1 and len(mary) == 1, nodes
assert 'refcount 2' in nodes[john[0]] and 'refcount 2' in nodes[mary[0]], nodes
assert (john[0], mary[0], '.friend') in edges and (mary[0], john[0], '.friend') in edges, edges
names = re.findall(r'^\s*name\d+ \[shape=plaintext, style="", label="(\w+)"\];', src, re.M)
assert names == ['john', 'mary'], names
last = open(os.path.join(d, 'step-008.dot'), encoding='utf-8').read()
assert last.count('dashed') == 2, last  # both drawn as garbage
PY
st=$?
[ $exact = no ] || ok "--dot writes one parseable Graphviz file per step" $st
if command -v dot >/dev/null 2>&1; then
    dot -Tpng -o "$tmp/g.png" "$tmp/dot/step-006.dot" && head -c 8 "$tmp/g.png" | od -An -c | grep -q 'P   N   G'
    ok "--dot output renders as PNG" $?
fi

# objgraph's images: rendered through `dot` when installed, else a clear message and the .dot.
code="import objgraph; objgraph.show_refs([[1]], filename='$tmp/og.png')"
PATH=/nonexistent "$bin" -c "$code" >"$tmp/og.txt" 2>&1
grep -q "Image renderer (dot) not found" "$tmp/og.txt" && grep -q "^digraph" "$tmp/og.dot"
ok "objgraph.show_refs(filename=x.png) without dot says so" $?
if command -v dot >/dev/null 2>&1; then
    rm -f "$tmp/og.png"
    "$bin" -c "$code" >"$tmp/og.txt" 2>&1
    head -c 8 "$tmp/og.png" | od -An -c | grep -q 'P   N   G'
    ok "objgraph.show_refs(filename=x.png) renders a PNG" $?
fi

python3 tests/demo/mod_pty_keys.py "$bin"
ok "keys on a terminal (tests/demo/mod_pty_keys.py)" $?

for f in examples/*.py; do
    "$bin" "$f" >"$tmp/o1" 2>&1
    python3 "$f" >"$tmp/o2" 2>&1
    cmp -s "$tmp/o1" "$tmp/o2"
    ok "$f prints what CPython prints" $?
done

echo "demo: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
