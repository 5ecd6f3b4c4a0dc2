#!/bin/sh
# runtests.sh: run Ouro's test suite against a binary and compare with the expected outputs.
#
# Usage: sh tools/runtests.sh OURO_BINARY
#        OURO_TEST_FILTER=substring   only tests whose path contains substring
#        OURO_TEST_JOBS=N             parallel jobs (default: the number of cores)
#        OURO_TEST_DIFF_LINES=N       diff lines shown per failing comparison (default 12)
#
# Each tests/**/*.py (helper modules mod_*.py excepted) is run as
#     timeout 10 BINARY tests/AREA/NAME.py </dev/null
# from the repository root, and passes when
#   - its stdout equals NAME.exp if present (a hand-written, deliberate difference from CPython)
#     or else NAME.out (CPython's stdout, written by tools/mkexpected.sh);
#   - its stderr, normalised as in tools/mkexpected.sh, equals NAME.err when that exists;
#   - its exit status equals NAME.rc (0 when there is no .rc).
# Each tests/repl/*.repl transcript is run by tools/repltest.py through a pseudo-terminal and
# passes when the session matches it (OURO_REPL_TIMEOUT: seconds per wait, default 60).
# Prints one FAIL line (and a short diff) per failing test, then "N passed, N failed"; the
# exit status is 1 when anything failed. Running it with /usr/bin/python3 as the binary must
# pass everything except the .exp tests: that checks the expectations themselves.

# Internal entry point: one test, run by the xargs workers below.
# $2 = binary, $3 = results folder, $4 = test path.
if [ "$1" = "--one" ]; then
    bin=$2 res=$3 t=$4
    case $t in
    *.repl)
        # An interactive-session transcript, driven through a pty by tools/repltest.py.
        key=$(printf '%s' "$t" | tr '/' '_')
        if OURO_REPL_TIMEOUT=${OURO_REPL_TIMEOUT:-60} timeout 300 /usr/bin/python3 \
            tools/repltest.py "$bin" "$t" >"$res/$key.log" 2>&1; then
            : >"$res/$key.pass"
        else
            head -n $((${OURO_TEST_DIFF_LINES:-12} + 1)) "$res/$key.log" >"$res/$key.fail"
        fi
        rm -f "$res/$key.log"
        exit 0
        ;;
    esac
    base=${t%.py}
    key=$(printf '%s' "$t" | tr '/' '_')
    out=$res/$key.stdout
    err=$res/$key.stderr
    timeout "${OURO_TEST_TIMEOUT:-10}" "$bin" "$t" </dev/null >"$out" 2>"$err"
    rc=$?
    lines=${OURO_TEST_DIFF_LINES:-12}
    expout=$base.out
    [ -f "$base.exp" ] && expout=$base.exp
    exprc=0
    [ -f "$base.rc" ] && exprc=$(cat "$base.rc")
    why=""
    detail=$res/$key.detail
    : >"$detail"
    if [ $rc -eq 124 ]; then
        why="timeout"
    elif [ $rc -gt 128 ] && [ "$exprc" -le 128 ]; then
        why="crashed with signal $((rc - 128))"
    fi
    if [ ! -f "$expout" ]; then
        why="${why:+$why, }no $expout: run make expected"
    elif ! cmp -s "$expout" "$out"; then
        why="${why:+$why, }stdout differs"
        diff -u --label "$expout" --label stdout "$expout" "$out" | sed -n "3,$((lines + 2))p" \
            | sed 's/^/    /' >>"$detail"
    fi
    if [ -f "$base.err" ]; then
        # Normalise as tools/mkexpected.sh does: caret lines (outside tests/syntax/),
        # addresses, and the repository root prefix of absolute paths.
        root_re=$(pwd | sed 's/[][\\.*^$|/]/\\&/g')
        case $t in
        tests/syntax/*) cat "$err" ;;
        *) grep -v -E '^[ ~^]*[~^][ ~^]*$' <"$err" ;;
        esac | sed -E -e 's/ at 0x[0-9a-fA-F]+/ at 0x?/g' -e "s|$root_re/||g" >"$err.n"
        if ! cmp -s "$base.err" "$err.n"; then
            why="${why:+$why, }stderr differs"
            diff -u --label "$base.err" --label stderr "$base.err" "$err.n" \
                | sed -n "3,$((lines + 2))p" | sed 's/^/    /' >>"$detail"
        fi
    fi
    if [ "$rc" != "$exprc" ] && [ $rc -ne 124 ]; then
        why="${why:+$why, }exit status $rc, expected $exprc"
        # A crash or an unexpected error usually explains itself on stderr: show its end.
        if [ ! -f "$base.err" ] && [ -s "$err" ]; then
            tail -n 4 "$err" | sed 's/^/    stderr: /' >>"$detail"
        fi
    fi
    if [ -n "$why" ]; then
        { echo "FAIL $t ($why)"; cat "$detail"; } >"$res/$key.fail"
    else
        : >"$res/$key.pass"
    fi
    rm -f "$out" "$err" "$err.n" "$detail"
    exit 0
fi

if [ $# -ne 1 ]; then
    echo "usage: sh tools/runtests.sh OURO_BINARY" >&2
    exit 2
fi
bin=$1
# The tests run from the repository root: make a relative binary path absolute first. A bare
# name is taken from the current folder when such a file exists (make passes "ouro"), else
# from PATH.
case $bin in
/*) ;;
*/*) bin=$PWD/$bin ;;
*) [ -f "$bin" ] && bin=$PWD/$bin ;;
esac
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.." || exit 2
# Only matters when the binary is CPython itself: no __pycache__/ beside the mod_*.py helpers.
export PYTHONDONTWRITEBYTECODE=1

jobs=${OURO_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}
res=$(mktemp -d) || exit 2
trap 'rm -rf "$res"' EXIT
trap 'exit 130' INT TERM

find tests \( -name '*.py' ! -name 'mod_*.py' ! -path 'tests/repl/*' \) -o -name '*.repl' \
    | LC_ALL=C sort | grep -F -e "${OURO_TEST_FILTER:-}" >"$res/list"
# tests/repl/*.repl are interactive sessions (see tools/repltest.py), run by the same workers.

xargs -r -P "$jobs" -n 1 sh "$script" --one "$bin" "$res" <"$res/list"

passed=$(find "$res" -name '*.pass' | wc -l)
failed=$(find "$res" -name '*.fail' | wc -l)
# The step/demo checks (tests/demo/run.sh) have their own driver; their counts join the totals
# so that the last line covers everything `make test` ran.
if [ -z "${OURO_TEST_FILTER:-}" ] && [ -f tests/demo/run.sh ]; then
    sh tests/demo/run.sh "$bin" >"$res/demo.log" 2>&1
    dp=$(tail -n 1 "$res/demo.log" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\1/p')
    df=$(tail -n 1 "$res/demo.log" | sed -n 's/.*[^0-9]\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed.*/\2/p')
    if [ -z "$dp" ] || [ -z "$df" ]; then
        dp=0
        df=1
    fi
    [ "$df" -ne 0 ] && sed '$d' "$res/demo.log"
    passed=$((passed + dp))
    failed=$((failed + df))
fi
# Report failures in test order, whatever order the workers finished in.
for f in $(find "$res" -name '*.fail' | LC_ALL=C sort); do
    cat "$f"
done
echo "$((passed)) passed, $((failed)) failed"
[ "$failed" -eq 0 ]
