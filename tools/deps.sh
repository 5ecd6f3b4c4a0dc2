#!/bin/sh
# Installs the build dependencies (re2c, bison, libedit-dev, pkg-config) when missing.
# As root it uses apt-get and says what it installs; otherwise it prints the command to run.
missing=""
command -v re2c >/dev/null 2>&1 || missing="$missing re2c"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
pkg-config --exists libedit 2>/dev/null || missing="$missing libedit-dev"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tools/deps.sh: installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
        echo "tools/deps.sh: apt-get failed; install$missing by hand" >&2; exit 1; }
else
    echo "tools/deps.sh: missing$missing; run: sudo apt-get install -y$missing" >&2
    exit 1
fi
