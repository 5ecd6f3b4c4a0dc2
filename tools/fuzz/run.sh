#!/bin/sh
# run.sh: run one of Ouro's libFuzzer targets (build them first with `make fuzz`).
#
# Usage: sh tools/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags...]
#        sh tools/fuzz/run.sh merge TARGET      minimise build/fuzz/new-TARGET into the
#                                               committed corpus tools/fuzz/corpus/TARGET
#        sh tools/fuzz/run.sh seed              (re)build the seed corpora from tests/
# TARGET is compile, run or structured. Every test program is a seed: they are copied into
# build/fuzz/seed-TARGET at each run rather than committed twice. The committed corpus
# (tools/fuzz/corpus/TARGET) holds only inputs the fuzzer found, minimised by merge; it is
# read, never written by a run: new
# inputs go to build/fuzz/new-TARGET, findings (crash-*, leak-*, timeout-*, oom-*) to
# build/fuzz/artifacts/. The fuzzer runs in build/fuzz/scratch because programs may create
# files. Exit status: 0 when the run ended without a finding.
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
fz=$root/build/fuzz
corpus=$root/tools/fuzz/corpus

# seed must not assign $t: sh has no local variables, and the caller's $t names the target
# being run (an earlier version looped with $t here, so every run after seed used the
# structured target's seeds, corpus and artifact prefix).
seed() {
    for s in compile run structured; do
        rm -rf "$fz/seed-$s"
        mkdir -p "$fz/seed-$s" "$corpus/$s"
    done
    # Every test program is a seed; the compile target also gets the syntax-error tests.
    find tests -name '*.py' | sort | while read -r f; do
        k=$(printf '%s' "$f" | tr '/' '_')
        cp "$f" "$fz/seed-compile/$k"
        case $f in
        tests/syntax/*|tests/errors/syntax_*) ;;
        *) cp "$f" "$fz/seed-run/$k"; cp "$f" "$fz/seed-structured/$k" ;;
        esac
    done
}

case ${1:-} in
seed)
    seed
    exit 0
    ;;
merge)
    t=$2
    # Re-seeding would delete the seed folders under a fuzzer that is starting up.
    [ -d "$fz/seed-$t" ] || seed
    rm -rf "$corpus/$t.min"
    mkdir -p "$fz/scratch" "$fz/new-$t" "$corpus/$t.min"
    # The seeds go into the output folder first: merge then keeps only the inputs that add
    # coverage beyond the test suite, and the seeds (named tests_*) are taken out again.
    cp "$fz/seed-$t"/* "$corpus/$t.min/"
    cd "$fz/scratch"
    # The compile target is fast and finds tens of thousands of inputs that differ only in
    # hit counts: its corpus keeps the inputs that add new edges (-use_counters=0), a tenth of
    # the files for the same coverage.
    counters=1
    [ "$t" = compile ] && counters=0
    "$fz/fuzz_$t" -merge=1 -use_counters=$counters -timeout=60 -rss_limit_mb=2048 \
        "$corpus/$t.min" "$corpus/$t" "$fz/new-$t"
    find "$corpus/$t.min" -name 'tests_*' -exec rm -f {} +
    rm -rf "$corpus/$t"
    mv "$corpus/$t.min" "$corpus/$t"
    echo "merge: $(ls "$corpus/$t" | wc -l) inputs, $(du -sh "$corpus/$t" | cut -f1) in $corpus/$t"
    exit 0
    ;;
compile|run|structured)
    t=$1
    secs=$2
    shift 2
    ;;
*)
    echo "usage: sh tools/fuzz/run.sh compile|run|structured SECONDS [flags] | merge TARGET | seed" >&2
    exit 2
    ;;
esac

bin=$fz/fuzz_$t
[ -x "$bin" ] || { echo "run.sh: $bin missing: run make fuzz" >&2; exit 2; }
seed
mkdir -p "$fz/scratch" "$fz/new-$t" "$fz/artifacts"
cd "$fz/scratch"
max_len=4096
[ "$t" = compile ] && max_len=8192
# -timeout is wall-clock time: on a loaded shared machine a niced fuzzer may get a tenth of a
# core, and the slowest seeds (tests/crash/del_recursion.py frees a million nested lists) need
# about 12 CPU-seconds under ASan. A real hang never ends, so a generous limit still finds it.
exec nice "$bin" -max_total_time="$secs" -timeout=180 -rss_limit_mb=2048 -max_len=$max_len \
    -dict="$root/tools/fuzz/python.dict" -artifact_prefix="$fz/artifacts/$t-" \
    -print_final_stats=1 "$@" "$fz/new-$t" "$fz/seed-$t" "$corpus/$t"
