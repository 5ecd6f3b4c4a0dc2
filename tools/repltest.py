#!/usr/bin/python3
"""repltest.py: run interactive-session transcripts (tests/repl/*.repl) through a real pty.

Usage: python3 tools/repltest.py [-v] BINARY TEST.repl...

Prints "PASS path" or "FAIL path (why)" plus details for each transcript; exit status 1 if any
failed. With BINARY = /usr/bin/python3 (the oracle) it checks the transcripts themselves;
tests marked %ouro-only are then skipped (reported as passing).

A transcript reads like a session:

    # A comment (a line starting with '#'; write '\\#' for an output line that starts with #).
    >>> 1 + 1               wait for the prompt '>>> ', type the line and Enter
    2                       the output expected between that Enter and the next prompt
    >>> def f():
    ...     return 3        wait for '... ' (the ps2 prompt), and so on
    ...
    ~ regex                 an output line matched by a regular expression (fullmatch)

Keys inside an input line: <tab> <up> <down> <left> <right> <C-c> <C-d> <enter>, and <pause>
(wait 1 s: e.g. let code start running before <C-c>). The line gets a final Enter unless it
ends with <C-c>, <C-d> or <noenter>. What the line editor echoes of the input (up to the first
newline after the line was sent) is not compared: output starts after it. "^C" echoed by the
terminal is dropped from output.

Directives (a session starts at its first prompt line and ends with %exit):
    %args -q -i x.py    command-line arguments of the sessions that follow (default: -q)
    %env NAME=VALUE     environment of the sessions that follow ($TMP: a fresh folder per test)
    %ouro-only          skip the whole test when BINARY is CPython (Ouro-specific behaviour)
    %any                don't compare the output of the previous input line
    %contains TEXT      the previous input line's whole output (echo included) contains TEXT
    %exit N             the session ends (EOF on the pty) with exit status N
    %file-mode PATH 600 PATH exists with these permission bits (octal)
    %shell COMMAND      run COMMAND with /bin/sh (same environment); it must succeed
Lines before a session's first prompt line are the output expected before that prompt (the
banner, or what `-i FILE` printed).

Sessions run from the repository root with TERM=xterm, a 80x24 window, HOME=$TMP/home, and
generous timeouts (a loaded 2-core CI machine): every wait is for a prompt, never a guess.
"""
import os
import pty
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import time

TIMEOUT = float(os.environ.get("OURO_REPL_TIMEOUT", "30"))
KEYS = {
    "tab": b"\t", "up": b"\x1b[A", "down": b"\x1b[B", "right": b"\x1b[C", "left": b"\x1b[D",
    "C-c": b"\x03", "C-d": b"\x04", "enter": b"\r", "noenter": b"", "pause": None,
}
KEY_RE = re.compile(r"<(tab|up|down|left|right|C-c|C-d|enter|noenter|pause)>")
ANSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
PROMPT_RE = re.compile(r"(?:^|\n)(>>> |\.\.\. )$")


class Fail(Exception):
    pass


def clean(raw):
    """Terminal output as plain text: a one-line-at-a-time emulation of what the screen shows
    (carriage return, backspace, cursor left/right and erase-to-end-of-line); other escape
    sequences and bells are dropped, and so is the "^C" a terminal echoes for Ctrl-C."""
    s = raw.decode("utf-8", "replace").replace("^C", "")
    lines, cur, col = [], [], 0
    i = 0
    while i < len(s):
        c = s[i]
        m = ANSI_RE.match(s, i) if c == "\x1b" else None
        if m:
            seq = m.group(0)
            i = m.end()
            if seq.startswith("\x1b[") and seq[-1] in "CDK":
                n = int(seq[2:-1]) if seq[2:-1].isdigit() else 1
                if seq[-1] == "C":
                    col += n
                elif seq[-1] == "D":
                    col = max(0, col - n)
                elif seq[2:-1] in ("", "0"):
                    del cur[col:]
            continue
        i += 1
        if c == "\n":
            lines.append("".join(cur))
            cur, col = [], 0
        elif c == "\r":
            col = 0
        elif c == "\b":
            col = max(0, col - 1)
        elif c == "\x07" or c == "\x1b":
            pass
        else:
            while len(cur) < col:
                cur.append(" ")
            if col < len(cur):
                cur[col] = c
            else:
                cur.append(c)
            col += 1
    lines.append("".join(cur))
    return "\n".join(lines)


class Session:
    def __init__(self, binary, args, env):
        pid, fd = pty.fork()
        if pid == 0:
            try:
                import fcntl
                import termios
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
                os.execve(binary, [binary] + args, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.raw = b""   # everything read so far
        self.mark = 0    # start of the current step in raw
        self.eof = False
        self.status = None

    def read_some(self, deadline):
        wait = max(0.0, deadline - time.time())
        r, _, _ = select.select([self.fd], [], [], min(wait, 0.2))
        if not r:
            return
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            data = b""
        if not data:
            self.eof = True
        self.raw += data

    def wait_prompt(self, what):
        """Reads until the output ends with a prompt; returns (kind, text before it)."""
        deadline = time.time() + TIMEOUT
        while True:
            text = clean(self.raw[self.mark:])
            m = PROMPT_RE.search(text)
            if m:
                return m.group(1), text[: m.start(1)]
            if self.eof:
                raise Fail("session ended while waiting for %s; output:\n%s" % (what, indent(text)))
            if time.time() > deadline:
                raise Fail("timeout waiting for %s; output:\n%s" % (what, indent(text)))
            self.read_some(deadline)

    def wait_exit(self):
        deadline = time.time() + TIMEOUT
        while not self.eof and time.time() < deadline:
            self.read_some(deadline)
        text = clean(self.raw[self.mark:])
        if not self.eof:
            raise Fail("timeout waiting for the session to end; output:\n" + indent(text))
        _, st = os.waitpid(self.pid, 0)
        self.status = os.waitstatus_to_exitcode(st)
        os.close(self.fd)
        return text

    def send(self, line):
        """Types an input line; returns when it has been written (keys interpreted)."""
        parts = KEY_RE.split(line)
        enter = not re.search(r"<(C-c|C-d|noenter)>$", line)
        for i, part in enumerate(parts):
            if i % 2 == 0:
                if part:
                    os.write(self.fd, part.encode())
            elif part == "pause":
                self.pump(1.0)
            else:
                os.write(self.fd, KEYS[part])
                if part in ("tab", "up", "down"):
                    self.pump(0.2)
        if enter:
            os.write(self.fd, b"\r")

    def pump(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline and not self.eof:
            self.read_some(deadline)

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass


def indent(text):
    return "\n".join("    | " + l for l in text.split("\n"))


def compare(expected, got, where):
    got_lines = got.split("\n")
    if got_lines and got_lines[-1] == "":
        got_lines.pop()
    ok = len(expected) == len(got_lines)
    if ok:
        for e, g in zip(expected, got_lines):
            if e.startswith("~ "):
                if not re.fullmatch(e[2:], g):
                    ok = False
            elif e != g:
                ok = False
    if not ok:
        raise Fail("%s: output differs\n  expected:\n%s\n  got:\n%s" % (
            where, indent("\n".join(expected)), indent("\n".join(got_lines))))


def parse(path):
    steps = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("\\#"):
                line = line[1:]
            steps.append((n, line))
    return steps


def run_test(binary, path, verbose):
    steps = parse(path)
    oracle = os.path.basename(binary).startswith("python")
    if oracle and any(l == "%ouro-only" for _, l in steps):
        return "skipped under CPython"
    tmp = tempfile.mkdtemp(prefix="ouro_repl_")
    os.makedirs(os.path.join(tmp, "home"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "OURO_"))}
    env.update(TERM="xterm", HOME=os.path.join(tmp, "home"), LC_ALL="C.UTF-8")
    env.pop("LANG", None)
    args = ["-q"]
    sess = None
    pending = None      # (line number, input line) whose output is being collected
    expected = []
    loose = False
    contains = []

    def sub(s):
        return s.replace("$TMP", tmp)

    def finish_step(kind_text):
        """Checks the output of the pending input line (or the preamble)."""
        nonlocal expected, loose, contains
        where = "line %d" % pending[0] if pending else "start of session"
        full = kind_text
        body = full.split("\n", 1)[1] if pending and "\n" in full else ("" if pending else full)
        if not loose:
            compare(expected, body, where)
        for c in contains:
            if c not in full:
                raise Fail("%s: output lacks %r; output:\n%s" % (where, c, indent(full)))
        expected, loose, contains = [], False, []

    try:
        for n, line in steps:
            if line.startswith("%"):
                word, _, rest = line.partition(" ")
                rest = sub(rest)
                if word == "%args":
                    args = rest.split()
                elif word == "%env":
                    k, _, v = rest.partition("=")
                    env[k] = v
                elif word == "%ouro-only":
                    pass
                elif word == "%any":
                    loose = True
                elif word == "%contains":
                    contains.append(rest)
                elif word == "%exit":
                    if sess is None:
                        raise Fail("line %d: %%exit outside a session" % n)
                    text = sess.wait_exit()
                    finish_step(text)
                    if sess.status != int(rest):
                        raise Fail("line %d: exit status %s, expected %s" % (n, sess.status, rest))
                    sess, pending = None, None
                elif word == "%shell":
                    import subprocess
                    r = subprocess.run(["/bin/sh", "-c", rest], capture_output=True, text=True, env=env)
                    if r.returncode != 0:
                        raise Fail("line %d: %%shell failed (status %d): %s" % (n, r.returncode, (r.stdout + r.stderr).strip()))
                elif word == "%file-mode":
                    p, mode = rest.rsplit(" ", 1)
                    try:
                        st = os.stat(p)
                    except OSError as e:
                        raise Fail("line %d: %s" % (n, e))
                    if (st.st_mode & 0o7777) != int(mode, 8):
                        raise Fail("line %d: %s has mode %o, expected %s" % (n, p, st.st_mode & 0o7777, mode))
                else:
                    raise Fail("line %d: unknown directive %s" % (n, word))
                continue
            if line.startswith((">>> ", "... ")) or line in (">>>", "..."):
                want = line[:3] + " "
                if sess is None:
                    sess = Session(binary, [sub(a) for a in args], env)
                kind, text = sess.wait_prompt("%r (line %d)" % (want, n))
                finish_step(text)
                if kind != want:
                    raise Fail("line %d: got prompt %r, expected %r" % (n, kind, want))
                sess.mark = len(sess.raw)
                sess.send(sub(line[4:]))
                pending = (n, line)
                continue
            expected.append(line)
        if sess is not None:
            raise Fail("transcript ends inside a session (add %exit)")
    except Fail:
        if sess is not None:
            sess.kill()
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return None


def main():
    argv = sys.argv[1:]
    verbose = False
    if argv and argv[0] == "-v":
        verbose = True
        argv = argv[1:]
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    binary = os.path.abspath(argv[0]) if os.sep in argv[0] else (shutil.which(argv[0]) or argv[0])
    failed = 0
    for path in argv[1:]:
        try:
            note = run_test(binary, path, verbose)
            print("PASS %s%s" % (path, " (%s)" % note if note else ""))
        except Fail as e:
            failed += 1
            msg = str(e)
            first, _, rest = msg.partition("\n")
            print("FAIL %s (%s)" % (path, first))
            if rest:
                print(rest)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
