/* main.c: the `ouro` command line.
 *
 *   ouro FILE [args]     run a script (sys.argv = [FILE, args...])
 *   ouro -c CODE [args]  run a string (sys.argv = ['-c', args...])
 *   ouro - [args]        run the program read from stdin; also without arguments when stdin
 *                        is not a terminal
 *   ouro                 on a terminal: a minimal line-by-line interactive loop
 *   ouro --dis FILE      disassemble instead of running
 *   ouro -V | --version, ouro -h | --help
 * Exit statuses follow CPython: 0, 1 for an uncaught exception, SystemExit's code, 2 for
 * usage errors and unreadable scripts.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "interp.h"

static const char usage[] =
    "usage: ouro [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd     program passed in as string (terminates option list)\n"
    "  -h, --help print this help message and exit\n"
    "  -V, --version  print the Ouro version number and exit\n"
    "  --dis file disassemble the bytecode of file and exit\n"
    "  file       program read from script file\n"
    "  -          program read from stdin (default; interactive mode if a tty)\n"
    "  arg ...    arguments passed to program in sys.argv[1:]\n";

/* Reads all of a stream into a NUL-terminated malloc'd buffer (NULL on failure). */
static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int finish(int status) {
    vm_finalize();
    fflush(stdout);
    if (vm_exit_by_sigint) {
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
    return status;
}

static int disassemble(const char *path) {
    size_t len;
    char *src = vm_read_file(path, &len);
    if (!src) {
        perror(path);
        return 2;
    }
    Value code = vm_compile(src, len, path, "exec", NULL);
    free(src);
    if (IS_ERR(code)) return vm_handle_uncaught();
    vm_disassemble((OuCode *)AS_OBJ(code));
    ou_decref(code);
    return 0;
}

/* True when the statement begun in buf needs more lines before it is run: its first line
 * opens a block (ends in ':'), so an empty line ends it, as in CPython's REPL. */
static bool opens_block(const char *buf) {
    const char *end = strchr(buf, '\n');
    if (!end) end = buf + strlen(buf);
    while (end > buf && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')) end--;
    return end > buf && end[-1] == ':';
}

/* A line-by-line interactive loop, good enough until the real REPL lands. */
static int repl(void) {
    fprintf(stderr, "Ouro %s\nType Ctrl-D to exit.\n", OU_VERSION);
    size_t cap = 4096, n = 0;
    char *acc = malloc(cap);
    char line[4096];
    if (!acc) return 1;
    acc[0] = 0;
    int status = 0;
    for (;;) {
        fputs(n ? "... " : ">>> ", stdout);
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) {
            if (vm.interrupted) {
                vm.interrupted = 0;
                clearerr(stdin);
                fputs("\nKeyboardInterrupt\n", stderr);
                n = 0;
                acc[0] = 0;
                continue;
            }
            fputs("\n", stdout);
            break;
        }
        size_t l = strlen(line);
        bool blank = strspn(line, " \t\r\n") == l;
        if (n == 0 && blank) continue;
        if (n + l + 1 > cap) {
            while (n + l + 1 > cap) cap *= 2;
            char *na = realloc(acc, cap);
            if (!na) break;
            acc = na;
        }
        memcpy(acc + n, line, l + 1);
        n += l;
        if (opens_block(acc) && !blank) continue;
        bool incomplete, exited;
        status = vm_run_interactive(acc, &incomplete, &exited);
        if (incomplete && !blank) continue;
        n = 0;
        acc[0] = 0;
        if (exited) break;
        status = 0;
    }
    free(acc);
    return status;
}

int main(int argc, char **argv) {
    int i = 1;
    const char *command = NULL, *dis = NULL;
    bool from_stdin = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("Ouro %s\n", OU_VERSION);
            return 0;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "-c")) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the -c option\n", stderr);
                fputs(usage, stderr);
                return 2;
            }
            command = argv[i + 1];
            i++;
            break;
        }
        if (!strcmp(a, "--dis")) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the --dis option\n", stderr);
                return 2;
            }
            dis = argv[i + 1];
            i++;
            break;
        }
        if (!strcmp(a, "-")) {
            from_stdin = true;
            break;
        }
        if (a[0] == '-' && a[1]) {
            fprintf(stderr, "Unknown option: %s\n", a);
            fputs(usage, stderr);
            return 2;
        }
        break;
    }
    /* sys.argv: the script (or -c / - / '') followed by its arguments. */
    static char c_name[] = "-c", empty[] = "";
    char **sargv;
    int sargc;
    char *first_stdin[] = {empty, NULL};
    if (command) {
        argv[i] = c_name;
        sargv = argv + i;
        sargc = argc - i;
    } else if (dis || from_stdin || i < argc) {
        sargv = argv + i;
        sargc = argc - i;
    } else {
        sargv = first_stdin;
        sargc = 1;
    }
    if (vm_init(sargc, sargv) < 0) return 1;
    if (dis) return finish(disassemble(dis));
    if (command) return finish(vm_run_string(command, "<string>"));
    if (!from_stdin && i < argc) return finish(vm_run_file(argv[i]));
    if (!from_stdin && isatty(0)) return finish(repl());
    size_t len;
    char *src = read_all(stdin, &len);
    if (!src) {
        fputs("ouro: cannot read stdin\n", stderr);
        return finish(1);
    }
    int status = vm_run_string(src, "<stdin>");
    free(src);
    return finish(status);
}
