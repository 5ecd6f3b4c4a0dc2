#!/bin/sh
# valgrind.sh: run a representative subset of the test suite under valgrind memcheck.
#
# Usage: sh tools/valgrind.sh [OURO_BINARY]    (default build/shared/ouro: make MODE=shared)
#        OURO_VG_ALL=1      every test instead of the subset
#        OURO_VG_FILTER=s   only tests whose path contains s
#        OURO_TEST_JOBS=N   parallel valgrinds (default: the number of cores)
#
# A test passes when memcheck reports 0 errors (invalid reads/writes, uses of uninitialised
# values, bad frees) and 0 bytes definitely or indirectly lost, and nothing is still reachable
# at exit (Ouro frees everything it allocated in vm_finalize; the C library's own buffers are
# released by valgrind's --run-libc-freeres). Its output is not compared here: the normal
# suite does that. The subset is every sixth test of every area (sorted), plus every test of
# tests/crash/ and tests/memory/: at least 60 scripts, a few minutes on 2 cores.
set -u
bin=${1:-build/shared/ouro}
cd "$(dirname "$0")/.." || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind.sh: valgrind is not installed" >&2
    exit 2
fi
if [ ! -x "$bin" ]; then
    echo "valgrind.sh: no binary $bin (run make first)" >&2
    exit 2
fi
# Memcheck replaces malloc by interposing on the C library's shared object: in a static binary
# (the release ./ouro) it sees no allocation at all, so every test would pass unchecked.
if ! ldd "$bin" >/dev/null 2>&1; then
    echo "valgrind.sh: $bin is statically linked; memcheck needs MODE=shared's build/shared/ouro" >&2
    exit 2
fi
res=$(mktemp -d "${TMPDIR:-/tmp}/ouro_vg.XXXXXX")
trap 'rm -rf "$res"' EXIT

# The subset.
find tests -name '*.py' ! -name 'mod_*' | sort | awk -v all="${OURO_VG_ALL:-0}" '
    { area = $0; sub("/[^/]*$", "", area); n[area]++ }
    all == 1 || area ~ /tests\/(crash|memory)$/ || n[area] % 6 == 1 { print }' |
    grep -F -- "${OURO_VG_FILTER:-}" >"$res/list"

# One test: valgrind's report goes to its own file; the summary lines decide.
cat >"$res/one.sh" <<'EOF'
bin=$1 res=$2 t=$3
key=$(printf '%s' "$t" | tr '/' '_')
log=$res/$key.vg
timeout 600 valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=all \
    --errors-for-leak-kinds=definite,indirect --run-libc-freeres=yes \
    --log-file="$log" "$bin" "$t" </dev/null >/dev/null 2>&1
rc=$?
why=""
[ $rc -eq 124 ] && why="timeout"
[ $rc -eq 99 ] && why="memcheck errors"
grep -q "still reachable: [1-9]" "$log" && why="${why:+$why, }still reachable at exit"
grep -q "definitely lost: [1-9]\|indirectly lost: [1-9]" "$log" && why="${why:+$why, }leak"
grep -q "Invalid \|uninitialised\|Mismatched free\|invalid free" "$log" && why="${why:+$why, }memcheck errors"
if [ -n "$why" ]; then
    { echo "FAIL $t ($why)"; sed -n '1,40p' "$log" | sed 's/^/    /'; } >"$res/$key.fail"
else
    : >"$res/$key.pass"
fi
EOF
jobs=${OURO_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
tr '\n' '\0' <"$res/list" | xargs -0 -n 1 -P "$jobs" sh "$res/one.sh" "$bin" "$res"
cat "$res"/*.fail 2>/dev/null
npass=$(find "$res" -name '*.pass' | wc -l)
nfail=$(find "$res" -name '*.fail' | wc -l)
echo "valgrind: $npass passed, $nfail failed ($(wc -l <"$res/list") scripts)"
[ "$nfail" -eq 0 ]
