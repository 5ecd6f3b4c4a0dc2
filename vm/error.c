/* error.c: the exception state, message formatting and CPython-format traceback printing.
 *
 * There is one thread, so the "thread state" is vm.curexc: the exception being raised, or not
 * an object when none is. Functions signal failure by returning OU_ERR (or -1/NULL) after
 * setting it; whoever handles the error takes it with ou_err_fetch.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "vm.h"

/* ---- a small growable byte buffer for formatting ---- */
typedef struct {
    char *p;
    size_t n, cap;
    bool failed;
} Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *q = realloc(b->p, cap);
        if (!q) {
            b->failed = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

/* Append the text of a str Value; non-str values (should not happen) print as '?'. */
static void buf_putv(Buf *b, Value s) {
    if (IS_STR(s))
        buf_put(b, ou_str_data(s), (size_t)ou_str_len(s));
    else
        buf_puts(b, "?");
}

/* Formats into b with the %R %S %T %U extensions documented in ouro.h. Returns -1 if a
 * __repr__/__str__ called for %R/%S raised (the exception stays set). */
static int buf_vformat(Buf *b, const char *fmt, va_list ap) {
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            const char *start = f;
            while (f[1] && f[1] != '%') f++;
            buf_put(b, start, (size_t)(f - start + 1));
            continue;
        }
        f++;
        /* Collect a C conversion spec (flags, width, precision, length). */
        char spec[32];
        size_t k = 0;
        spec[k++] = '%';
        while (*f && strchr("-+ #0123456789.", *f) && k < 20) spec[k++] = *f++;
        while (*f && strchr("hlzjt", *f) && k < 24) spec[k++] = *f++;
        char conv = *f;
        if (!conv) break;
        spec[k++] = conv;
        spec[k] = 0;
        char tmp[128];
        switch (conv) {
        case '%': buf_puts(b, "%"); break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (k == 2) {
                buf_puts(b, s ? s : "(null)");
            } else {
                snprintf(tmp, sizeof tmp, spec, s);
                buf_puts(b, tmp);
            }
            break;
        }
        case 'c': buf_put(b, (char[]){(char)va_arg(ap, int)}, 1); break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            if (strstr(spec, "ll") || strstr(spec, "j"))
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
            else if (strchr(spec, 'l'))
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
            else if (strchr(spec, 'z'))
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, size_t));
            else
                snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
            buf_puts(b, tmp);
            break;
        case 'f': case 'g': case 'e':
            snprintf(tmp, sizeof tmp, spec, va_arg(ap, double));
            buf_puts(b, tmp);
            break;
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            buf_puts(b, tmp);
            break;
        case 'R': case 'S': {
            Value v = va_arg(ap, Value);
            Value s = conv == 'R' ? ou_repr(v) : ou_to_str(v);
            if (IS_ERR(s)) return -1;
            buf_putv(b, s);
            ou_decref(s);
            break;
        }
        case 'T': buf_puts(b, OU_TYPE_NAME(va_arg(ap, Value))); break;
        case 'U': buf_putv(b, va_arg(ap, Value)); break;
        default: buf_puts(b, spec); break;
        }
    }
    return 0;
}

static Value str_vprintf(const char *fmt, va_list ap) {
    /* A message without conversions (most errors raised in loops) needs no buffer. */
    if (!strchr(fmt, '%')) return ou_str_new(fmt, (int64_t)strlen(fmt));
    Buf b = {0};
    if (buf_vformat(&b, fmt, ap) < 0) {
        free(b.p);
        return OU_ERR;
    }
    if (b.failed) {
        free(b.p);
        return ou_err_nomemory();
    }
    Value s = ou_str_new(b.p ? b.p : "", (int64_t)b.n);
    free(b.p);
    return s;
}

Value ou_str_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value s = str_vprintf(fmt, ap);
    va_end(ap);
    return s;
}

/* ---- the exception state ---- */

static inline bool have_exc(void) { return IS_OBJ(vm.curexc); }

bool ou_err_occurred(void) { return have_exc(); }

Value ou_err_peek(void) { return have_exc() ? vm.curexc : OU_UNDEF; }

void ou_err_clear(void) {
    Value e = vm.curexc;
    vm.curexc = OU_UNDEF;
    if (IS_OBJ(e)) ou_decref(e);
}

Value ou_err_fetch(void) {
    Value e = have_exc() ? vm.curexc : OU_UNDEF;
    vm.curexc = OU_UNDEF;
    return e;
}

void ou_err_restore(Value exc) {
    Value old = vm.curexc;
    vm.curexc = exc;
    if (IS_OBJ(old)) ou_decref(old);
}

static inline OuException *EXC(Value v) { return (OuException *)AS_OBJ(v); }

Value ou_err_set_exc(Value exc) {
    /* Implicit chaining: an exception raised while another is handled records it as its
     * __context__, unless that would make a cycle in the chain (CPython cuts it the same way). */
    Value handled = vm_handled_exception();
    if (IS_OBJ(handled) && handled != exc && ou_instance_of(exc, ou_BaseException)) {
        OuException *e = EXC(exc);
        if (!IS_OBJ(e->context)) {
            Value o = handled;
            int guard = 0;
            while (IS_OBJ(o) && guard++ < 1000) {
                OuException *oe = EXC(o);
                if (!IS_OBJ(oe->context)) break;
                if (oe->context == exc) {
                    ou_decref(oe->context);
                    oe->context = OU_NONE;
                    break;
                }
                o = oe->context;
            }
            ou_decref(e->context);
            e->context = ou_newref(handled);
        }
    }
    ou_incref(exc);
    ou_err_restore(exc);
    return OU_ERR;
}

Value ou_err_set_value(OuType *type, Value arg) {
    Value exc = ou_exc_new(type, &arg, 1);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return OU_ERR;
}

Value ou_err_vformat(OuType *type, const char *fmt, va_list ap) {
    Value msg = str_vprintf(fmt, ap);
    if (IS_ERR(msg)) return OU_ERR;
    ou_err_set_value(type, msg);
    ou_decref(msg);
    return OU_ERR;
}

Value ou_err_format(OuType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    ou_err_vformat(type, fmt, ap);
    va_end(ap);
    return OU_ERR;
}

/* MemoryError must be raisable when nothing more can be allocated: one instance is made at
 * start-up and reused (its traceback is reset each time). */
static Value memory_error_instance = OU_UNDEF;

void vm_err_preallocate(void) {
    if (!IS_OBJ(memory_error_instance))
        memory_error_instance = ou_exc_new(ou_MemoryError, NULL, 0);
}
void vm_err_release(void) {
    ou_decref(memory_error_instance);
    memory_error_instance = OU_UNDEF;
}

Value ou_err_nomemory(void) {
    if (!IS_OBJ(memory_error_instance)) {
        fputs("Fatal: out of memory during start-up\n", stderr);
        exit(1);
    }
    OuException *e = EXC(memory_error_instance);
    ou_decref(e->traceback);
    e->traceback = OU_NONE;
    ou_decref(e->context);
    e->context = OU_NONE;
    ou_incref(memory_error_instance);
    ou_err_restore(memory_error_instance);
    return OU_ERR;
}

bool ou_exc_matches(Value exc, Value spec) {
    if (IS_TUPLE(spec)) {
        OuTuple *t = AS_TUPLE(spec);
        for (int64_t i = 0; i < t->len; i++)
            if (ou_exc_matches(exc, t->items[i])) return true;
        return false;
    }
    if (!ou_is_type(spec, &ou_type_type) && !(IS_OBJ(spec) &&
                                              ou_instance_of(spec, &ou_type_type)))
        return false;
    return ou_is_subtype(ou_typeof(exc), AS_TYPE(spec));
}

bool ou_err_matches(OuType *type) {
    return have_exc() && ou_is_subtype(ou_typeof(vm.curexc), type);
}

/* ---- printing ---- */

/* Writes to sys.stderr; falls back to the C stream if that fails (e.g. during teardown). */
static void err_write(const char *s) {
    if (IS_OBJ(ou_sys_stderr)) {
        Value saved = ou_err_fetch();
        int r = ou_file_write_cstr(ou_sys_stderr, s);
        if (r < 0) ou_err_clear();
        if (IS_OBJ(saved)) ou_err_restore(saved);
        if (r >= 0) return;
    }
    fputs(s, stderr);
}

static void err_writef(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Buf b = {0};
    Value saved = ou_err_fetch();
    if (buf_vformat(&b, fmt, ap) < 0) ou_err_clear();
    if (IS_OBJ(saved)) ou_err_restore(saved);
    va_end(ap);
    if (b.p) err_write(b.p);
    free(b.p);
}

/* Reads line `lineno` (1-based) of a file into a malloc'd string without its newline, or
 * returns NULL. Called only while printing a traceback, so it simply rereads the file. */
static char *source_line(const char *filename, int lineno) {
    if (lineno <= 0 || !filename || filename[0] == '<') return NULL;
    FILE *f = fopen(filename, "r");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int n = 0;
    char *result = NULL;
    while ((len = getline(&line, &cap, f)) >= 0) {
        if (++n == lineno) {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
            result = line;
            line = NULL;
            break;
        }
    }
    free(line);
    fclose(f);
    return result;
}

static void print_source_line(const char *filename, int lineno) {
    char *line = source_line(filename, lineno);
    if (!line) return;
    const char *p = line;
    while (*p == ' ' || *p == '\t' || *p == '\f') p++;
    if (*p) err_writef("    %s\n", p);
    free(line);
}

static void print_tb(Value tb) {
    /* CPython shows three entries of a run of identical ones, then one line counting the
     * rest. `repeat` counts the entries after the first of the current run. */
    const char *last_file = NULL;
    int last_line = -1;
    Value last_name = OU_UNDEF;
    int repeat = 0;
    for (; ou_is_type(tb, &ou_traceback_type); tb = ((OuTraceback *)AS_OBJ(tb))->next) {
        OuTraceback *t = (OuTraceback *)AS_OBJ(tb);
        OuCode *code = (OuCode *)AS_OBJ(t->code);
        const char *file = ou_str_data(code->filename);
        if (last_file && strcmp(file, last_file) == 0 && t->line == last_line &&
            code->name == last_name) {
            repeat++;
        } else {
            if (repeat > 2)
                err_writef("  [Previous line repeated %d more time%s]\n", repeat - 2,
                           repeat - 2 == 1 ? "" : "s");
            repeat = 0;
        }
        last_file = file;
        last_line = t->line;
        last_name = code->name;
        if (repeat >= 3) continue;
        err_writef("  File \"%s\", line %d, in %U\n", file, t->line, code->name);
        print_source_line(file, t->line);
    }
    if (repeat > 2)
        err_writef("  [Previous line repeated %d more time%s]\n", repeat - 2,
                   repeat - 2 == 1 ? "" : "s");
}

/* The qualified name CPython prints for an exception's class: bare for builtins and
 * __main__, "module.Name" otherwise. */
static void print_exc_line(Value exc) {
    OuType *t = ou_typeof(exc);
    Buf b = {0};
    if ((t->flags & OU_TPFLAG_HEAPTYPE) && IS_STR(t->module) &&
        !ou_str_eq_cstr(t->module, "__main__") && !ou_str_eq_cstr(t->module, "builtins")) {
        buf_putv(&b, t->module);
        buf_puts(&b, ".");
    }
    if ((t->flags & OU_TPFLAG_HEAPTYPE) && IS_STR(t->qualname))
        buf_putv(&b, t->qualname);
    else
        buf_puts(&b, t->name);
    Value s = ou_to_str(exc);
    if (IS_ERR(s)) {
        ou_err_clear();
        buf_puts(&b, ": <exception str() failed>");
    } else {
        if (ou_str_len(s) > 0) {
            buf_puts(&b, ": ");
            buf_putv(&b, s);
        }
        ou_decref(s);
    }
    buf_puts(&b, "\n");
    if (b.p) err_write(b.p);
    free(b.p);
}

/* A SyntaxError prints its location and a caret instead of (after) a traceback. */
static void print_syntax_error(Value exc) {
    Value d = EXC(exc)->dict;
    if (!IS_DICT(d)) return;
    Value fn = ou_dict_get_str(d, "filename"), ln = ou_dict_get_str(d, "lineno");
    Value off = ou_dict_get_str(d, "offset"), text = ou_dict_get_str(d, "text");
    Value endoff = ou_dict_get_str(d, "end_offset");
    int64_t line = 0, col = 0, endcol = 0;
    if (!IS_STR(fn) || !ou_int_value(ln, &line)) return;
    err_writef("  File \"%U\", line %lld\n", fn, (long long)line);
    if (!IS_STR(text)) return;
    const char *p = ou_str_data(text);
    /* Strip leading whitespace (moving the caret with it) and the trailing newline. */
    int64_t skip = 0;
    while (p[skip] == ' ' || p[skip] == '\t' || p[skip] == '\f') skip++;
    int64_t len = (int64_t)strlen(p + skip);
    while (len > 0 && (p[skip + len - 1] == '\n' || p[skip + len - 1] == '\r')) len--;
    Buf b = {0};
    buf_puts(&b, "    ");
    buf_put(&b, p + skip, (size_t)len);
    buf_puts(&b, "\n");
    if (ou_int_value(off, &col) && col > 0) {
        /* offset counts code points; convert the skipped prefix and columns to spaces. */
        int64_t ncol = col - 1 - skip;
        /* A location inside the stripped indentation (e.g. "unexpected indent") gets no
         * caret, as in CPython. */
        if (ncol < 0) goto done;
        int64_t width = 1;
        if (ou_int_value(endoff, &endcol) && endcol > col) width = endcol - col;
        buf_puts(&b, "    ");
        for (int64_t i = 0; i < ncol; i++) buf_puts(&b, " ");
        for (int64_t i = 0; i < width; i++) buf_puts(&b, "^");
        buf_puts(&b, "\n");
    }
done:
    if (b.p) err_write(b.p);
    free(b.p);
}

static void print_one(Value exc) {
    OuException *e = EXC(exc);
    if (ou_is_type(e->traceback, &ou_traceback_type)) {
        err_write("Traceback (most recent call last):\n");
        print_tb(e->traceback);
    }
    if (ou_instance_of(exc, ou_SyntaxError)) {
        print_syntax_error(exc);
        /* The message alone: str(SyntaxError) would append "(file, line N)". */
        Value msg = IS_DICT(e->dict) ? ou_dict_get_str(e->dict, "msg") : OU_UNDEF;
        if (IS_STR(msg)) {
            err_writef("%s: %U\n", ou_typeof(exc)->name, msg);
            return;
        }
    }
    print_exc_line(exc);
}

static void print_chain(Value exc, int depth) {
    OuException *e = EXC(exc);
    if (depth < 100) {
        if (ou_instance_of(e->cause, ou_BaseException)) {
            print_chain(e->cause, depth + 1);
            err_write("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (!e->suppress_context && ou_instance_of(e->context, ou_BaseException)) {
            print_chain(e->context, depth + 1);
            err_write("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(exc);
}

void ou_err_print(Value exc) {
    if (!ou_instance_of(exc, ou_BaseException)) return;
    print_chain(exc, 0);
}

void ou_err_write_unraisable(Value obj) {
    Value exc = ou_err_fetch();
    if (!IS_OBJ(exc)) return;
    Value r = ou_repr(obj);
    if (IS_ERR(r)) {
        ou_err_clear();
        err_write("Exception ignored in: <object repr() failed>\n");
    } else {
        err_writef("Exception ignored in: %U\n", r);
        ou_decref(r);
    }
    /* CPython's unraisable hook prints the exception alone, without its chain. */
    print_one(exc);
    ou_decref(exc);
}
