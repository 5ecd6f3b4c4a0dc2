/* main.c: the `ouro` command line.
 *
 *   ouro FILE [args]     run a script (sys.argv = [FILE, args...])
 *   ouro -c CODE [args]  run a string (sys.argv = ['-c', args...])
 *   ouro - [args]        run the program read from stdin; also without arguments when stdin
 *                        is not a terminal
 *   ouro                 on a terminal: the interactive session (vm/repl.c)
 *   ouro -i FILE|-c CODE run the program, then the interactive session; -q: no banner
 *   ouro --dis FILE      disassemble instead of running
 *   ouro --step FILE     run one top-level statement at a time, drawing the heap (demo/)
 *   ouro --demo          the same over the built-in reference-counting walk-through
 *   ouro -V | --version, ouro -h | --help
 * Exit statuses follow CPython: 0, 1 for an uncaught exception, SystemExit's code, 2 for
 * usage errors and unreadable scripts.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "demo.h"
#include "gc.h"
#include "interp.h"

static const char usage[] =
    "usage: ouro [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "  -c cmd     program passed in as string (terminates option list)\n"
    "  -h, --help print this help message and exit\n"
    "  -i         inspect interactively after running script or command\n"
    "  -q         don't print version and copyright messages on interactive startup\n"
    "  -V, --version  print the Ouro version number and exit\n"
    "  -X memstats  at exit, print memory and collector statistics to stderr\n"
    "             (also OURO_MEMSTATS=1); other -X options are ignored\n"
    "  --dis file disassemble the bytecode of file and exit\n"
    "  --step file  run file one statement at a time, drawing the heap (--step -h)\n"
    "  --demo     step through the reference-counting and cycle-collection demo\n"
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
    /* Before teardown, so that the report shows what the program held at its end. */
    if (gc_memstats) gc_memstats_print();
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

int main(int argc, char **argv) {
    int i = 1;
    const char *command = NULL, *dis = NULL;
    bool from_stdin = false, inspect = false, quiet = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        /* -i and -q, alone or combined (-iq), as CPython takes them. */
        if (a[0] == '-' && a[1] && strspn(a + 1, "iq") == strlen(a + 1)) {
            inspect |= strchr(a, 'i') != NULL;
            quiet |= strchr(a, 'q') != NULL;
            continue;
        }
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
        if (!strcmp(a, "--step") || !strcmp(a, "--demo")) return demo_main(argc - i, argv + i);
        /* -X opt or -Xopt: implementation options, as CPython's; unknown ones are ignored. */
        if (!strncmp(a, "-X", 2)) {
            const char *opt = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
            if (!opt) {
                fputs("Argument expected for the -X option\n", stderr);
                fputs(usage, stderr);
                return 2;
            }
            if (!strcmp(opt, "memstats")) gc_memstats = true;
            continue;
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
    if (command || (!from_stdin && i < argc)) {
        int status = command ? vm_run_string(command, "<string>") : vm_run_file(argv[i]);
        if (!inspect) return finish(status);
        /* -i: the session goes on even after an uncaught exception or SystemExit. */
        vm_exit_by_sigint = false;
        return finish(vm_repl(false));
    }
    if (inspect || (!from_stdin && isatty(0))) return finish(vm_repl(!quiet));
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
