/* repl.c: the interactive loop (`ouro` on a terminal, `ouro -i FILE`).
 *
 * Lines come from libedit when stdin and stdout are both terminals, else from stdio with the
 * prompt on stderr (as CPython does without readline). Lines accumulate in one buffer until
 * the compiler, run in mode "single", says the statement is complete; the decision is the
 * compiler's, with two refinements that CPython's tokenizer makes in interactive mode (see
 * classify()). Each complete statement is one history entry, so a multi-line block is recalled
 * as a whole. Tab completes keywords, globals, builtins and `name.attr` chains by looking at
 * dictionaries only, so completing never runs user code except attribute getters on the chain.
 *
 * The session also installs, in builtins, the objects CPython's site module provides to an
 * interactive user: a richer help, copyright, credits and license.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "interp.h"

#define REPL_HISTORY_SIZE 1000
#define REPL_INDENT "    "

/* ---------------------------------------------------------------------------------------------
 * A growable byte buffer. On allocation failure it sets oom and ignores further appends, so
 * that callers check once at the end.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    char *p;        /* NUL-terminated when cap > 0 */
    size_t len, cap;
    bool oom;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap) cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = true;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_adds(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_addv(Buf *b, Value s) {
    if (IS_STR(s)) buf_add(b, ou_str_data(s), (size_t)ou_str_len(s));
}

static void buf_reset(Buf *b) {
    b->len = 0;
    if (b->p) b->p[0] = 0;
}

/* ---------------------------------------------------------------------------------------------
 * Small helpers over the object API.
 * ------------------------------------------------------------------------------------------- */

/* The sys module (new reference) or OU_UNDEF, never with an exception left set. */
static Value sys_module(void) {
    Value m = ou_import(ou_str_intern("sys"));
    if (IS_ERR(m)) {
        ou_err_clear();
        return OU_UNDEF;
    }
    return m;
}

/* __main__'s namespace, borrowed, or OU_UNDEF before the first statement created it. */
static Value main_dict(void) {
    Value m = ou_dict_get_str(ou_sys_modules(), "__main__");
    return ou_is_type(m, &ou_module_type) ? ((OuModule *)AS_OBJ(m))->dict : OU_UNDEF;
}

/* Writes text to the current sys.stdout; -1 with an exception set on failure. */
static int write_out(const char *s, size_t n) {
    Value v = ou_str_new(s, (int64_t)n);
    if (IS_ERR(v)) return -1;
    int r = ou_file_write_str(ou_sys_stdout, v);
    ou_decref(v);
    return r;
}

static bool is_blank(const char *s) {
    for (; *s; s++)
        if (!strchr(" \t\f\r\n", *s)) return false;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * help(): pydoc's plain-text layout, reduced to what Ouro's objects carry.
 * ------------------------------------------------------------------------------------------- */

/* inspect.cleandoc: strip the first line, dedent the others by their common indentation, and
 * drop leading and trailing blank lines; every output line gets `indent` in front. */
static void add_doc(Buf *b, const char *doc, const char *indent) {
    if (!doc || !*doc) return;
    size_t common = (size_t)-1;
    const char *p = strchr(doc, '\n');
    for (const char *l = p ? p + 1 : NULL; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        size_t n = strspn(l, " ");
        if (l[n] && l[n] != '\n' && n < common) common = n;
    }
    if (common == (size_t)-1) common = 0;
    Buf lines = {0};
    bool first = true;
    for (const char *l = doc; l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        const char *s = l;
        if (first) {
            while (n && (*s == ' ' || *s == '\t')) s++, n--;
        } else {
            size_t skip = common < n ? common : n;
            s += skip;
            n -= skip;
        }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
        if (!(lines.len == 0 && n == 0)) {
            buf_add(&lines, s, n);
            buf_adds(&lines, "\n");
        }
        first = false;
        l = e ? e + 1 : NULL;
    }
    while (lines.len >= 2 && lines.p[lines.len - 1] == '\n' && lines.p[lines.len - 2] == '\n')
        lines.p[--lines.len] = 0;
    for (const char *l = lines.p; l && *l;) {
        const char *e = strchr(l, '\n');
        size_t n = e ? (size_t)(e - l) : strlen(l);
        buf_adds(b, indent);
        buf_add(b, l, n);
        buf_adds(b, "\n");
        l = e ? e + 1 : NULL;
    }
    if (lines.oom) b->oom = true;
    free(lines.p);
}

static void add_doc_value(Buf *b, Value doc, const char *indent) {
    if (IS_STR(doc)) add_doc(b, ou_str_data(doc), indent);
}

static void add_repr(Buf *b, Value v) {
    Value r = ou_repr(v);
    if (IS_ERR(r)) {
        ou_err_clear();
        buf_adds(b, "<?>");
        return;
    }
    buf_addv(b, r);
    ou_decref(r);
}

/* A Python function's parameter list, "(a, b=2, /, *args, c, **kw)"; skip drops the first
 * parameter (self of a bound method). */
static void add_signature(Buf *b, OuFunction *f, int skip) {
    OuCode *co = f->code;
    int npos = co->argcount, nkw = co->kwonlyargcount;
    int ndef = IS_TUPLE(f->defaults) ? (int)AS_TUPLE(f->defaults)->len : 0;
    Value *names = AS_TUPLE(co->varnames)->items;
    bool sep = false;
    buf_adds(b, "(");
    for (int i = skip; i < npos; i++) {
        if (sep) buf_adds(b, ", ");
        sep = true;
        buf_addv(b, names[i]);
        if (i >= npos - ndef) {
            buf_adds(b, "=");
            add_repr(b, AS_TUPLE(f->defaults)->items[i - (npos - ndef)]);
        }
        if (co->posonlyargcount > 0 && i == co->posonlyargcount - 1) buf_adds(b, ", /");
    }
    int extra = npos + nkw;
    if (co->flags & OU_CO_VARARGS) {
        buf_adds(b, sep ? ", *" : "*");
        buf_addv(b, names[extra++]);
        sep = true;
    } else if (nkw) {
        buf_adds(b, sep ? ", *" : "*");
        sep = true;
    }
    for (int i = npos; i < npos + nkw; i++) {
        buf_adds(b, ", ");
        buf_addv(b, names[i]);
        Value d = IS_DICT(f->kwdefaults) ? ou_dict_get(f->kwdefaults, names[i]) : OU_UNDEF;
        if (IS_ERR(d)) ou_err_clear();
        if (!IS_UNDEF(d) && !IS_ERR(d)) {
            buf_adds(b, "=");
            add_repr(b, d);
        }
    }
    if (co->flags & OU_CO_VARKW) {
        buf_adds(b, sep ? ", **" : "**");
        buf_addv(b, names[extra]);
    }
    buf_adds(b, ")");
}

/* One routine as pydoc lists it: "name(signature)" then its doc, under `indent`. */
static void add_routine(Buf *b, const char *name, Value fn, const char *indent, int skip,
                        const char *suffix) {
    Buf doc_indent = {0};
    buf_adds(&doc_indent, indent);
    buf_adds(&doc_indent, REPL_INDENT);
    buf_adds(b, indent);
    buf_adds(b, name);
    if (ou_is_type(fn, &ou_function_type)) {
        OuFunction *f = (OuFunction *)AS_OBJ(fn);
        add_signature(b, f, skip);
        if (suffix) buf_adds(b, suffix);
        buf_adds(b, "\n");
        add_doc_value(b, f->doc, doc_indent.p ? doc_indent.p : REPL_INDENT);
    } else {
        buf_adds(b, "(...)");
        if (suffix) buf_adds(b, suffix);
        buf_adds(b, "\n");
        const char *doc = ou_is_type(fn, &ou_cfunction_type) ? ((OuCFunction *)AS_OBJ(fn))->doc : NULL;
        add_doc(b, doc, doc_indent.p ? doc_indent.p : REPL_INDENT);
    }
    free(doc_indent.p);
}

/* The name of a type as pydoc shows it in a class header: bare inside its own module,
 * module-qualified otherwise. */
static void add_type_name(Buf *b, OuType *t, Value here) {
    Value mod = ou_getattr_cstr(MK_OBJ(t), "__module__");
    if (IS_ERR(mod)) ou_err_clear();
    if (IS_STR(mod) && !(IS_STR(here) && ou_str_eq(mod, here))) {
        buf_addv(b, mod);
        buf_adds(b, ".");
    } else if (!IS_STR(mod) && !(t->flags & OU_TPFLAG_HEAPTYPE) && !IS_STR(here)) {
        buf_adds(b, "builtins.");
    }
    if (!IS_ERR(mod)) ou_xdecref(mod);
    if (IS_STR(t->qualname))
        buf_addv(b, t->qualname);
    else
        buf_adds(b, t->name);
}

/* The attributes of one class of the MRO, sorted, grouped into pydoc's sections. `owner` is
 * NULL for the class being described, else the ancestor they are inherited from. */
static void add_class_dict(Buf *b, OuType *t, OuType *owner, Value here, bool *any) {
    static const char *const kinds[] = {"Methods", "Class methods", "Static methods",
                                        "Readonly properties", "Data and other attributes"};
    if (!IS_DICT(t->dict)) return;
    Value keys = ou_dict_keys_list(t->dict);
    if (IS_ERR(keys)) {
        ou_err_clear();
        return;
    }
    if (IS_ERR(ou_list_sort(keys, OU_NONE, false))) ou_err_clear();
    for (int kind = 0; kind < 5; kind++) {
        bool header = false;
        for (int64_t i = 0; i < AS_LIST(keys)->len; i++) {
            Value k = AS_LIST(keys)->items[i];
            if (!IS_STR(k)) continue;
            const char *name = ou_str_data(k);
            if (!strcmp(name, "__module__") || !strcmp(name, "__doc__") ||
                !strcmp(name, "__dict__") || !strcmp(name, "__weakref__") ||
                !strcmp(name, "__qualname__") || !strcmp(name, "__annotations__"))
                continue;
            Value v = ou_dict_get(t->dict, k);
            if (IS_ERR(v)) {
                ou_err_clear();
                continue;
            }
            int vk;
            if (ou_is_type(v, &ou_classmethod_type)) vk = 1;
            else if (ou_is_type(v, &ou_staticmethod_type)) vk = 2;
            else if (ou_is_type(v, &ou_property_type)) vk = 3;
            else if (ou_is_type(v, &ou_function_type) || ou_is_type(v, &ou_cfunction_type)) vk = 0;
            else vk = 4;
            if (vk != kind) continue;
            /* Builtin types carry no docs for their dunder slots: list only what says something. */
            if (!(t->flags & OU_TPFLAG_HEAPTYPE) && vk == 4 && name[0] == '_') continue;
            if (!header) {
                if (*any) buf_adds(b, " |  \n |  ----------------------------------------------------------------------\n");
                buf_adds(b, " |  ");
                buf_adds(b, kinds[kind]);
                if (owner) {
                    buf_adds(b, " inherited from ");
                    add_type_name(b, owner, here);
                    buf_adds(b, ":\n |  \n");
                } else {
                    buf_adds(b, " defined here:\n |  \n");
                }
                header = true;
                *any = true;
            } else {
                buf_adds(b, " |  \n");
            }
            if (vk <= 2) {
                Value fn = vk == 0 ? v : ((OuStaticMethod *)AS_OBJ(v))->func;
                add_routine(b, name, fn, " |  ", 0, NULL);
            } else if (vk == 3) {
                buf_adds(b, " |  ");
                buf_adds(b, name);
                buf_adds(b, "\n");
                Value fget = ((OuProperty *)AS_OBJ(v))->fget;
                Value doc = ((OuProperty *)AS_OBJ(v))->doc;
                if (!IS_STR(doc) && ou_is_type(fget, &ou_function_type))
                    doc = ((OuFunction *)AS_OBJ(fget))->doc;
                add_doc_value(b, doc, " |      ");
            } else {
                buf_adds(b, " |  ");
                buf_adds(b, name);
                buf_adds(b, " = ");
                add_repr(b, v);
                buf_adds(b, "\n");
            }
        }
    }
    ou_decref(keys);
}

static void add_class(Buf *b, OuType *t) {
    Value here = ou_getattr_cstr(MK_OBJ(t), "__module__");
    if (IS_ERR(here)) {
        ou_err_clear();
        here = OU_UNDEF;
    }
    buf_adds(b, "class ");
    buf_adds(b, IS_STR(t->qualname) ? ou_str_data(t->qualname) : t->name);
    int64_t nbases = IS_TUPLE(t->bases) ? AS_TUPLE(t->bases)->len : 0;
    if (nbases > 0) {
        buf_adds(b, "(");
        for (int64_t i = 0; i < nbases; i++) {
            if (i) buf_adds(b, ", ");
            OuType *base = AS_TYPE(AS_TUPLE(t->bases)->items[i]);
            if (base == &ou_object_type)
                buf_adds(b, "builtins.object");
            else
                add_type_name(b, base, here);
        }
        buf_adds(b, ")");
    }
    buf_adds(b, "\n");
    /* The constructor's signature, as pydoc shows it from __init__. */
    Value init = ou_type_lookup(t, ou_str_intern("__init__"));
    bool body = false;
    if (ou_is_type(init, &ou_function_type)) {
        buf_adds(b, " |  ");
        buf_adds(b, t->name);
        add_signature(b, (OuFunction *)AS_OBJ(init), 1);
        buf_adds(b, "\n");
        body = true;
    }
    Value doc = IS_DICT(t->dict) ? ou_dict_get_str(t->dict, "__doc__") : OU_UNDEF;
    if (IS_STR(doc)) {
        if (body) buf_adds(b, " |  \n");
        add_doc(b, ou_str_data(doc), " |  ");
        body = true;
    }
    int64_t nmro = IS_TUPLE(t->mro) ? AS_TUPLE(t->mro)->len : 0;
    if (nmro > 2) {
        if (body) buf_adds(b, " |  \n");
        buf_adds(b, " |  Method resolution order:\n");
        for (int64_t i = 0; i < nmro; i++) {
            buf_adds(b, " |      ");
            OuType *m = AS_TYPE(AS_TUPLE(t->mro)->items[i]);
            if (m == &ou_object_type)
                buf_adds(b, "builtins.object");
            else
                add_type_name(b, m, here);
            buf_adds(b, "\n");
        }
        body = true;
    }
    if (body) buf_adds(b, " |  \n");
    bool any = false;
    add_class_dict(b, t, NULL, here, &any);
    for (int64_t i = 1; i < nmro; i++) {
        OuType *m = AS_TYPE(AS_TUPLE(t->mro)->items[i]);
        if (m != &ou_object_type) add_class_dict(b, m, m, here, &any);
    }
    if (!IS_UNDEF(here)) ou_decref(here);
}

static void add_module(Buf *b, Value m) {
    OuModule *mod = (OuModule *)AS_OBJ(m);
    buf_adds(b, "NAME\n    ");
    buf_addv(b, mod->name);
    buf_adds(b, "\n\n");
    Value doc = ou_dict_get_str(mod->dict, "__doc__");
    if (IS_STR(doc)) {
        buf_adds(b, "DESCRIPTION\n");
        add_doc(b, ou_str_data(doc), REPL_INDENT);
        buf_adds(b, "\n");
    }
    Value keys = ou_dict_keys_list(mod->dict);
    if (IS_ERR(keys)) {
        ou_err_clear();
        return;
    }
    if (IS_ERR(ou_list_sort(keys, OU_NONE, false))) ou_err_clear();
    static const char *const sections[] = {"CLASSES", "FUNCTIONS", "DATA"};
    for (int s = 0; s < 3; s++) {
        bool header = false;
        for (int64_t i = 0; i < AS_LIST(keys)->len; i++) {
            Value k = AS_LIST(keys)->items[i];
            if (!IS_STR(k) || ou_str_data(k)[0] == '_') continue;
            Value v = ou_dict_get(mod->dict, k);
            if (IS_ERR(v)) {
                ou_err_clear();
                continue;
            }
            bool routine = ou_is_type(v, &ou_function_type) || ou_is_type(v, &ou_cfunction_type);
            int kind = ou_instance_of(v, &ou_type_type) ? 0 : routine ? 1 : 2;
            if (kind != s || ou_is_type(v, &ou_module_type)) continue;
            if (!header) {
                buf_adds(b, sections[s]);
                buf_adds(b, "\n");
                header = true;
            }
            if (kind == 0) {
                buf_adds(b, REPL_INDENT);
                buf_adds(b, AS_TYPE(v)->name);
                buf_adds(b, "\n");
            } else if (kind == 1) {
                add_routine(b, ou_str_data(k), v, REPL_INDENT, 0, NULL);
                buf_adds(b, "\n");
            } else {
                buf_adds(b, REPL_INDENT);
                buf_addv(b, k);
                buf_adds(b, " = ");
                add_repr(b, v);
                buf_adds(b, "\n");
            }
        }
        if (header && s != 1) buf_adds(b, "\n");
    }
    ou_decref(keys);
    buf_adds(b, "FILE\n    ");
    Value file = ou_dict_get_str(mod->dict, "__file__");
    if (IS_STR(file))
        buf_addv(b, file);
    else
        buf_adds(b, "(built-in)");
    buf_adds(b, "\n\n");
}

/* One short paragraph per keyword, for help('for'). */
static const struct { const char *kw, *text; } keyword_help[] = {
    {"False", "False and True are the two values of bool; False is equal to 0."},
    {"None", "None is the value of no value: what a function without return returns."},
    {"True", "False and True are the two values of bool; True is equal to 1."},
    {"and", "x and y: x if x is false, else y (y is evaluated only when needed)."},
    {"as", "Names the target of import ... as, with ... as and except ... as."},
    {"assert", "assert test[, message]: raise AssertionError(message) when test is false."},
    {"async", "Marks a coroutine function or statement (not supported by Ouro)."},
    {"await", "Suspends a coroutine until an awaitable finishes (not supported by Ouro)."},
    {"break", "Leaves the innermost for or while loop, skipping its else clause."},
    {"class", "class Name(bases): block -- defines a class; the block's names become its\n"
              "attributes and its functions its methods."},
    {"continue", "Goes on with the next iteration of the innermost for or while loop."},
    {"def", "def name(parameters): block -- defines a function. Parameters may have\n"
            "defaults (x=1), collect extra arguments (*args, **kwargs) or be keyword-only."},
    {"del", "del target, ...: deletes names, items (del d[k]) or attributes (del o.a)."},
    {"elif", "Part of the if statement: if test: block elif test: block else: block."},
    {"else", "The last branch of if, and of for/while (runs when the loop was not left by\n"
             "break) and try (runs when no exception was raised)."},
    {"except", "try: block except Type as name: block -- handles exceptions of Type."},
    {"finally", "try: block finally: block -- the finally block always runs on the way out."},
    {"for", "for target in iterable: block [else: block] -- runs the block once per item."},
    {"from", "from module import name; also raise exc from cause."},
    {"global", "global name: assignments to name in this function change the module's name."},
    {"if", "if test: block [elif test: block]... [else: block] -- runs the first block whose\n"
           "test is true; also the conditional expression a if test else b."},
    {"import", "import module [as name]: loads a module and binds it to a name."},
    {"in", "x in c: membership test; also part of for target in iterable."},
    {"is", "x is y: identity test (the same object); x is not y is its negation."},
    {"lambda", "lambda parameters: expression -- an anonymous function of one expression."},
    {"nonlocal", "nonlocal name: assignments to name change the enclosing function's name."},
    {"not", "not x: True when x is false; also part of `not in` and `is not`."},
    {"or", "x or y: x if x is true, else y (y is evaluated only when needed)."},
    {"pass", "Does nothing: a placeholder where a statement is required."},
    {"raise", "raise [exception [from cause]]: raises an exception, or re-raises the one\n"
              "being handled."},
    {"return", "return [value]: leaves the function with value (None without one)."},
    {"try", "try: block, then except, else and finally clauses: handles exceptions."},
    {"while", "while test: block [else: block] -- runs the block while test is true."},
    {"with", "with expr as name: block -- calls expr.__enter__() before the block and\n"
             "__exit__() after it, even when it raises."},
    {"yield", "Makes a function a generator (not yet supported by Ouro)."},
};

static const char help_intro[] =
    "Welcome to Ouro " OU_VERSION "'s help!\n"
    "\n"
    "Ouro runs a subset of Python 3; the Python tutorial at https://docs.python.org/3.11/tutorial/\n"
    "applies to it. Ways to get help in this session:\n"
    "\n"
    "    help(object)     describes a function, class, module or value (its class)\n"
    "    help('word')     describes a keyword such as 'for', or names a builtin or module\n"
    "    dir(object)      lists an object's attributes; dir() lists your names\n"
    "    type(object)     tells what kind of value an object is\n"
    "\n"
    "Editing: arrows move and recall history (saved in ~/.ouro_history), Tab completes\n"
    "names and attributes (or indents at the start of a line), Ctrl-C discards the line\n"
    "or interrupts running code, Ctrl-D or exit() leaves.\n";

static int help_print(Buf *b) {
    if (b->oom) {
        free(b->p);
        ou_err_nomemory();
        return -1;
    }
    int r = write_out(b->p ? b->p : "", b->len);
    free(b->p);
    return r;
}

static int help_object(Value obj);

/* help('word'): a keyword, a builtin's name or a module's name. */
static int help_topic(Value word) {
    const char *w = ou_str_data(word);
    Buf b = {0};
    for (size_t i = 0; i < sizeof keyword_help / sizeof keyword_help[0]; i++) {
        if (strcmp(w, keyword_help[i].kw)) continue;
        buf_adds(&b, "The \"");
        buf_adds(&b, w);
        buf_adds(&b, "\" keyword\n\n");
        add_doc(&b, keyword_help[i].text, "");
        return help_print(&b);
    }
    Value v = ou_dict_get(ou_builtins_dict(), word);
    if (IS_ERR(v)) ou_err_clear();
    if (!IS_UNDEF(v) && !IS_ERR(v)) return help_object(v);
    Value m = ou_import(word);
    if (!IS_ERR(m)) {
        int r = help_object(m);
        ou_decref(m);
        return r;
    }
    ou_err_clear();
    buf_adds(&b, "No Python documentation found for ");
    Value r = ou_repr(word);
    if (IS_ERR(r)) {
        free(b.p);
        return -1;
    }
    buf_addv(&b, r);
    ou_decref(r);
    buf_adds(&b, ".\nUse help() to get the interactive help utility.\n"
                 "Use help(str) for help on the str class.\n");
    return help_print(&b);
}

static void add_module_of(Buf *b, Value module) {
    if (IS_STR(module)) {
        buf_adds(b, " in module ");
        buf_addv(b, module);
    }
}

static int help_object(Value obj) {
    Buf b = {0};
    if (ou_is_type(obj, &ou_function_type)) {
        OuFunction *f = (OuFunction *)AS_OBJ(obj);
        buf_adds(&b, "Help on function ");
        buf_addv(&b, f->name);
        add_module_of(&b, f->module);
        buf_adds(&b, ":\n\n");
        add_routine(&b, IS_STR(f->name) ? ou_str_data(f->name) : "?", obj, "", 0, NULL);
        buf_adds(&b, "\n");
    } else if (ou_is_type(obj, &ou_cfunction_type)) {
        OuCFunction *f = (OuCFunction *)AS_OBJ(obj);
        buf_adds(&b, "Help on built-in function ");
        buf_adds(&b, f->name);
        Buf suffix = {0};
        if (IS_UNDEF(f->self)) {
            add_module_of(&b, f->module);
        } else {
            buf_adds(&suffix, " method of ");
            OuType *st = ou_typeof(f->self);
            if (!(st->flags & OU_TPFLAG_HEAPTYPE)) buf_adds(&suffix, "builtins.");
            buf_adds(&suffix, st->name);
            buf_adds(&suffix, " instance");
        }
        buf_adds(&b, ":\n\n");
        add_routine(&b, f->name, obj, "", 0, suffix.p);
        free(suffix.p);
        buf_adds(&b, "\n");
    } else if (ou_is_type(obj, &ou_method_type)) {
        OuMethod *m = (OuMethod *)AS_OBJ(obj);
        const char *name = "?";
        Value modname = OU_UNDEF;
        if (ou_is_type(m->func, &ou_function_type)) {
            OuFunction *f = (OuFunction *)AS_OBJ(m->func);
            if (IS_STR(f->name)) name = ou_str_data(f->name);
            modname = f->module;
        }
        buf_adds(&b, "Help on method ");
        buf_adds(&b, name);
        add_module_of(&b, modname);
        buf_adds(&b, ":\n\n");
        Buf suffix = {0};
        buf_adds(&suffix, " method of ");
        add_type_name(&suffix, ou_typeof(m->self), OU_UNDEF);
        buf_adds(&suffix, " instance");
        add_routine(&b, name, m->func, "", 1, suffix.p);
        free(suffix.p);
        buf_adds(&b, "\n");
    } else if (ou_is_type(obj, &ou_module_type)) {
        buf_adds(&b, "Help on module ");
        buf_addv(&b, ((OuModule *)AS_OBJ(obj))->name);
        buf_adds(&b, ":\n\n");
        add_module(&b, obj);
    } else if (ou_instance_of(obj, &ou_type_type)) {
        OuType *t = AS_TYPE(obj);
        Value mod = ou_getattr_cstr(obj, "__module__");
        if (IS_ERR(mod)) ou_err_clear();
        buf_adds(&b, "Help on class ");
        buf_adds(&b, t->name);
        if (IS_STR(mod) && !ou_str_eq_cstr(mod, "builtins")) add_module_of(&b, mod);
        if (!IS_ERR(mod)) ou_xdecref(mod);
        buf_adds(&b, ":\n\n");
        add_class(&b, t);
        buf_adds(&b, "\n");
    } else {
        /* Any other value: its class, as pydoc does. */
        OuType *t = ou_typeof(obj);
        buf_adds(&b, "Help on ");
        buf_adds(&b, t->name);
        buf_adds(&b, " object:\n\n");
        add_class(&b, t);
        buf_adds(&b, "\n");
    }
    return help_print(&b);
}

/* help, copyright, credits and license are objects whose repr tells what to type and whose
 * call prints the text (CPython's _sitebuiltins._Helper and _Printer). They are static and
 * immortal, installed in builtins when a session starts. */
typedef struct {
    OuObject ob;
    const char *repr;  /* what `>>> name` shows */
    const char *text;  /* what name() prints (NULL: this is help) */
} Printer;

static const char copyright_text[] =
    "Copyright (c) 2025 The Ouro authors.\n"
    "All Rights Reserved.";
static const char credits_text[] =
    "    Thanks to the authors of CPython, Lua, Wren, QuickJS, clox and MicroPython, whose\n"
    "    designs Ouro learns from.";
static const char license_text[] =
    "Ouro is a small interpreter of Python 3 written in C11. See the README and the\n"
    "LICENSE file of its source distribution for the terms under which it is distributed.";

static Value printer_repr(Value self) { return ou_str_cstr(((Printer *)AS_OBJ(self))->repr); }

static Value printer_call(Value self, Value *args, int nargs, Value kwnames) {
    Printer *p = (Printer *)AS_OBJ(self);
    if (!p->text) {
        Value obj = OU_UNDEF;
        static const char *const names[] = {"request", NULL};
        if (ou_parse_args(args, nargs, kwnames, "help", "|O", names, &obj) < 0) return OU_ERR;
        int r;
        if (IS_UNDEF(obj))
            r = write_out(help_intro, sizeof help_intro - 1);
        else if (IS_STR(obj))
            r = help_topic(obj);
        else
            r = help_object(obj);
        return r < 0 ? OU_ERR : OU_NONE;
    }
    if (ou_parse_args(args, nargs, kwnames, "__call__", "", (const char *const[]){NULL}) < 0)
        return OU_ERR;
    if (write_out(p->text, strlen(p->text)) < 0 || write_out("\n", 1) < 0) return OU_ERR;
    return OU_NONE;
}

static OuType printer_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "_sitebuiltins._Printer",
    .basicsize = sizeof(Printer),
    .repr = printer_repr,
    .call = printer_call,
};

#define PRINTER(text_repr, text) \
    {{.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &printer_type}, text_repr, text}
static Printer help_obj =
    PRINTER("Type help() for interactive help, or help(object) for help about object.", NULL);
static Printer copyright_obj = PRINTER(copyright_text, copyright_text);
static Printer credits_obj = PRINTER(credits_text, credits_text);
static Printer license_obj = PRINTER("Type license() to see the full license text", license_text);

static int install_builtins(void) {
    if (ou_type_ready(&printer_type) < 0) return -1;
    Value d = ou_builtins_dict();
    if (ou_dict_set_str(d, "help", MK_OBJ(&help_obj)) < 0 ||
        ou_dict_set_str(d, "copyright", MK_OBJ(&copyright_obj)) < 0 ||
        ou_dict_set_str(d, "credits", MK_OBJ(&credits_obj)) < 0 ||
        ou_dict_set_str(d, "license", MK_OBJ(&license_obj)) < 0)
        return -1;
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Completion. Candidates come from dictionaries only (no __dir__, no eval), so pressing Tab
 * never runs user code except the attribute getters of an explicit `a.b.` chain.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    char **v;
    int n, cap;
} Matches;

static void matches_add(Matches *m, const char *s, size_t n, const char *suffix) {
    for (int i = 0; i < m->n; i++)
        if (!strncmp(m->v[i], s, n) && (m->v[i][n] == 0 || strchr("( :", m->v[i][n]))) return;
    if (m->n == m->cap) {
        int cap = m->cap ? m->cap * 2 : 32;
        char **nv = realloc(m->v, sizeof *nv * (size_t)cap);
        if (!nv) return;
        m->v = nv;
        m->cap = cap;
    }
    size_t sl = strlen(suffix);
    char *c = malloc(n + sl + 1);
    if (!c) return;
    memcpy(c, s, n);
    memcpy(c + n, suffix, sl + 1);
    m->v[m->n++] = c;
}

static void matches_free(Matches *m) {
    for (int i = 0; i < m->n; i++) free(m->v[i]);
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}

static const char *const kwlist[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", NULL};

/* Number of parameters of a Python function, or -1 for anything else. */
static int param_count(Value f) {
    if (!ou_is_type(f, &ou_function_type)) return -1;
    OuCode *co = ((OuFunction *)AS_OBJ(f))->code;
    return co->argcount + co->kwonlyargcount + !!(co->flags & OU_CO_VARARGS) +
           !!(co->flags & OU_CO_VARKW);
}

/* rlcompleter's suffix: "(" after a callable, "()" when it takes no arguments (as far as
 * Python-level signatures tell; builtins keep "("). `bound`: v was found in a class and is
 * reached through an instance, so a function's first parameter is taken by self. */
static const char *value_suffix(Value v, bool bound) {
    int n = -1;
    if (ou_is_type(v, &ou_property_type)) return "";
    if (ou_is_type(v, &ou_staticmethod_type)) {
        n = param_count(((OuStaticMethod *)AS_OBJ(v))->func);
    } else if (ou_is_type(v, &ou_classmethod_type)) {
        n = param_count(((OuStaticMethod *)AS_OBJ(v))->func);
        if (n > 0) n--;
    } else if (ou_is_type(v, &ou_function_type)) {
        n = param_count(v);
        if (bound && n > 0) n--;
    } else if (ou_is_type(v, &ou_method_type)) {
        n = param_count(((OuMethod *)AS_OBJ(v))->func);
        if (n > 0) n--;
    } else if (ou_instance_of(v, &ou_type_type) && (AS_TYPE(v)->flags & OU_TPFLAG_HEAPTYPE)) {
        Value init = ou_type_lookup(AS_TYPE(v), ou_str_intern("__init__"));
        n = ou_is_type(init, &ou_function_type) ? param_count(init) - 1 : 0;
    } else if (!ou_typeof(v)->call) {
        return "";
    }
    return n == 0 ? "()" : "(";
}

static void add_dict_matches(Matches *m, Value d, const char *prefix, size_t plen,
                             const char *lead, size_t llen, const char *noprefix, bool bound) {
    if (!IS_DICT(d)) return;
    int64_t pos = 0;
    Value k, v;
    Buf name = {0};
    while (ou_dict_next(d, &pos, &k, &v)) {
        if (!IS_STR(k) || strncmp(ou_str_data(k), prefix, plen)) continue;
        if (noprefix && !strncmp(ou_str_data(k), noprefix, strlen(noprefix))) continue;
        buf_reset(&name);
        buf_add(&name, lead, llen);
        buf_addv(&name, k);
        if (!name.oom) matches_add(m, name.p, name.len, value_suffix(v, bound));
    }
    free(name.p);
}

static bool is_ident_char(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* Fills m with the completions of word (the text before the cursor, back to the first
 * character that cannot be part of a dotted name). */
static void complete_word(Matches *m, const char *word, size_t wlen) {
    const char *dot = NULL;
    for (const char *p = word; p < word + wlen; p++)
        if (*p == '.') dot = p;
    if (!dot) {
        for (int i = 0; kwlist[i]; i++) {
            const char *k = kwlist[i];
            if (strncmp(k, word, wlen)) continue;
            const char *suffix = !strcmp(k, "finally") || !strcmp(k, "try") ? ":"
                : !strcmp(k, "False") || !strcmp(k, "None") || !strcmp(k, "True") ||
                  !strcmp(k, "break") || !strcmp(k, "continue") || !strcmp(k, "pass") ||
                  !strcmp(k, "else") ? "" : " ";
            matches_add(m, k, strlen(k), suffix);
        }
        add_dict_matches(m, main_dict(), word, wlen, "", 0, NULL, false);
        add_dict_matches(m, ou_builtins_dict(), word, wlen, "", 0, NULL, false);
        return;
    }
    /* Resolve the chain before the last dot: a name, then attributes. */
    Value obj = OU_UNDEF;
    const char *p = word;
    if (!isalpha((unsigned char)*p) && *p != '_' && (unsigned char)*p < 0x80) return;
    while (p < dot) {
        const char *e = p;
        while (e < dot && *e != '.') e++;
        if (e == p) goto done;
        Value name = ou_str_new(p, e - p);
        if (IS_ERR(name)) goto done;
        Value next;
        if (IS_UNDEF(obj)) {
            Value d = main_dict();
            next = IS_DICT(d) ? ou_dict_get(d, name) : OU_UNDEF;
            if (IS_UNDEF(next)) next = ou_dict_get(ou_builtins_dict(), name);
            if (IS_ERR(next) || IS_UNDEF(next)) {
                ou_decref(name);
                goto done;
            }
            ou_incref(next);
        } else {
            next = ou_getattr(obj, name);
            ou_decref(obj);
            obj = OU_UNDEF;
        }
        ou_decref(name);
        if (IS_ERR(next)) goto done;
        obj = next;
        p = e + 1;
    }
    const char *attr = dot + 1;
    size_t alen = (size_t)(word + wlen - attr);
    const char *noprefix = alen == 0 ? "_" : (alen == 1 && attr[0] == '_') ? "__" : NULL;
    size_t llen = (size_t)(attr - word);
    OuType *t = ou_typeof(obj);
    if (ou_is_type(obj, &ou_module_type)) {
        add_dict_matches(m, ((OuModule *)AS_OBJ(obj))->dict, attr, alen, word, llen, noprefix,
                         false);
    } else {
        Value d = t->dictoffset > 0 ? ou_instance_dict(obj) : OU_UNDEF;
        if (IS_ERR(d)) {
            ou_err_clear(); /* completion offers what it can */
            d = OU_UNDEF;
        }
        if (!IS_UNDEF(d))
            add_dict_matches(m, d, attr, alen, word, llen, noprefix, false);
        bool is_type = ou_instance_of(obj, &ou_type_type);
        OuType *walk = is_type ? AS_TYPE(obj) : t;
        int64_t n = IS_TUPLE(walk->mro) ? AS_TUPLE(walk->mro)->len : 0;
        for (int64_t i = 0; i < n; i++)
            add_dict_matches(m, AS_TYPE(AS_TUPLE(walk->mro)->items[i])->dict, attr, alen, word,
                             llen, noprefix, !is_type);
    }
done:
    if (!IS_UNDEF(obj)) ou_decref(obj);
    if (ou_err_occurred()) ou_err_clear();
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int terminal_width(void) {
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 80;
}

/* Lists matches in columns below the line, as readline does. */
static void show_matches(Matches *m) {
    size_t w = 0;
    for (int i = 0; i < m->n; i++)
        if (strlen(m->v[i]) > w) w = strlen(m->v[i]);
    w += 2;
    int cols = (int)((size_t)terminal_width() / w);
    if (cols < 1) cols = 1;
    int rows = (m->n + cols - 1) / cols;
    fputc('\n', stdout);
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            int i = c * rows + r;
            if (i >= m->n) break;
            bool last = c == cols - 1 || (c + 1) * rows + r >= m->n;
            if (last)
                fputs(m->v[i], stdout);
            else
                fprintf(stdout, "%-*s", (int)w, m->v[i]);
        }
        fputc('\n', stdout);
    }
    fflush(stdout);
}

/* The line and cursor of the last Tab that found several matches and nothing to insert. */
static char *last_tab_line;
static size_t last_tab_cursor;

static unsigned char complete_fn(EditLine *e, int ch) {
    (void)ch;
    const LineInfo *li = el_line(e);
    const char *w = li->cursor;
    while (w > li->buffer && (is_ident_char((unsigned char)w[-1]) || w[-1] == '.')) w--;
    if (w == li->cursor) {
        el_insertstr(e, REPL_INDENT);
        return CC_REFRESH;
    }
    size_t wlen = (size_t)(li->cursor - w);
    char *word = malloc(wlen + 1);
    if (!word) return CC_ERROR;
    memcpy(word, w, wlen);
    word[wlen] = 0;
    Value saved = ou_err_fetch();
    Matches m = {0};
    complete_word(&m, word, wlen);
    if (IS_OBJ(saved)) ou_err_restore(saved);
    unsigned char ret = CC_REFRESH;
    if (m.n == 0) {
        ret = CC_ERROR;
    } else {
        qsort(m.v, (size_t)m.n, sizeof *m.v, cmp_str);
        size_t common = strlen(m.v[0]);
        for (int i = 1; i < m.n; i++) {
            size_t j = 0;
            while (j < common && m.v[i][j] == m.v[0][j]) j++;
            common = j;
        }
        if (common > wlen) {
            char *ins = strndup(m.v[0] + wlen, common - wlen);
            if (ins) el_insertstr(e, ins);
            free(ins);
        } else if (m.n > 1) {
            /* As readline: the first Tab beeps, a second one on the same text lists. */
            size_t blen = (size_t)(li->lastchar - li->buffer);
            if (last_tab_line && strlen(last_tab_line) == blen &&
                !memcmp(last_tab_line, li->buffer, blen) &&
                last_tab_cursor == (size_t)(li->cursor - li->buffer)) {
                show_matches(&m);
                ret = CC_REDISPLAY;
            } else {
                free(last_tab_line);
                last_tab_line = strndup(li->buffer, blen);
                last_tab_cursor = (size_t)(li->cursor - li->buffer);
                ret = CC_ERROR;
            }
        }
    }
    matches_free(&m);
    free(word);
    return ret;
}

/* Ctrl-D: end of input on an empty line, else delete the character under the cursor (never
 * libedit's default of listing files). */
static unsigned char eof_or_delete(EditLine *e, int ch) {
    (void)ch;
    const LineInfo *li = el_line(e);
    if (li->buffer == li->lastchar) return CC_EOF;
    if (li->cursor < li->lastchar) {
        el_cursor(e, 1);
        el_deletestr(e, 1);
    }
    return CC_REFRESH;
}

/* ---------------------------------------------------------------------------------------------
 * Line input and history.
 * ------------------------------------------------------------------------------------------- */
static struct {
    EditLine *el;        /* NULL: plain stdio input */
    History *hist;
    char *hist_path;     /* NULL: history is not saved */
    bool hist_warned;    /* the unwritable-history warning has been printed */
    char *prompt;        /* what prompt_fn shows (malloc'd) */
    bool interrupted;    /* read_char saw SIGINT */
} R;

static volatile sig_atomic_t winch;
static void on_sigwinch(int sig) {
    (void)sig;
    winch = 1;
}

static char *prompt_fn(EditLine *e) {
    (void)e;
    return R.prompt ? R.prompt : (char *)"";
}

/* libedit's character source: read(2) directly so that SIGINT (installed without SA_RESTART
 * by vm/run.c) interrupts the wait; UTF-8 is decoded here. */
static int read_char(EditLine *e, wchar_t *wc) {
    unsigned char c[4];
    int need = 1, got = 0;
    while (got < need) {
        if (winch) {
            winch = 0;
            el_resize(e);
        }
        ssize_t r = read(0, c + got, 1);
        if (r == 1) {
            if (got == 0) need = c[0] < 0x80 ? 1 : c[0] >= 0xF0 ? 4 : c[0] >= 0xE0 ? 3 : c[0] >= 0xC0 ? 2 : 1;
            got++;
            continue;
        }
        if (r == 0) return 0;
        if (errno == EINTR) {
            if (vm.interrupted) {
                R.interrupted = true;
                return -1;
            }
            continue;
        }
        return -1;
    }
    if (need == 1) {
        *wc = c[0] < 0x80 ? (wchar_t)c[0] : 0xFFFD;
        return 1;
    }
    uint32_t cp = c[0] & (0x7F >> need);
    for (int i = 1; i < need; i++) cp = (cp << 6) | (c[i] & 0x3F);
    *wc = (wchar_t)cp;
    return 1;
}

enum { LINE_OK, LINE_EOF, LINE_INTERRUPT };

/* Reads one line (with its '\n') into *out. */
static int read_line(const char *prompt, Buf *out) {
    buf_reset(out);
    ou_stdout_flush();
    fflush(stdout);
    if (vm.interrupted) {
        vm.interrupted = 0;
        return LINE_INTERRUPT;
    }
    if (R.el) {
        free(R.prompt);
        R.prompt = strdup(prompt);
        R.interrupted = false;
        int count = 0;
        /* Raw mode before the prompt appears: libedit would print the prompt first, and what
         * is typed in between would be echoed twice by the terminal. */
        el_set(R.el, EL_PREP_TERM, 1);
        const char *s = el_gets(R.el, &count);
        if (!s || count <= 0) {
            if (R.interrupted || vm.interrupted) {
                vm.interrupted = 0;
                el_reset(R.el);
                return LINE_INTERRUPT;
            }
            return LINE_EOF;
        }
        buf_add(out, s, (size_t)count);
    } else {
        fputs(prompt, stderr);
        fflush(stderr);
        char *line = NULL;
        size_t cap = 0;
        ssize_t n = getline(&line, &cap, stdin);
        if (n < 0) {
            free(line);
            if (vm.interrupted) {
                vm.interrupted = 0;
                clearerr(stdin);
                return LINE_INTERRUPT;
            }
            return LINE_EOF;
        }
        buf_add(out, line, (size_t)n);
        free(line);
    }
    if (out->len == 0 || out->p[out->len - 1] != '\n') buf_adds(out, "\n");
    return out->oom ? LINE_EOF : LINE_OK;
}

static char *history_path(void) {
    const char *env = getenv("OURO_HISTORY");
    if (env) return *env ? strdup(env) : NULL;
    /* HOME only, not the password database: the release binary is static, and glibc's
     * getpwuid would need the shared NSS modules at run time. */
    const char *home = getenv("HOME");
    if (!home || !*home) return NULL;
    size_t n = strlen(home) + sizeof "/.ouro_history";
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/.ouro_history", home);
    return p;
}

/* Rewrites the history file with the last REPL_HISTORY_SIZE entries. The file is created
 * private (0600): it may hold whatever the user typed. */
static void history_save(void) {
    if (!R.hist || !R.hist_path) return;
    HistEvent ev;
    int fd = open(R.hist_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    int err = errno;
    if (f) {
        if (history(R.hist, &ev, H_SAVE_FP, f) < 0) err = EIO;
        if (fclose(f) != 0 && err == 0) err = errno;
        if (err == 0 || err == ENOENT) return;
    } else if (fd >= 0) {
        close(fd);
    }
    if (!R.hist_warned) {
        fprintf(stderr, "ouro: warning: cannot save history to '%s': %s\n", R.hist_path,
                strerror(err ? err : EIO));
        R.hist_warned = true;
    }
}

/* Adds a statement (without its final newlines) to the history as one entry. */
static void history_add(const char *src, size_t len) {
    if (!R.hist) return;
    while (len > 0 && (src[len - 1] == '\n' || src[len - 1] == '\r')) len--;
    char *entry = strndup(src, len);
    if (!entry) return;
    if (!is_blank(entry)) {
        HistEvent ev;
        history(R.hist, &ev, H_ENTER, entry);
        errno = 0;
        history_save();
    }
    free(entry);
}

static void setup_editline(void) {
    /* libedit decodes and displays characters through the locale: make it UTF-8 even when
     * the environment says "C", as CPython does (PEP 538). */
    setlocale(LC_CTYPE, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") && !setlocale(LC_CTYPE, "C.UTF-8"))
        setlocale(LC_CTYPE, "C.utf8");
    R.el = el_init("ouro", stdin, stdout, stderr);
    if (!R.el) return;
    R.hist = history_init();
    if (R.hist) {
        HistEvent ev;
        history(R.hist, &ev, H_SETSIZE, REPL_HISTORY_SIZE);
        R.hist_path = history_path();
        if (R.hist_path && access(R.hist_path, F_OK) == 0 &&
            history(R.hist, &ev, H_LOAD, R.hist_path) < 0)
            fprintf(stderr, "ouro: warning: cannot read history from '%s'\n", R.hist_path);
        el_set(R.el, EL_HIST, history, R.hist);
    }
    el_set(R.el, EL_EDITOR, "emacs");
    el_set(R.el, EL_SIGNAL, 0);
    el_set(R.el, EL_PROMPT, prompt_fn);
    el_set(R.el, EL_GETCFN, read_char);
    /* The wide forms: libedit keeps these strings, and the narrow EL_ADDFN leaks its copies. */
    el_wset(R.el, EL_ADDFN, L"ouro-complete", L"Complete a name, or indent", complete_fn);
    el_wset(R.el, EL_ADDFN, L"ouro-eof", L"End of input on an empty line, else delete",
            eof_or_delete);
    el_wset(R.el, EL_BIND, L"^I", L"ouro-complete", NULL);
    el_wset(R.el, EL_BIND, L"^D", L"ouro-eof", NULL);
    el_source(R.el, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigwinch;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
}

static void teardown_editline(void) {
    if (R.el) el_end(R.el);
    if (R.hist) history_end(R.hist);
    free(R.hist_path);
    free(R.prompt);
    free(last_tab_line);
    last_tab_line = NULL;
    memset(&R, 0, sizeof R);
}

/* ---------------------------------------------------------------------------------------------
 * The loop.
 * ------------------------------------------------------------------------------------------- */

/* sys.ps1 / sys.ps2 as str() shows them, into out. */
static void get_prompt(const char *which, const char *dflt, Buf *out) {
    buf_reset(out);
    Value sys = sys_module();
    Value p = IS_UNDEF(sys) ? OU_UNDEF : ou_getattr_opt(sys, ou_str_intern(which));
    if (!IS_UNDEF(sys)) ou_decref(sys);
    if (IS_ERR(p)) ou_err_clear();
    if (IS_UNDEF(p) || IS_ERR(p)) {
        buf_adds(out, dflt);
        return;
    }
    Value s = ou_to_str(p);
    ou_decref(p);
    if (IS_ERR(s)) {
        ou_err_clear();
        buf_adds(out, dflt);
        return;
    }
    buf_addv(out, s);
    ou_decref(s);
}

static int count_lines(const char *s) {
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static int64_t exc_int_attr(Value exc, const char *name) {
    Value v = ou_getattr_cstr(exc, name);
    int64_t n = -1;
    if (IS_ERR(v)) {
        ou_err_clear();
        return -1;
    }
    if (!ou_int_value(v, &n)) n = -1;
    ou_decref(v);
    return n;
}

enum { S_MORE, S_RUN, S_ERROR };

/* Decides what the buffered input is: complete (S_RUN), a statement that needs more lines
 * (S_MORE, no exception left set), or a syntax error (S_ERROR, the SyntaxError set).
 * The compiler's `incomplete` answers for open brackets, triple-quoted strings and compound
 * statements not yet ended by an empty line. CPython's interactive tokenizer adds two rules:
 *  - input that fails at its very end (the error is past the last line: a decorator waiting
 *    for its def, a backslash continuation, a try waiting for except) continues too;
 *  - an empty line ends the statement, except inside brackets or a triple-quoted string,
 *    which are the compiler's "incomplete" errors that are plain SyntaxErrors from the lexer
 *    (the parser's are IndentationErrors or its "incomplete input"). */
static int classify(const char *src, size_t len, bool last_blank, bool at_eof) {
    bool incomplete = false;
    Value code = vm_compile(src, len, "<stdin>", "single", &incomplete);
    if (!IS_ERR(code)) {
        ou_decref(code);
        return S_RUN;
    }
    Value exc = ou_err_peek();
    if (at_eof || !ou_instance_of(exc, ou_SyntaxError)) return S_ERROR;
    bool lexical = false;
    if (incomplete && ou_typeof(exc) == ou_SyntaxError) {
        Value msg = ou_getattr_cstr(exc, "msg");
        if (IS_ERR(msg)) ou_err_clear();
        lexical = !(IS_STR(msg) && ou_str_eq_cstr(msg, "incomplete input"));
        if (!IS_ERR(msg)) ou_xdecref(msg);
        exc = ou_err_peek();
    }
    bool more = last_blank ? lexical
                           : incomplete || exc_int_attr(exc, "lineno") > count_lines(src);
    if (!IS_OBJ(ou_err_peek())) return S_ERROR; /* an attribute lookup lost it: report nothing */
    if (more) {
        ou_err_clear();
        return S_MORE;
    }
    return S_ERROR;
}

static void print_banner(void) {
    static const char date[] = __DATE__;
    char d[sizeof date];
    size_t n = 0;
    for (size_t i = 0; date[i]; i++)
        if (!(date[i] == ' ' && date[i + 1] == ' ')) d[n++] = date[i];
    d[n] = 0;
#if defined(__clang__)
#define OU_CC_STR "Clang " OU_STR2(__clang_major__) "." OU_STR2(__clang_minor__) "." OU_STR2(__clang_patchlevel__)
#elif defined(__GNUC__)
#define OU_CC_STR "GCC " __VERSION__
#else
#define OU_CC_STR "unknown compiler"
#endif
#define OU_STR1(x) #x
#define OU_STR2(x) OU_STR1(x)
#if defined(__linux__)
#define OU_PLATFORM "linux"
#elif defined(__APPLE__)
#define OU_PLATFORM "darwin"
#else
#define OU_PLATFORM "unix"
#endif
    fprintf(stderr, "Ouro %s (%s, %s) [%s] on %s\n", OU_VERSION, d, __TIME__, OU_CC_STR,
            OU_PLATFORM);
    fputs("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n", stderr);
    fflush(stderr);
}

/* Runs a statement that compiled; returns -1 to go on, else the exit status (SystemExit). */
static int run_statement(const char *src) {
    bool incomplete, exited;
    int status = vm_run_interactive(src, &incomplete, &exited);
    /* A KeyboardInterrupt ends the statement, not the session. */
    vm_exit_by_sigint = false;
    vm.interrupted = 0;
    return exited ? status : -1;
}

int vm_repl(bool banner) {
    if (install_builtins() < 0) ou_err_clear();
    Value sys = sys_module();
    if (!IS_UNDEF(sys)) {
        static const char *const ps[][2] = {{"ps1", ">>> "}, {"ps2", "... "}};
        for (int i = 0; i < 2; i++) {
            Value name = ou_str_intern(ps[i][0]);
            Value cur = ou_getattr_opt(sys, name);
            if (IS_UNDEF(cur)) {
                Value s = ou_str_cstr(ps[i][1]);
                if (IS_ERR(s) || ou_setattr(sys, name, s) < 0) ou_err_clear();
                if (!IS_ERR(s)) ou_decref(s);
            } else if (IS_ERR(cur)) {
                ou_err_clear();
            } else {
                ou_decref(cur);
            }
        }
        ou_decref(sys);
    }
    if (banner) print_banner();
    if (isatty(0) && isatty(1)) setup_editline();

    Buf acc = {0}, line = {0}, prompt = {0};
    int status = 0;
    for (;;) {
        bool first = acc.len == 0;
        get_prompt(first ? "ps1" : "ps2", first ? ">>> " : "... ", &prompt);
        int r = read_line(prompt.p ? prompt.p : "", &line);
        if (r == LINE_INTERRUPT) {
            fputs("\nKeyboardInterrupt\n", stderr);
            fflush(stderr);
            history_add(acc.p ? acc.p : "", acc.len);
            buf_reset(&acc);
            continue;
        }
        bool at_eof = r == LINE_EOF;
        if (at_eof) {
            /* CPython ends the line on EOF; buffered input is then compiled as it stands. */
            fputs("\n", stdout);
            fflush(stdout);
            if (first) break;
            if (!(acc.len >= 2 && acc.p[acc.len - 2] == '\n')) buf_adds(&acc, "\n");
        } else {
            if (first && is_blank(line.p)) continue;
            buf_add(&acc, line.p, line.len);
        }
        if (acc.oom || line.oom) {
            fputs("ouro: out of memory\n", stderr);
            status = 1;
            break;
        }
        const char *last = line.p;
        if (!at_eof) {
            for (const char *p = line.p; p < line.p + line.len - 1; p++)
                if (*p == '\n') last = p + 1;
        }
        bool last_blank = !at_eof && is_blank(last);
        int kind = classify(acc.p, acc.len, last_blank, at_eof);
        if (kind == S_MORE) continue;
        history_add(acc.p, acc.len);
        if (kind == S_ERROR) {
            vm_handle_uncaught();
            vm_exit_by_sigint = false;
        } else {
            int st = run_statement(acc.p);
            if (st >= 0) {
                status = st;
                break;
            }
        }
        buf_reset(&acc);
    }
    free(acc.p);
    free(line.p);
    free(prompt.p);
    teardown_editline();
    return status;
}
