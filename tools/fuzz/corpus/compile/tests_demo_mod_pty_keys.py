# mod_pty_keys.py: `ouro --step` on a terminal, driven through a pseudo-terminal (run by
# tests/demo/run.sh with CPython): Enter runs one step, q quits, ? shows help, c runs to the
# end; colour is on unless NO_COLOR is set; the drawing follows the terminal's width.
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

BIN = sys.argv[1]
SCRIPT = 'tests/demo/step_containers.py'
PROMPT = b'q: quit'


def run(keys, env_extra=None, cols=80):
    env = dict(os.environ)
    env.pop('NO_COLOR', None)
    env.update(env_extra or {})
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, cols, 0, 0))
        os.execve(BIN, [BIN, '--step', SCRIPT], env)
    keys = list(keys)
    out = b''
    sent = 0
    deadline = time.time() + 20
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            out += data
        elif keys and out.count(PROMPT) > sent:
            os.write(fd, keys.pop(0))
            sent += 1
    _, status = os.waitpid(pid, 0)
    return out.decode('utf-8', 'replace').replace('\r\n', '\n'), os.waitstatus_to_exitcode(status)


failures = []


def expect(what, cond):
    if not cond:
        failures.append(what)


# Enter, Enter, q: two steps run, the third is shown but not run.
out, rc = run([b'\r', b'\r', b'q'])
expect('q exits with status 0', rc == 0)
expect('step 1 shown', 'step 1 of 8' in out)
expect('step 2 ran', '+ @1 list [1, 2] created' in out)
expect('step 3 shown', 'step 3 of 8' in out)
expect('step 3 not run', '@2' not in out)
expect('q says so', '(quit)' in out)
expect('nothing after q', 'step 4 of 8' not in out and 'end of the program' not in out)
expect('three prompts', out.count('q: quit') == 3)

# ?, then c: help, then everything without another prompt.
out, rc = run([b'?', b'c'])
expect('c exits with status 0', rc == 0)
expect('? shows the help', 'run to the end without stopping' in out)
expect('c runs to the end', 'end of the program' in out and '84' in out)
expect('no prompt after c', out.count('q: quit') == 2)
expect('colour on a terminal', '\x1b[32m' in out)

# NO_COLOR: no colours; a narrow terminal: rules as wide as the terminal.
out, rc = run([b'c'], {'NO_COLOR': '1'}, cols=60)
expect('NO_COLOR exits with status 0', rc == 0)
expect('NO_COLOR turns colour off', '\x1b[3' not in out and '\x1b[1m' not in out)
rules = [l for l in out.split('\n') if l.startswith('━━ step 1 of 8')]
expect('width follows the terminal', len(rules) == 1 and len(rules[0]) == 60)

for f in failures:
    print('FAIL pty:', f)
sys.exit(1 if failures else 0)
