#!/bin/sh
# mkexpected.sh: regenerate the expected outputs of tests/ with CPython 3.11, the oracle.
#
# For every tests/**/*.py (helper modules named mod_*.py excepted) this runs
#     timeout 10 /usr/bin/python3 tests/AREA/NAME.py </dev/null
# from the repository root, so that paths in tracebacks are the same relative paths Ouro prints,
# and writes next to the test:
#     NAME.out   CPython's stdout (always);
#     NAME.err   CPython's stderr, only when the exit status is nonzero, normalised (see below);
#     NAME.rc    the exit status, only when it is nonzero.
# A test that has a hand-written NAME.exp (a deliberate difference of Ouro) is left alone.
#
# Normalisation of stderr, shared with tools/runtests.sh (keep the two in step):
#   - lines made only of spaces, '^' and '~' are CPython 3.11's fine-grained error markers,
#     which Ouro does not print; they are dropped, except under tests/syntax/, where the caret
#     of a SyntaxError is part of what is checked;
#   - object addresses ("at 0x7f3a...") vary from run to run and are replaced by "at 0x?";
#   - CPython 3.11 names the main script by its absolute path in tracebacks (File "/.../tests/
#     x.py"); the repository root prefix is removed so that the expectations do not depend on
#     where the tree is checked out, and Ouro may print either form.
#
# Usage: sh tools/mkexpected.sh [substring]   (only tests whose path contains substring)

PYTHON=${PYTHON:-/usr/bin/python3}
# Importing the mod_*.py helpers must not leave __pycache__/ folders in the tree.
export PYTHONDONTWRITEBYTECODE=1
cd "$(dirname "$0")/.." || exit 2
filter=${1:-${OURO_TEST_FILTER:-}}

# The repository root as a sed regular expression (its special characters escaped).
root_re=$(pwd | sed 's/[][\\.*^$|/]/\\&/g')
normalise_err() { # $1 = test path; stdin -> stdout
    case $1 in
    tests/syntax/*) cat ;;
    *) grep -v -E '^[ ~^]*[~^][ ~^]*$' ;;
    esac | sed -E -e 's/ at 0x[0-9a-fA-F]+/ at 0x?/g' -e "s|$root_re/||g"
}

n=0
skipped=0
for t in $(find tests -name '*.py' ! -name 'mod_*.py' ! -path 'tests/repl/*' | LC_ALL=C sort); do
    case $t in *"$filter"*) ;; *) continue ;; esac
    base=${t%.py}
    if [ -f "$base.exp" ]; then
        skipped=$((skipped + 1))
        continue
    fi
    errtmp=$(mktemp) || exit 2
    timeout 10 "$PYTHON" "$t" </dev/null >"$base.out" 2>"$errtmp"
    rc=$?
    if [ $rc -ne 0 ]; then
        normalise_err "$t" <"$errtmp" >"$base.err"
        echo $rc >"$base.rc"
        [ $rc -eq 124 ] && echo "warning: $t timed out under CPython" >&2
    else
        # Stderr of a test that exits with status 0 is not compared (print(file=sys.stderr)
        # tests rely on this), so no .err is kept for it.
        rm -f "$base.err" "$base.rc"
    fi
    rm -f "$errtmp"
    n=$((n + 1))
done
echo "mkexpected: $n expected outputs written, $skipped tests with a hand-written .exp skipped"
