/* mod_sys.c: the sys module. Its dict is kept in mod_sys_dict (one owned reference) because
 * print() and the error printer look up sys.stdout/sys.stderr there on every call: a script
 * may replace them. */
#include <stdio.h>
#include <unistd.h>

#include "gc.h"
#include "stdlib.h"
#include "vm.h"

Value mod_sys_dict = OU_UNDEF;

/* What sys.getrefcount reports for objects without a count (immediates) and for immortal
 * objects, like CPython 3.12's immortals. */
#define IMMORTAL_REFCOUNT 4294967295LL

static Value sys_exit(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", NULL};
    Value code = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "exit", "|O", names, &code) < 0) return OU_ERR;
    Value exc = ou_exc_new(ou_SystemExit, &code, IS_UNDEF(code) || IS_NONE(code) ? 0 : 1);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return OU_ERR;
}

static Value sys_getrecursionlimit(Value *args, int nargs, Value kwnames)
{
    if (nargs != 0)
        return ou_err_format(ou_TypeError, "getrecursionlimit() takes no arguments (%d given)",
                             nargs);
    return MK_SMALLINT(vm.recursion_limit);
}

static Value sys_setrecursionlimit(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "setrecursionlimit() takes exactly one argument "
                             "(%d given)", nargs);
    if (IS_FLOAT(args[0]))
        return ou_err_format(ou_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n;
    if (ou_index(args[0], &n) < 0) return OU_ERR;
    if (n < 1)
        return ou_err_format(ou_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT32_MAX) n = INT32_MAX;
    if (n <= vm.depth)
        return ou_err_format(ou_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: "
                             "the limit is too low", (int)n, vm.depth);
    vm.recursion_limit = (int)n;
    return OU_NONE;
}

static Value sys_getrefcount(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "getrefcount() takes exactly one argument (%d given)",
                             nargs);
    Value v = args[0];
    if (!IS_OBJ(v) || (AS_OBJ(v)->gcflags & OU_GCF_IMMORTAL)) return ou_int(IMMORTAL_REFCOUNT);
    /* The argument reference CPython counts is already on our value stack. */
    return ou_int((int64_t)AS_OBJ(v)->rc);
}

/* Ouro's own (CPython has none): the bytes the interpreter's allocator holds for objects and
 * their tables, GC headers and size-class rounding included, as -X memstats reports them. The
 * difference across an allocation loop divided by its count is what each object really costs. */
static Value sys_bytes_in_use(Value *args, int nargs, Value kwnames)
{
    (void)args;
    if (nargs != 0 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "_bytes_in_use() takes no arguments (%d given)", nargs);
    return ou_int(gc_bytes_in_use());
}

/* A real size in bytes: the fixed part, the items, and out-of-line tables. */
static Value sys_getsizeof(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", "", NULL};
    Value v = OU_UNDEF, dflt = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "getsizeof", "O|O", names, &v, &dflt) < 0)
        return OU_ERR;
    OuType *t = ou_typeof(v);
    if (t->flags & OU_TPFLAG_HEAPTYPE) {
        Value meth = ou_type_lookup(t, ou_str_intern("__sizeof__"));
        if (!IS_UNDEF(meth)) {
            Value r = ou_call1(meth, v);
            if (IS_ERR(r)) return OU_ERR;
            int64_t n;
            if (!ou_int_value(r, &n)) {
                ou_decref(r);
                return ou_err_format(ou_TypeError, "an integer is required");
            }
            ou_decref(r);
            if (n < 0) return ou_err_format(ou_ValueError, "__sizeof__() should return >= 0");
            /* CPython 3.11 adds its pre-header: the GC header (16 bytes), and 16 more for an
             * instance whose __dict__ is "managed" (a class that adds a dict to a base without
             * one and of fixed size). */
            int64_t pre = (t->flags & OU_TPFLAG_GC) ? 16 : 0;
            if (t->dictoffset && !ou_is_subtype(t, &ou_int_type) && !ou_is_subtype(t, &ou_str_type) &&
                !ou_is_subtype(t, &ou_tuple_type))
                pre += 16;
            return ou_int(n + pre);
        }
    }
    /* Immediates (small ints, floats, bool, None) live in the Value word itself. */
    if (!IS_OBJ(v)) return ou_int((int64_t)sizeof(Value));
    /* Otherwise what the allocator really holds (gc/alloc.c): the object's block with its size
     * class rounding and, for containers, the collector's header in front, plus the blocks of
     * out-of-line tables. */
    OuObject *o = AS_OBJ(v);
    int64_t size = t->basicsize ? t->basicsize : (int64_t)sizeof(OuObject);
    /* A compact instance's attribute slots follow its fixed part (aux: how many, OuInstance). */
    if (t->flags & OU_TPFLAG_INLINE) size += (int64_t)o->aux * (int64_t)sizeof(Value);
    if (t == &ou_str_type) size = (int64_t)sizeof(OuStr) + AS_STR(v)->len + 1;
    else if (t == &ou_tuple_type)
        size = (int64_t)sizeof(OuTuple) + AS_TUPLE(v)->len * (int64_t)sizeof(Value);
    else if (t == &ou_int_type) {
        OuInt *i = (OuInt *)o;
        size = (int64_t)sizeof(OuInt) + (i->size < 0 ? -i->size : i->size) * 4;
    } else if (t->itemsize && t != &ou_int_type && !ou_is_int(v)) {
        size += t->itemsize * ou_len(v);
    }
    const void *block = o;
    if (t->flags & OU_TPFLAG_GC) {
        size += (int64_t)sizeof(GcHead);
        block = GC_HEAD(o);
    }
    size = (int64_t)gc_real_size(block, (size_t)size);
    if (t == &ou_list_type || ou_instance_of(v, &ou_list_type)) {
        OuList *l = AS_LIST(v);
        size += (int64_t)gc_real_size(l->items, (size_t)l->cap * sizeof(Value));
    } else if (t == &ou_dict_type || ou_instance_of(v, &ou_dict_type)) {
        OuDict *d = AS_DICT(v);
        size += (int64_t)gc_real_size(d->indices, (size_t)(d->nindices * (int64_t)sizeof(int64_t) +
                                                           d->cap * (int64_t)sizeof(OuDictEntry)));
    } else if (t == &ou_set_type || t == &ou_frozenset_type) {
        OuSet *s = (OuSet *)o;
        if (s->table) size += (int64_t)gc_real_size(s->table, (size_t)(s->mask + 1) * sizeof(OuSetEntry));
    }
    return ou_int(size);
}

static Value sys_intern(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "intern() takes exactly one argument (%d given)",
                             nargs);
    if (!IS_STR(args[0]))
        return ou_err_format(ou_TypeError, "intern() argument must be str, not %T", args[0]);
    return ou_str_intern_value(ou_newref(args[0]));
}

static Value sys_exc_info(Value *args, int nargs, Value kwnames)
{
    if (nargs != 0)
        return ou_err_format(ou_TypeError, "exc_info() takes no arguments (%d given)", nargs);
    Value e = vm_handled_exception();
    if (IS_UNDEF(e) || IS_NONE(e)) return ou_tuple_pack(3, OU_NONE, OU_NONE, OU_NONE);
    OuException *x = (OuException *)AS_OBJ(e);
    return ou_tuple_pack(3, MK_OBJ(ou_typeof(e)), e, x->traceback);
}

static Value sys_exception(Value *args, int nargs, Value kwnames)
{
    if (nargs != 0)
        return ou_err_format(ou_TypeError, "exception() takes no arguments (%d given)", nargs);
    Value e = vm_handled_exception();
    return IS_UNDEF(e) ? OU_NONE : ou_newref(e);
}

static Value sys_getdefaultencoding(Value *args, int nargs, Value kwnames)
{
    return ou_str_cstr("utf-8");
}

static Value sys_get_int_max_str_digits(Value *args, int nargs, Value kwnames)
{
    (void)args;
    if (nargs != 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError,
                             "sys.get_int_max_str_digits() takes no arguments (%d given)", nargs);
    return ou_int(ou_int_max_str_digits);
}

static Value sys_set_int_max_str_digits(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    Value v = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "set_int_max_str_digits", "O", names, &v) < 0)
        return OU_ERR;
    if (IS_FLOAT(v))
        return ou_err_format(ou_TypeError, "'float' object cannot be interpreted as an integer");
    int64_t n;
    if (ou_index(v, &n) < 0) return OU_ERR;
    /* CPython's threshold: below 640 digits conversions are fast enough not to need a limit. */
    if (n != 0 && n < 640)
        return ou_err_format(ou_ValueError, "maxdigits must be 0 or larger than 640");
    ou_int_max_str_digits = n;
    return OU_NONE;
}

static const OuMethodDef sys_functions[] = {
    {"get_int_max_str_digits", sys_get_int_max_str_digits,
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits,
     "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"exit", sys_exit, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, "Return the current recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, "Set the maximum depth of the Python stack."},
    {"getrefcount", sys_getrefcount, "Return the reference count of object."},
    {"getsizeof", sys_getsizeof, "Return the size of object in bytes."},
    {"_bytes_in_use", sys_bytes_in_use, "Bytes the allocator holds now (Ouro only)."},
    {"intern", sys_intern, "Intern the given string."},
    {"exc_info", sys_exc_info, "Return current exception information."},
    {"exception", sys_exception, "Return the current exception."},
    {"getdefaultencoding", sys_getdefaultencoding, "Return the default string encoding."},
    {NULL, NULL, NULL},
};

/* sys.version_info: a tuple subclass with named fields, like CPython's struct sequence. It is
 * written in Python and run in the sys namespace so that its repr and type name match. */
static const char version_info_src[] =
    "class version_info(tuple):\n"
    "    major = property(lambda self: self[0])\n"
    "    minor = property(lambda self: self[1])\n"
    "    micro = property(lambda self: self[2])\n"
    "    releaselevel = property(lambda self: self[3])\n"
    "    serial = property(lambda self: self[4])\n"
    "    def __repr__(self):\n"
    "        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, '\n"
    "                'serial=%r)' % tuple(self))\n"
    "version_info = version_info((3, 11, 7, 'final', 0))\n";

static int make_version_info(Value d)
{
    Value code = vm_compile(version_info_src, sizeof version_info_src - 1, "<sys>", "exec", NULL);
    if (IS_ERR(code)) return -1;
    bool added = IS_UNDEF(ou_dict_get_str(d, "__builtins__"));
    if (added && ou_dict_set_str(d, "__builtins__", vm.builtins) < 0) {
        ou_decref(code);
        return -1;
    }
    Value r = vm_run_code((OuCode *)AS_OBJ(code), d, d);
    ou_decref(code);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    if (added) {
        Value k = ou_str_intern("__builtins__");
        if (ou_dict_del(d, k) < 0) return -1;
    }
    return 0;
}

static int set_steal(Value d, const char *name, Value v)
{
    if (IS_ERR(v)) return -1;
    int r = ou_dict_set_str(d, name, v);
    ou_decref(v);
    return r;
}

int mod_add_functions(Value module, const OuMethodDef *defs)
{
    OuModule *m = (OuModule *)AS_OBJ(module);
    return ou_add_functions(m->dict, defs, m->name);
}

Value mod_sys_init(void)
{
    Value m = ou_module_new("sys");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    if (mod_add_functions(m, sys_functions) < 0) goto fail;

    Value argv = ou_list_new(0);
    if (IS_ERR(argv)) goto fail;
    for (int i = 0; i < vm_argc; i++) {
        if (ou_list_append_steal(argv, ou_str_cstr(vm_argv[i])) < 0) {
            ou_decref(argv);
            goto fail;
        }
    }
    if (vm_argc == 0 && ou_list_append_steal(argv, ou_str_cstr("")) < 0) {
        ou_decref(argv);
        goto fail;
    }
    if (set_steal(d, "argv", argv) < 0) goto fail;

    Value path = ou_list_new(0);
    if (IS_ERR(path)) goto fail;
    if (IS_STR(vm.main_dir) && ou_list_append(path, vm.main_dir) < 0) {
        ou_decref(path);
        goto fail;
    }
    if (set_steal(d, "path", path) < 0) goto fail;

    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (set_steal(d, "executable", ou_str_new(exe, n > 0 ? n : 0)) < 0) goto fail;

    if (ou_dict_set_str(d, "modules", vm.modules) < 0) goto fail;
    if (ou_dict_set_str(d, "stdout", ou_sys_stdout) < 0) goto fail;
    if (ou_dict_set_str(d, "stderr", ou_sys_stderr) < 0) goto fail;
    if (ou_dict_set_str(d, "stdin", ou_sys_stdin) < 0) goto fail;
    if (ou_dict_set_str(d, "__stdout__", ou_sys_stdout) < 0) goto fail;
    if (ou_dict_set_str(d, "__stderr__", ou_sys_stderr) < 0) goto fail;
    if (ou_dict_set_str(d, "__stdin__", ou_sys_stdin) < 0) goto fail;
    if (set_steal(d, "version", ou_str_cstr("3.11.7 (Ouro " OU_VERSION ")")) < 0) goto fail;
    if (make_version_info(d) < 0) goto fail;
    if (set_steal(d, "hexversion", ou_int(0x030B07F0)) < 0) goto fail;
    if (set_steal(d, "platform", ou_str_cstr("linux")) < 0) goto fail;
    if (set_steal(d, "byteorder", ou_str_cstr("little")) < 0) goto fail;
    if (set_steal(d, "maxsize", ou_int(INT64_MAX)) < 0) goto fail;
    if (set_steal(d, "maxunicode", ou_int(0x10FFFF)) < 0) goto fail;
    if (set_steal(d, "implementation_name", ou_str_cstr("ouro")) < 0) goto fail;
    if (set_steal(d, "copyright", ou_str_cstr("Copyright (c) the Ouro authors.")) < 0)
        goto fail;
    if (set_steal(d, "builtin_module_names",
                  ou_tuple_pack(5, ou_str_intern("builtins"), ou_str_intern("gc"),
                                ou_str_intern("math"), ou_str_intern("sys"),
                                ou_str_intern("time"))) < 0)
        goto fail;
    if (ou_dict_set_str(d, "dont_write_bytecode", OU_TRUE) < 0) goto fail;

    ou_decref(mod_sys_dict);
    mod_sys_dict = ou_newref(d);
    return m;
fail:
    ou_decref(m);
    return OU_ERR;
}
