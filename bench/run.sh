#!/bin/sh
# make bench [BENCH=name]: installs lua5.4 when missing (as root), builds the small spawn
# helper (bench/spawn.c: exact per-process peak RSS and times via wait4), then runs
# bench/run.py. Environment: ROUNDS, CLOCK=cpu, NOLUA (see bench/run.py).
if ! command -v lua5.4 >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq lua5.4 >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq lua5.4 >/dev/null 2>&1; } || true
fi
dir=$(dirname "$0")
mkdir -p build/bench
if [ ! -x build/bench/spawn ] || [ "$dir/spawn.c" -nt build/bench/spawn ]; then
    ${CC:-cc} -O2 -Wall -o build/bench/spawn "$dir/spawn.c" || exit 1
fi
exec /usr/bin/python3 "$dir/run.py" "${OURO:-./ouro}" "$@"
