#!/bin/sh
# make bench [BENCH=name]: installs lua5.4 when missing (as root), then runs bench/run.py.
if ! command -v lua5.4 >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq lua5.4 >/dev/null 2>&1 || true
fi
exec /usr/bin/python3 "$(dirname "$0")/run.py" ./ouro "$@"
