#!/bin/sh
# pgo-train.sh BINARY: the training run of the release build's profile-guided optimisation
# (Makefile, PGO=1). BINARY is the instrumented build; every run adds its counts to the .gcda
# files beside its objects. The workload is the test suite (every tests/**/*.py but the helper
# modules and tests/crash/, whose hostile programs would teach the compiler that stack
# exhaustion and timeouts are common), not the benchmarks: the profile should describe Python
# programs in general, and the suite exercises each part of the VM. Outputs and failures are
# ignored here; `make test` checks them on the optimised binary.
bin=${1:?usage: pgo-train.sh BINARY}
cd "$(dirname "$0")/.." || exit 1
jobs=$(nproc 2>/dev/null || echo 2)
find tests -name '*.py' ! -name 'mod_*' ! -path 'tests/crash/*' | sort |
    xargs -P "$jobs" -I{} sh -c 'timeout 60 "$1" "$2" </dev/null >/dev/null 2>&1; exit 0' sh "$bin" {}
exit 0
