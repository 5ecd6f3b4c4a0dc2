/* fuzz_ouro.c: libFuzzer targets for Ouro (see docs/testing.md, "Fuzzing").
 *
 * One source, three targets, chosen by OU_FUZZ_TARGET when compiling:
 *   1  fuzz_compile     lexer + parser + symbol table + compiler on arbitrary bytes;
 *   2  fuzz_run         compile, then run the program with a CPU budget and an allocation cap;
 *   3  fuzz_structured  as 2, with a line-level mutator that splices lines of valid programs
 *                       (the seed corpus is tests/) and inserts hostile snippets (__del__,
 *                       gc.collect(), weakref callbacks, mutation during iteration...), so
 *                       that mutants stay mostly valid Python and reach deep VM paths.
 *
 * The interpreter is initialised once (LLVMFuzzerInitialize) and every input runs in a fresh
 * __main__-like namespace, which is cleared and collected afterwards so that the next input
 * starts from the same heap shape. A finding is anything the sanitizers report, a crash, or a
 * hang (-timeout). Uncaught Python exceptions are normal outcomes and are discarded.
 *
 * Budget and caps, so random programs terminate:
 *   - CPU: a SIGVTALRM timer sets vm.interrupted after OU_FUZZ_CPU_MS of CPU time and every
 *     10 ms after that; the VM raises KeyboardInterrupt at its next safe point, repeatedly, so
 *     even `while 1: try: ... except: pass` ends soon after.
 *   - Memory: __asan_default_options caps one allocation at 256 MB and makes the allocator
 *     return NULL instead of aborting, which Ouro turns into MemoryError (that path is
 *     tested too); the total is bounded by libFuzzer's -rss_limit_mb.
 *   - Output: stdout and stdin are /dev/null; files are made in the working directory, so run
 *     the fuzzers from a scratch folder (tools/fuzz/run.sh does).
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <fcntl.h>
#include <unistd.h>

#include "gc.h"
#include "interp.h"

#ifndef OU_FUZZ_TARGET
#define OU_FUZZ_TARGET 2
#endif

/* CPU milliseconds a program may run before the first KeyboardInterrupt. */
#ifndef OU_FUZZ_CPU_MS
#define OU_FUZZ_CPU_MS 300
#endif

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    /* Leak detection runs at exit only; inputs that leave cycles behind are collected by
     * after_run, so leaks reported there are real leaks of the runtime. */
    return "allocator_may_return_null=1:max_allocation_size_mb=256:detect_leaks=0";
}

static Value builtins_module;

static void on_cpu_timer(int sig) {
    (void)sig;
    vm.interrupted = 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    static char name[] = "fuzz";
    static char *fargv[] = {name, NULL};
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        close(devnull);
    }
    if (vm_init(1, fargv) < 0) abort();
    /* SIGINT keeps libFuzzer's handler: the VM's own would swallow Ctrl-C. */
    signal(SIGINT, SIG_DFL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_cpu_timer;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGVTALRM, &sa, NULL);
    Value bname = ou_str_cstr("builtins");
    builtins_module = ou_import(bname);
    ou_decref(bname);
    if (IS_ERR(builtins_module)) abort();
    (void)argv;
    return 0;
}

#if OU_FUZZ_TARGET != 1
static void arm_timer(bool on) {
    struct itimerval it;
    memset(&it, 0, sizeof it);
    if (on) {
        it.it_value.tv_sec = OU_FUZZ_CPU_MS / 1000;
        it.it_value.tv_usec = (OU_FUZZ_CPU_MS % 1000) * 1000;
        it.it_interval.tv_usec = 10000;
    }
    setitimer(ITIMER_VIRTUAL, &it, NULL);
}

/* Undo what a program may have changed in the interpreter's global state, so that one input
 * cannot make the next one behave differently (findings must reproduce from one input). */
static void after_run(Value globals) {
    arm_timer(false);
    vm.interrupted = 0;
    if (ou_err_occurred()) ou_err_clear();
    if (IS_DICT(globals)) {
        /* Break the namespace's cycles (functions refer to their globals) the way module
         * teardown does: every value becomes None, then the dict is dropped. */
        Value keys = ou_dict_keys_list(globals);
        if (!IS_ERR(keys)) {
            for (int64_t i = 0; i < AS_LIST(keys)->len; i++)
                if (ou_dict_set(globals, AS_LIST(keys)->items[i], OU_NONE) < 0) ou_err_clear();
            ou_decref(keys);
        } else {
            ou_err_clear();
        }
        ou_decref(globals);
    }
    vm.recursion_limit = OU_RECURSION_LIMIT;
    gc_enabled = true;
    gc_collect(2);
    if (ou_err_occurred()) ou_err_clear();
    vm.interrupted = 0;
}
#endif

/* Returns a NUL-terminated copy (the front end, like main(), is given terminated text). */
static char *terminated(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) abort();
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}

#if OU_FUZZ_TARGET == 1

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *src = terminated(data, size);
    static const char *const modes[] = {"exec", "single", "eval"};
    /* Every input is compiled as a file; short ones also as a REPL line and an expression. */
    for (int m = 0; m < (size < 256 ? 3 : 1); m++) {
        bool incomplete;
        Value code = vm_compile(src, size, "<fuzz>", modes[m], &incomplete);
        if (IS_ERR(code)) {
            if (!ou_err_occurred()) abort(); /* OU_ERR must come with an exception */
            ou_err_clear();
        } else {
            ou_decref(code);
        }
    }
    free(src);
    return 0;
}

#else

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 8192) return -1; /* long programs only slow the fuzzer down */
    char *src = terminated(data, size);
    Value code = vm_compile(src, size, "<fuzz>", "exec", NULL);
    free(src);
    if (IS_ERR(code)) {
        if (!ou_err_occurred()) abort();
        ou_err_clear();
        return 0;
    }
    Value globals = ou_dict_new(), name = ou_str_cstr("__main__");
    if (IS_ERR(globals) || IS_ERR(name) || ou_dict_set_str(globals, "__name__", name) < 0 ||
        ou_dict_set_str(globals, "__builtins__", builtins_module) < 0)
        abort();
    ou_decref(name);
    arm_timer(true);
    Value r = vm_run_code((OuCode *)AS_OBJ(code), globals, globals);
    arm_timer(false);
    ou_decref(code);
    if (IS_ERR(r)) {
        if (!ou_err_occurred()) abort(); /* OU_ERR must come with an exception */
        ou_err_clear();
    } else {
        if (ou_err_occurred()) abort(); /* success must not leave an exception set */
        ou_decref(r);
    }
    after_run(globals);
    return 0;
}

#endif

#if OU_FUZZ_TARGET == 3

/* Statements inserted by the structured mutator. Each is valid at any indentation level
 * (multi-line ones are re-indented to the line they are inserted before). They name the
 * identifiers the seed programs use most (x, a, l, d, self) so they interact with them. */
static const char *const snippets[] = {
    "import gc\ngc.collect()",
    "import gc\ngc.disable()",
    "import gc\ngc.set_threshold(1)",
    "class _D:\n    def __del__(self):\n        global _g\n        _g = self\n        import gc\n        gc.collect()\n_d = _D(); _d.me = _d; del _d",
    "class _E:\n    def __del__(self):\n        raise ValueError(self)\n_e = _E(); _e.me = [_e]; del _e",
    "class _H:\n    def __hash__(self):\n        d.clear()\n        return 1\n    def __eq__(self, o):\n        d.clear()\n        return True",
    "try:\n    import weakref\n    _w = weakref.ref(x, lambda r: print(r))\nexcept Exception:\n    pass",
    "try:\n    import weakref\n    _wd = weakref.WeakValueDictionary()\nexcept Exception:\n    pass",
    /* Weak reference callbacks and finalizers that mutate containers during iteration and
     * during gc.collect(), and a __getattr__ that breaks cycles while they are finalized. */
    "try:\n    import weakref, gc\n    class _W:\n        pass\n    _wo = _W(); _wo.me = _wo\n"
    "    _wr = weakref.ref(_wo, lambda r: d.clear())\n    for _k in d:\n        del _wo\n"
    "        gc.collect()\nexcept Exception:\n    pass",
    "try:\n    import weakref, gc\n    class _V:\n        pass\n    _wv = weakref.WeakValueDictionary()\n"
    "    _wk = weakref.WeakKeyDictionary()\n    _vo = _V(); _vo.me = _vo; _wv[1] = _vo; _wk[_vo] = x\n"
    "    weakref.finalize(_vo, _wv.clear)\n    weakref.finalize(_vo, lambda: _wk.update({_V(): 1}))\n"
    "    del _vo\n    gc.collect()\nexcept Exception:\n    pass",
    "class _G:\n    def __getattr__(self, n):\n        self.__dict__.clear()\n        import gc\n"
    "        gc.collect()\n        raise AttributeError(n)\n    def __del__(self):\n"
    "        getattr(self, 'zz', None)\n_gg = _G(); _gg.me = _gg; _gg.x = x; del _gg",
    "try:\n    import weakref\n    _w2 = weakref.ref(l, lambda r: 1 / 0)\nexcept Exception:\n    pass",
    "try:\n    raise ValueError(x)\nfinally:\n    import gc\n    gc.collect()",
    "l = [l]",
    "d = {d: d}",
    "x = [x, x]",
    "a = (a,)",
    "del x",
    "del a",
    "x = None",
    "l.append(l)",
    "l.sort(key=lambda v: l.clear())",
    "print(repr(l), repr(d))",
    "for _i in l:\n    l.append(_i)\n    break",
    "for _k in d:\n    d[_k + 1] = 0\n    break",
    "raise KeyboardInterrupt",
    "raise SystemExit(1)",
    "import sys\nsys.setrecursionlimit(60)",
    "import sys\nsys.setrecursionlimit(100000)",
    "x = [0] * 10**9",
    "x = 'x' * 10**9",
    "try:\n    pass\nfinally:\n    del x",
    "try:\n    1/0\nexcept Exception as _ex:\n    _keep = _ex",
    "print(x, a, l, d, sep=x)",
    "x.__class__ = type(a)",
    "self.__dict__.clear()",
    "return self",
    "yield x",
    "nonlocal x",
    "global x",
};

/* Lines of buf: start offsets of each line (at most n). Returns the count. */
static size_t split_lines(const uint8_t *buf, size_t size, size_t *starts, size_t n) {
    size_t k = 0;
    if (size == 0) return 0;
    starts[k++] = 0;
    for (size_t i = 0; i + 1 < size && k < n; i++)
        if (buf[i] == '\n') starts[k++] = i + 1;
    return k;
}

static size_t line_end(const uint8_t *buf, size_t size, size_t start) {
    const uint8_t *nl = memchr(buf + start, '\n', size - start);
    return nl ? (size_t)(nl - buf) + 1 : size;
}

/* Appends src[0..n) to out (capacity cap, length *len); false when it does not fit. */
static bool put(uint8_t *out, size_t *len, size_t cap, const void *src, size_t n) {
    if (*len + n > cap) return false;
    memcpy(out + *len, src, n);
    *len += n;
    return true;
}

#define MAX_LINES 512

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed) {
    srand(seed);
    int op = rand() % 8;
    if (op < 2 || size == 0) return LLVMFuzzerMutate(data, size, max_size);
    size_t starts[MAX_LINES];
    size_t n = split_lines(data, size, starts, MAX_LINES);
    static uint8_t out[1 << 16];
    size_t cap = max_size < sizeof out ? max_size : sizeof out;
    size_t len = 0;
    size_t i = (size_t)rand() % n, j = (size_t)rand() % n;
    size_t ei = line_end(data, size, starts[i]);
    bool ok = true;
    switch (op) {
    case 2: /* delete line i */
        ok = put(out, &len, cap, data, starts[i]) && put(out, &len, cap, data + ei, size - ei);
        break;
    case 3: /* copy line i before line j */
        ok = put(out, &len, cap, data, starts[j]) &&
             put(out, &len, cap, data + starts[i], ei - starts[i]) &&
             (data[ei - 1] == '\n' || put(out, &len, cap, "\n", 1)) &&
             put(out, &len, cap, data + starts[j], size - starts[j]);
        break;
    case 4:
    case 5:
    case 6: { /* insert a snippet before line j, with line j's indentation */
        const char *snip = snippets[(size_t)rand() % (sizeof snippets / sizeof *snippets)];
        size_t ind = 0;
        while (starts[j] + ind < size && (data[starts[j] + ind] == ' ' || data[starts[j] + ind] == '\t'))
            ind++;
        ok = put(out, &len, cap, data, starts[j]);
        for (const char *p = snip; ok && *p;) {
            const char *e = strchr(p, '\n');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            ok = put(out, &len, cap, data + starts[j], ind) && put(out, &len, cap, p, l) &&
                 put(out, &len, cap, "\n", 1);
            p += l + (e ? 1 : 0);
        }
        ok = ok && put(out, &len, cap, data + starts[j], size - starts[j]);
        break;
    }
    default: { /* swap lines i and j */
        if (i > j) {
            size_t t = i;
            i = j;
            j = t;
        }
        if (i == j) return LLVMFuzzerMutate(data, size, max_size);
        ei = line_end(data, size, starts[i]);
        size_t ej = line_end(data, size, starts[j]);
        ok = put(out, &len, cap, data, starts[i]) &&
             put(out, &len, cap, data + starts[j], ej - starts[j]) &&
             (data[ej - 1] == '\n' || put(out, &len, cap, "\n", 1)) &&
             put(out, &len, cap, data + ei, starts[j] - ei) &&
             put(out, &len, cap, data + starts[i], ei - starts[i]) &&
             put(out, &len, cap, data + ej, size - ej);
        break;
    }
    }
    if (!ok) return LLVMFuzzerMutate(data, size, max_size);
    memcpy(data, out, len);
    return len;
}

/* Crossover: the first lines of one program followed by the last lines of the other. */
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
                                 uint8_t *out, size_t max_out, unsigned int seed);
size_t LLVMFuzzerCustomCrossOver(const uint8_t *d1, size_t s1, const uint8_t *d2, size_t s2,
                                 uint8_t *out, size_t max_out, unsigned int seed) {
    srand(seed);
    size_t st1[MAX_LINES], st2[MAX_LINES];
    size_t n1 = split_lines(d1, s1, st1, MAX_LINES), n2 = split_lines(d2, s2, st2, MAX_LINES);
    if (n1 == 0 || n2 == 0) return 0;
    size_t cut1 = st1[(size_t)rand() % n1], cut2 = st2[(size_t)rand() % n2];
    size_t len = 0;
    if (!put(out, &len, max_out, d1, cut1)) return 0;
    if (!put(out, &len, max_out, d2 + cut2, s2 - cut2)) len = cut1;
    return len;
}

#endif
