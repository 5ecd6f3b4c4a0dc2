/* run.c: start-up and shutdown of the runtime, running a program as __main__, uncaught
 * exceptions and exit statuses, and the recursion guard for C code.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include "gc.h"
#include "interp.h"
#include "shape.h"

VmState vm = {.curexc = OU_UNDEF, .builtins = OU_UNDEF, .modules = OU_UNDEF,
              .main_dir = OU_UNDEF, .recursion_limit = OU_RECURSION_LIMIT};
int vm_argc;
char **vm_argv;

/* Set when the program ended by an uncaught KeyboardInterrupt: main() then dies by SIGINT
 * so that the parent sees the same status as with CPython. */
bool vm_exit_by_sigint;

static void on_sigint(int sig) {
    (void)sig;
    vm.interrupted = 1;
}

/* Leaves room below the limit for the C code that runs after the check (printing a
 * traceback, repr of deep structures). */
static void set_c_stack_limit(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    size_t size = 8u << 20;
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > 0)
        size = (size_t)rl.rlim_cur;
    if (size > (1u << 30)) size = 1u << 30;
    size_t margin = size / 8 < (512u << 10) ? (512u << 10) : size / 8;
    if (margin >= size) margin = size / 2;
    vm_c_stack_limit = here - (size - margin);
}

Value ou_builtins_dict(void) { return vm.builtins; }
Value ou_sys_modules(void) { return vm.modules; }

int ou_enter_recursive_call(const char *where) {
    if (++vm.c_depth + vm.depth > vm.recursion_limit || vm_c_stack_low()) {
        vm.c_depth--;
        if (!where) where = "";
        ou_err_format(ou_RecursionError, "maximum recursion depth exceeded%s%s",
                      where[0] && where[0] != ' ' ? " " : "", where);
        return -1;
    }
    return 0;
}

void ou_leave_recursive_call(void) { vm.c_depth--; }

int vm_init(int argc, char **argv) {
    vm_argc = argc;
    vm_argv = argv;
    vm.stack = malloc(sizeof(Value) * OU_STACK_SIZE);
    if (!vm.stack) {
        fputs("ouro: cannot allocate the value stack\n", stderr);
        return -1;
    }
    vm.stack_top = vm.stack;
    vm.frame = NULL;
    vm.depth = 0;
    vm.c_depth = 0;
    vm.recursion_limit = OU_RECURSION_LIMIT;
    vm.curexc = OU_UNDEF;
    vm.interrupted = 0;
    set_c_stack_limit();

    /* As CPython, leave SIGINT alone when it was ignored by whoever started us (a background
     * job of a non-interactive shell). */
    struct sigaction sa, old;
    if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
    }

    if (vm_init_object() < 0 || vm_init_func() < 0 || vm_init_code() < 0 || vm_init_int() < 0 ||
        vm_init_float() < 0 || vm_init_str() < 0 || vm_init_list() < 0 || vm_init_tuple() < 0 ||
        vm_init_dict() < 0)
        goto fail;
    vm.modules = ou_dict_new();
    if (IS_ERR(vm.modules)) goto fail;
    if (vm_init_set() < 0 || vm_init_range() < 0 || vm_init_iter() < 0 ||
        vm_init_exceptions() < 0 || vm_init_file() < 0 || vm_init_builtins() < 0 ||
        vm_init_modules() < 0)
        goto fail;
    return 0;
fail:
    fputs("ouro: initialization failed\n", stderr);
    if (ou_err_occurred()) {
        Value e = ou_err_fetch();
        Value s = ou_repr(e);
        if (IS_STR(s)) fprintf(stderr, "%s\n", ou_str_data(s));
        ou_xdecref(s);
        ou_err_clear();
        ou_decref(e);
    }
    return -1;
}

static void flush_stdout(void) {
    ou_stdout_flush();
    if (!IS_OBJ(ou_sys_stdout) || ou_is_type(ou_sys_stdout, &ou_file_type)) return;
    Value exc = ou_err_fetch();
    Value r = ou_call_method(ou_sys_stdout, "flush", NULL, 0);
    if (IS_ERR(r))
        ou_err_clear();
    else
        ou_decref(r);
    if (IS_OBJ(exc)) ou_err_restore(exc);
}

/* Clears a module's namespace the way CPython's finalization does, so that __del__ methods
 * of objects held by globals run in the same order: first the names starting with one
 * underscore, then all the others except __builtins__, in insertion order. */
static void clear_module_dict(Value d) {
    if (!IS_DICT(d)) return;
    for (int pass = 0; pass < 2; pass++) {
        Value keys = ou_dict_keys_list(d);
        if (IS_ERR(keys)) {
            ou_err_clear();
            return;
        }
        for (int64_t i = 0; i < AS_LIST(keys)->len; i++) {
            Value k = AS_LIST(keys)->items[i];
            if (!IS_STR(k)) continue;
            const char *s = ou_str_data(k);
            if (pass == 0 && !(s[0] == '_' && s[1] != '_')) continue;
            if (pass == 1 && !strcmp(s, "__builtins__")) continue;
            if (ou_dict_set(d, k, OU_NONE) < 0) ou_err_clear();
        }
        ou_decref(keys);
    }
}

/* Shutdown of the modules, in CPython 3.11's order (finalize_modules): every module leaves
 * sys.modules and only a weak reference to it is kept; a collection then frees the modules
 * that nothing else holds. A module's namespace is normally in a cycle with its functions
 * (f.__globals__), so __main__'s objects are finalized by that collection, in the collector's
 * order and with every global still bound, as in CPython. Only the modules still alive after
 * it (held by something that outlives them) get their namespaces cleared, newest first. */
static void finalize_modules(void) {
    Value names = ou_dict_keys_list(vm.modules);
    Value weak = ou_list_new(0);
    if (IS_ERR(names) || IS_ERR(weak)) {
        ou_err_clear();
        ou_xdecref(names == OU_ERR ? OU_UNDEF : names);
        ou_xdecref(weak == OU_ERR ? OU_UNDEF : weak);
        return;
    }
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value name = AS_LIST(names)->items[i];
        Value m = ou_dict_get(vm.modules, name);
        if (!ou_is_type(m, &ou_module_type) || ou_str_eq_cstr(name, "sys") ||
            ou_str_eq_cstr(name, "builtins"))
            continue;
        Value w = ou_weakref_new(m, OU_NONE);
        /* Without a weak reference (out of memory) the module is kept and cleared below. */
        Value held = IS_ERR(w) ? ou_newref(m) : w;
        if (IS_ERR(w)) ou_err_clear();
        if (ou_list_append(weak, held) < 0) ou_err_clear();
        ou_decref(held);
        /* sys.modules[name] = None drops the registry's reference, in import order; sys and
         * builtins stay registered, since finalizers may still use them. */
        if (ou_dict_set(vm.modules, name, OU_NONE) < 0) ou_err_clear();
    }
    ou_decref(names);
    gc_collect(2);
    if (ou_err_occurred()) ou_err_clear();
    for (int64_t i = AS_LIST(weak)->len - 1; i >= 0; i--) {
        Value h = AS_LIST(weak)->items[i];
        Value m = ou_is_type(h, &ou_module_type) ? h : ou_weakref_referent(h);
        if (ou_is_type(m, &ou_module_type)) {
            ou_incref(m);
            clear_module_dict(((OuModule *)AS_OBJ(m))->dict);
            ou_decref(m);
        }
        if (ou_err_occurred()) ou_err_clear();
    }
    ou_decref(weak);
}

void vm_finalize(void) {
    vm_weakref_atexit(); /* weakref.finalize(...).atexit, before any teardown */
    if (ou_err_occurred()) ou_err_clear();
    flush_stdout();
    if (IS_DICT(vm.modules)) finalize_modules();
    /* A user object assigned to sys.stdout gets its last flush while objects still work;
     * after the collector has broken the remaining cycles only the C-level flush is safe. */
    flush_stdout();
    Value modules = vm.modules, builtins = vm.builtins;
    vm.modules = OU_UNDEF;
    ou_xdecref(modules);
    if (ou_err_occurred()) ou_err_clear();
    gc_finalize_all();
    if (ou_err_occurred()) ou_err_clear();
    ou_stdout_flush();
    vm_fini_modules();
    vm.builtins = OU_UNDEF;
    ou_xdecref(builtins);
    gc_finalize_all();
    if (ou_err_occurred()) ou_err_clear();
    ou_stdout_flush();
    ou_xdecref(vm.main_dir);
    vm.main_dir = OU_UNDEF;
    vm_fini_exceptions();
    vm_fini_types();
    vm_fini_tuple();
    vm_fini_shapes(); /* after the last instance, before the interned names they hold */
    vm_fini_str();
    free(vm.stack);
    vm.stack = vm.stack_top = NULL;
}

/* SystemExit.code: None without args, the argument with one, else the args tuple. */
static Value exit_code_of(Value exc) {
    OuException *e = (OuException *)AS_OBJ(exc);
    if (!IS_TUPLE(e->args) || AS_TUPLE(e->args)->len == 0) return OU_NONE;
    if (AS_TUPLE(e->args)->len == 1) return ou_newref(AS_TUPLE(e->args)->items[0]);
    return ou_newref(e->args);
}

int vm_handle_uncaught(void) {
    Value exc = ou_err_fetch();
    if (!IS_OBJ(exc)) return 0;
    flush_stdout();
    if (ou_instance_of(exc, ou_SystemExit)) {
        Value code = OU_UNDEF;
        if (IS_DICT(((OuException *)AS_OBJ(exc))->dict))
            code = ou_dict_get_str(((OuException *)AS_OBJ(exc))->dict, "code");
        code = IS_UNDEF(code) ? exit_code_of(exc) : ou_newref(code);
        ou_decref(exc);
        int64_t n;
        int status;
        if (IS_NONE(code)) {
            status = 0;
        } else if (ou_int_value(code, &n)) {
            status = (int)(n & 0xFF);
        } else {
            Value s = ou_to_str(code);
            if (IS_ERR(s)) {
                ou_err_clear();
            } else {
                if (IS_OBJ(ou_sys_stderr)) {
                    if (ou_file_write_str(ou_sys_stderr, s) < 0 ||
                        ou_file_write_cstr(ou_sys_stderr, "\n") < 0)
                        ou_err_clear();
                } else {
                    fprintf(stderr, "%s\n", ou_str_data(s));
                }
                ou_decref(s);
            }
            status = 1;
        }
        ou_decref(code);
        return status;
    }
    bool sigint = ou_instance_of(exc, ou_KeyboardInterrupt);
    ou_err_print(exc);
    ou_decref(exc);
    if (ou_err_occurred()) ou_err_clear();
    if (sigint) {
        vm_exit_by_sigint = true;
        return 130;
    }
    return 1;
}

/* The __main__ module, created on first use and registered in sys.modules. */
static Value main_module(const char *file) {
    Value m = ou_dict_get_str(vm.modules, "__main__");
    if (ou_is_type(m, &ou_module_type)) return ou_newref(m);
    m = ou_module_new("__main__");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value ann = ou_dict_new();
    Value bmod = ou_dict_get_str(vm.modules, "builtins");
    if (IS_ERR(ann) || ou_dict_set_str(d, "__annotations__", ann) < 0 ||
        ou_dict_set_str(d, "__builtins__", IS_OBJ(bmod) ? bmod : vm.builtins) < 0)
        goto fail;
    ou_xdecref(ann);
    ann = OU_UNDEF;
    if (file) {
        Value f = ou_str_cstr(file);
        if (IS_ERR(f)) goto fail;
        int r = ou_dict_set_str(d, "__file__", f);
        ou_decref(f);
        if (r < 0 || ou_dict_set_str(d, "__cached__", OU_NONE) < 0) goto fail;
    }
    if (ou_dict_set_str(vm.modules, "__main__", m) < 0) goto fail;
    return m;
fail:
    if (!IS_ERR(ann)) ou_xdecref(ann);
    ou_decref(m);
    return OU_ERR;
}

/* Reads a whole file; NULL with errno set on failure. */
char *vm_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        errno = ENOMEM;
        return NULL;
    }
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                errno = ENOMEM;
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        errno = EIO;
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static int run_source(const char *src, size_t len, const char *filename, const char *file_attr) {
    Value m = main_module(file_attr);
    if (IS_ERR(m)) return vm_handle_uncaught();
    Value code = vm_compile(src, len, filename, "exec", NULL);
    if (IS_ERR(code)) {
        ou_decref(m);
        return vm_handle_uncaught();
    }
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value r = vm_run_code((OuCode *)AS_OBJ(code), d, d);
    ou_decref(code);
    ou_decref(m);
    if (IS_ERR(r)) return vm_handle_uncaught();
    ou_decref(r);
    return 0;
}

/* The directory imports search: the script's directory, made absolute as CPython does for
 * sys.path[0]. */
static void set_main_dir(const char *path) {
    char buf[PATH_MAX];
    const char *dir = ".";
    char tmp[PATH_MAX];
    if (path) {
        snprintf(tmp, sizeof tmp, "%s", path);
        char *slash = strrchr(tmp, '/');
        if (slash) {
            if (slash == tmp)
                slash[1] = 0;
            else
                *slash = 0;
            dir = tmp;
        }
    }
    const char *abs = realpath(dir, buf) ? buf : dir;
    Value s = ou_str_cstr(abs);
    if (IS_ERR(s)) {
        ou_err_clear();
        return;
    }
    ou_xdecref(vm.main_dir);
    vm.main_dir = s;
}

int vm_run_file(const char *path) {
    size_t len;
    char *src = vm_read_file(path, &len);
    if (!src) {
        int e = errno;
        char abs[PATH_MAX];
        const char *shown = path;
        if (path[0] != '/' && getcwd(abs, sizeof abs)) {
            size_t n = strlen(abs);
            snprintf(abs + n, sizeof abs - n, "/%s", path);
            shown = abs;
        }
        fprintf(stderr, "ouro: can't open file '%s': [Errno %d] %s\n", shown, e, strerror(e));
        return 2;
    }
    /* Like CPython (3.9+), the script's file name is made absolute by joining it to the
     * current directory, without normalizing it; sys.argv[0] keeps the name as given. */
    char absbuf[PATH_MAX];
    const char *name = path;
    if (path[0] != '/' && getcwd(absbuf, sizeof absbuf)) {
        size_t n = strlen(absbuf);
        if (snprintf(absbuf + n, sizeof absbuf - n, "/%s", path) < (int)(sizeof absbuf - n)) name = absbuf;
    }
    set_main_dir(name);
    int status = run_source(src, len, name, name);
    free(src);
    return status;
}

int vm_run_string(const char *src, const char *filename) {
    if (IS_UNDEF(vm.main_dir)) set_main_dir(NULL);
    /* A program read from stdin has __file__ '<stdin>'; one from -c has none. */
    return run_source(src, strlen(src), filename, strcmp(filename, "<stdin>") ? NULL : filename);
}

int vm_run_interactive(const char *src, bool *incomplete, bool *exited) {
    *incomplete = false;
    *exited = false;
    if (IS_UNDEF(vm.main_dir)) set_main_dir(NULL);
    Value m = main_module(NULL);
    if (IS_ERR(m)) goto uncaught;
    Value code = vm_compile(src, strlen(src), "<stdin>", "single", incomplete);
    if (IS_ERR(code)) {
        ou_decref(m);
        if (*incomplete) {
            ou_err_clear();
            return 0;
        }
        goto uncaught;
    }
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value r = vm_run_code((OuCode *)AS_OBJ(code), d, d);
    ou_decref(code);
    ou_decref(m);
    if (IS_ERR(r)) goto uncaught;
    ou_decref(r);
    flush_stdout();
    return 0;
uncaught:
    *exited = ou_err_matches(ou_SystemExit);
    return vm_handle_uncaught();
}
