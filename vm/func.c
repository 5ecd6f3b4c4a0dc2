/* func.c: the callable and namespace object types of the VM: Python functions, builtin
 * functions (and builtin methods bound to an object), bound methods, cells and modules.
 *
 * Attributes of these types are few and fixed, so each getattr slot compares the requested
 * name against a short list before falling back to the generic protocol; this keeps the
 * types usable before the str intern table and the type dicts are fully set up.
 */
#include <stdio.h>
#include <string.h>

#include "vm.h"

/* Formats the address of an object the way CPython's %p does ("0x7f..."). */
static void addr_text(char *buf, size_t n, const void *p) { snprintf(buf, n, "%p", p); }

static bool name_is(Value name, const char *s) { return IS_STR(name) && strcmp(ou_str_data(name), s) == 0; }

static Value attr_missing(Value self, Value name) {
    return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'", OU_TYPE_NAME(self), name);
}

/* ---------------------------------------------------------------------------------------------
 * Python functions.
 * ------------------------------------------------------------------------------------------- */

#define FN(v) ((OuFunction *)AS_OBJ(v))

static void func_clear(OuObject *o) {
    OuFunction *f = (OuFunction *)o;
    Value vals[] = {f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure, f->name,
                    f->qualname, f->doc, f->module, f->dict, f->annotations};
    f->globals = f->builtins = f->defaults = f->kwdefaults = f->closure = OU_UNDEF;
    f->name = f->qualname = f->doc = f->module = f->dict = f->annotations = OU_UNDEF;
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) ou_xdecref(vals[i]);
}

static void func_dealloc(OuObject *o) {
    OuFunction *f = (OuFunction *)o;
    func_clear(o);
    OuCode *code = f->code;
    f->code = NULL;
    if (code) ou_decref(MK_OBJ(code));
    ou_obj_free(o);
}

static int func_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuFunction *f = (OuFunction *)o;
    Value vals[] = {f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure, f->name,
                    f->qualname, f->doc, f->module, f->dict, f->annotations};
    if (f->code) {
        int r = visit(&f->code->ob, arg);
        if (r) return r;
    }
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        if (IS_OBJ(vals[i])) {
            int r = visit(AS_OBJ(vals[i]), arg);
            if (r) return r;
        }
    return 0;
}

static Value func_repr(Value self) {
    char buf[32];
    addr_text(buf, sizeof buf, AS_OBJ(self));
    return ou_str_printf("<function %U at %s>", FN(self)->qualname, buf);
}

static Value func_call(Value self, Value *args, int nargs, Value kwnames) {
    return vm_call_function(FN(self), args, nargs, kwnames);
}

/* Functions are non-data descriptors: through an instance they become bound methods. */
static Value func_descr_get(Value descr, Value obj, Value type) {
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    return ou_method_new(descr, obj);
}

static Value or_none(Value v) { return ou_newref(IS_UNDEF(v) ? OU_NONE : v); }

static Value func_getattr(Value self, Value name) {
    OuFunction *f = FN(self);
    if (IS_STR(name) && ou_str_data(name)[0] == '_' && ou_str_data(name)[1] == '_') {
        const char *s = ou_str_data(name) + 2;
        if (!strcmp(s, "name__")) return ou_newref(f->name);
        if (!strcmp(s, "qualname__")) return ou_newref(f->qualname);
        if (!strcmp(s, "doc__")) return or_none(f->doc);
        if (!strcmp(s, "module__")) return or_none(f->module);
        if (!strcmp(s, "defaults__")) return or_none(f->defaults);
        if (!strcmp(s, "kwdefaults__")) return or_none(f->kwdefaults);
        if (!strcmp(s, "closure__")) return or_none(f->closure);
        if (!strcmp(s, "globals__")) return ou_newref(f->globals);
        if (!strcmp(s, "builtins__")) return ou_newref(f->builtins);
        if (!strcmp(s, "code__")) return ou_newref(MK_OBJ(f->code));
        if (!strcmp(s, "dict__") || !strcmp(s, "annotations__")) {
            Value *slot = s[0] == 'd' ? &f->dict : &f->annotations;
            if (!IS_OBJ(*slot)) {
                *slot = ou_dict_new();
                if (IS_ERR(*slot)) {
                    *slot = OU_UNDEF;
                    return OU_ERR;
                }
            }
            return ou_newref(*slot);
        }
    }
    if (IS_OBJ(f->dict)) {
        Value v = ou_dict_get(f->dict, name);
        if (IS_ERR(v)) return OU_ERR;
        if (!IS_UNDEF(v)) return ou_newref(v);
    }
    return ou_generic_getattr(self, name);
}

/* Replaces *slot by v (new reference taken), after checking its type. */
static int set_field(Value *slot, Value v) {
    ou_incref(v);
    Value old = *slot;
    *slot = v;
    ou_xdecref(old);
    return 0;
}

static int func_setattr(Value self, Value name, Value v) {
    OuFunction *f = FN(self);
    if (name_is(name, "__name__") || name_is(name, "__qualname__")) {
        if (IS_UNDEF(v) || !IS_STR(v)) {
            ou_err_format(ou_TypeError, "%U must be set to a string object", name);
            return -1;
        }
        return set_field(name_is(name, "__name__") ? &f->name : &f->qualname, v);
    }
    if (name_is(name, "__doc__")) return set_field(&f->doc, IS_UNDEF(v) ? OU_NONE : v);
    if (name_is(name, "__module__")) return set_field(&f->module, IS_UNDEF(v) ? OU_NONE : v);
    if (name_is(name, "__defaults__")) {
        if (!IS_UNDEF(v) && !IS_NONE(v) && !IS_TUPLE(v)) {
            ou_err_format(ou_TypeError, "__defaults__ must be set to a tuple object");
            return -1;
        }
        return set_field(&f->defaults, IS_NONE(v) || (IS_TUPLE(v) && AS_TUPLE(v)->len == 0) ? OU_UNDEF : v);
    }
    if (name_is(name, "__kwdefaults__")) {
        if (!IS_UNDEF(v) && !IS_NONE(v) && !IS_DICT(v)) {
            ou_err_format(ou_TypeError, "__kwdefaults__ must be set to a dict object");
            return -1;
        }
        return set_field(&f->kwdefaults, IS_NONE(v) ? OU_UNDEF : v);
    }
    if (name_is(name, "__dict__") || name_is(name, "__annotations__")) {
        if (IS_UNDEF(v) || !IS_DICT(v)) {
            ou_err_format(ou_TypeError, "%U must be set to a dictionary", name);
            return -1;
        }
        return set_field(name_is(name, "__dict__") ? &f->dict : &f->annotations, v);
    }
    if (!IS_OBJ(f->dict)) {
        if (IS_UNDEF(v)) {
            attr_missing(self, name);
            return -1;
        }
        f->dict = ou_dict_new();
        if (IS_ERR(f->dict)) {
            f->dict = OU_UNDEF;
            return -1;
        }
    }
    if (IS_UNDEF(v)) {
        Value old = ou_dict_pop(f->dict, name);
        if (IS_ERR(old)) return -1;
        if (IS_UNDEF(old)) {
            attr_missing(self, name);
            return -1;
        }
        ou_decref(old);
        return 0;
    }
    return ou_dict_set(f->dict, name, v);
}

OuType ou_function_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "function",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuFunction),
    .dealloc = func_dealloc,
    .traverse = func_traverse,
    .clear = func_clear,
    .repr = func_repr,
    .call = func_call,
    .getattr = func_getattr,
    .setattr = func_setattr,
    .descr_get = func_descr_get,
};

/* ---------------------------------------------------------------------------------------------
 * Builtin functions. A builtin whose `module` is OU_UNDEF and whose `self` is OU_UNDEF is a
 * method of a builtin type (it sits in a type's dict): reading it through an instance binds
 * it. Module-level builtins (len, math.sqrt) carry their module name and never bind, as in
 * CPython where builtin functions are not descriptors.
 * ------------------------------------------------------------------------------------------- */

#define CF(v) ((OuCFunction *)AS_OBJ(v))

Value ou_cfunction_new(const char *name, ou_cfunc fn, Value self, const char *doc) {
    OuCFunction *f = ou_obj_alloc(&ou_cfunction_type, sizeof *f);
    if (!f) return OU_ERR;
    f->name = name;
    f->fn = fn;
    f->self = ou_newref(self);
    f->module = OU_UNDEF;
    f->doc = doc;
    return MK_OBJ(f);
}

static void cfunc_dealloc(OuObject *o) {
    OuCFunction *f = (OuCFunction *)o;
    Value self = f->self, mod = f->module;
    f->self = f->module = OU_UNDEF;
    ou_xdecref(self);
    ou_xdecref(mod);
    ou_obj_free(o);
}

static int cfunc_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuCFunction *f = (OuCFunction *)o;
    if (IS_OBJ(f->self)) return visit(AS_OBJ(f->self), arg);
    return 0;
}

static void cfunc_clear(OuObject *o) {
    OuCFunction *f = (OuCFunction *)o;
    Value self = f->self;
    f->self = OU_UNDEF;
    ou_xdecref(self);
}

static Value cfunc_repr(Value self) {
    OuCFunction *f = CF(self);
    if (IS_UNDEF(f->self)) return ou_str_printf("<built-in function %s>", f->name);
    if (ou_is_type(f->self, &ou_module_type))
        return ou_str_printf("<built-in function %s>", f->name);
    char buf[32];
    addr_text(buf, sizeof buf, IS_OBJ(f->self) ? (void *)AS_OBJ(f->self) : (void *)f);
    return ou_str_printf("<built-in method %s of %s object at %s>", f->name,
                         OU_TYPE_NAME(f->self), buf);
}

/* Calls a bound builtin with self prepended; small argument lists use a C-stack buffer so the
 * common case makes no allocation. */
static Value cfunc_call(Value self, Value *args, int nargs, Value kwnames) {
    OuCFunction *f = CF(self);
    if (IS_UNDEF(f->self)) return f->fn(args, nargs, kwnames);
    int total = nargs + (IS_TUPLE(kwnames) ? (int)AS_TUPLE(kwnames)->len : 0);
    Value small[16];
    Value *buf = small;
    if (total + 1 > 16) {
        buf = ou_mem_alloc(sizeof(Value) * (size_t)(total + 1));
        if (!buf) return OU_ERR;
    }
    buf[0] = f->self;
    if (total) memcpy(buf + 1, args, sizeof(Value) * (size_t)total);
    Value r = f->fn(buf, nargs + 1, kwnames);
    if (buf != small) ou_mem_free(buf);
    return r;
}

static Value cfunc_descr_get(Value descr, Value obj, Value type) {
    OuCFunction *f = CF(descr);
    if (!IS_UNDEF(f->self) || !IS_UNDEF(f->module) || IS_UNDEF(obj)) return ou_newref(descr);
    Value b = ou_cfunction_new(f->name, f->fn, obj, f->doc);
    if (IS_ERR(b)) return OU_ERR;
    return b;
}

static Value cfunc_getattr(Value self, Value name) {
    OuCFunction *f = CF(self);
    if (name_is(name, "__name__")) return ou_str_cstr(f->name);
    if (name_is(name, "__qualname__")) {
        if (IS_UNDEF(f->self) || ou_is_type(f->self, &ou_module_type)) return ou_str_cstr(f->name);
        OuType *t = ou_is_type(f->self, &ou_type_type) ? AS_TYPE(f->self) : ou_typeof(f->self);
        return ou_str_printf("%s.%s", t->name, f->name);
    }
    if (name_is(name, "__doc__")) return f->doc ? ou_str_cstr(f->doc) : OU_NONE;
    if (name_is(name, "__self__")) return or_none(f->self);
    if (name_is(name, "__module__")) return or_none(f->module);
    return ou_generic_getattr(self, name);
}

static Value cfunc_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !ou_is_type(b, &ou_cfunction_type))
        return ou_newref(ou_NotImplemented);
    bool eq = CF(a)->fn == CF(b)->fn && CF(a)->self == CF(b)->self;
    return MK_BOOL(op == OU_EQ ? eq : !eq);
}

static int64_t cfunc_hash(Value self) {
    int64_t h = (int64_t)((uintptr_t)CF(self)->fn >> 4) ^ (int64_t)(CF(self)->self >> 4);
    return h == -1 ? -2 : h;
}

OuType ou_cfunction_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "builtin_function_or_method",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuCFunction),
    .dealloc = cfunc_dealloc,
    .traverse = cfunc_traverse,
    .clear = cfunc_clear,
    .repr = cfunc_repr,
    .hash = cfunc_hash,
    .richcmp = cfunc_richcmp,
    .call = cfunc_call,
    .getattr = cfunc_getattr,
    .descr_get = cfunc_descr_get,
};

int ou_add_functions(Value dict, const OuMethodDef *defs, Value module_name) {
    for (; defs->name; defs++) {
        Value f = ou_cfunction_new(defs->name, defs->fn, OU_UNDEF, defs->doc);
        if (IS_ERR(f)) return -1;
        CF(f)->module = ou_newref(module_name);
        int r = ou_dict_set_str(dict, defs->name, f);
        ou_decref(f);
        if (r < 0) return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Bound methods.
 * ------------------------------------------------------------------------------------------- */

#define METH(v) ((OuMethod *)AS_OBJ(v))

Value ou_method_new(Value func, Value self) {
    OuMethod *m = ou_obj_alloc(&ou_method_type, sizeof *m);
    if (!m) return OU_ERR;
    m->func = ou_newref(func);
    m->self = ou_newref(self);
    return MK_OBJ(m);
}

static void meth_clear(OuObject *o) {
    OuMethod *m = (OuMethod *)o;
    Value f = m->func, s = m->self;
    m->func = m->self = OU_UNDEF;
    ou_xdecref(f);
    ou_xdecref(s);
}

static void meth_dealloc(OuObject *o) {
    meth_clear(o);
    ou_obj_free(o);
}

static int meth_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuMethod *m = (OuMethod *)o;
    int r = 0;
    if (IS_OBJ(m->func) && (r = visit(AS_OBJ(m->func), arg))) return r;
    if (IS_OBJ(m->self)) return visit(AS_OBJ(m->self), arg);
    return 0;
}

static Value meth_repr(Value self) {
    OuMethod *m = METH(self);
    Value qn = ou_getattr_opt(m->func, ou_str_intern("__qualname__"));
    if (IS_ERR(qn)) return OU_ERR;
    if (IS_UNDEF(qn)) {
        qn = ou_getattr_opt(m->func, ou_str_intern("__name__"));
        if (IS_ERR(qn)) return OU_ERR;
        if (IS_UNDEF(qn)) qn = ou_str_cstr("?");
    }
    Value r = ou_str_printf("<bound method %S of %R>", qn, m->self);
    ou_decref(qn);
    return r;
}

/* Calls func(self, *args): self goes into a C-stack buffer for short argument lists. */
static Value meth_call(Value self, Value *args, int nargs, Value kwnames) {
    OuMethod *m = METH(self);
    int total = nargs + (IS_TUPLE(kwnames) ? (int)AS_TUPLE(kwnames)->len : 0);
    Value small[16];
    Value *buf = small;
    if (total + 1 > 16) {
        buf = ou_mem_alloc(sizeof(Value) * (size_t)(total + 1));
        if (!buf) return OU_ERR;
    }
    buf[0] = m->self;
    if (total) memcpy(buf + 1, args, sizeof(Value) * (size_t)total);
    Value func = m->func;
    Value r = ou_is_type(func, &ou_function_type)
                  ? vm_call_function(FN(func), buf, nargs + 1, kwnames)
                  : ou_call(func, buf, nargs + 1, kwnames);
    if (buf != small) ou_mem_free(buf);
    return r;
}

static Value meth_getattr(Value self, Value name) {
    OuMethod *m = METH(self);
    if (name_is(name, "__self__")) return ou_newref(m->self);
    if (name_is(name, "__func__")) return ou_newref(m->func);
    if (name_is(name, "__class__")) return ou_newref(MK_OBJ(&ou_method_type));
    Value v = ou_generic_getattr(self, name);
    if (!IS_ERR(v) || !ou_err_matches(ou_AttributeError)) return v;
    /* Other attributes (__name__, __doc__, user attributes) come from the function, which
     * also words the error, as in CPython ("'function' object has no attribute 'x'"). */
    ou_err_clear();
    return ou_getattr(m->func, name);
}

static Value meth_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !ou_is_type(b, &ou_method_type))
        return ou_newref(ou_NotImplemented);
    bool eq = METH(a)->self == METH(b)->self;
    if (eq) {
        int r = ou_equal(METH(a)->func, METH(b)->func);
        if (r < 0) return OU_ERR;
        eq = r;
    }
    return MK_BOOL(op == OU_EQ ? eq : !eq);
}

static int64_t meth_hash(Value self) {
    int64_t h = ou_hash(METH(self)->func);
    if (h == -1) return -1;
    h ^= (int64_t)(METH(self)->self >> 4);
    return h == -1 ? -2 : h;
}

OuType ou_method_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "method",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuMethod),
    .dealloc = meth_dealloc,
    .traverse = meth_traverse,
    .clear = meth_clear,
    .repr = meth_repr,
    .hash = meth_hash,
    .richcmp = meth_richcmp,
    .call = meth_call,
    .getattr = meth_getattr,
};

/* ---------------------------------------------------------------------------------------------
 * Cells: the boxes of variables shared between a scope and its inner functions.
 * ------------------------------------------------------------------------------------------- */

Value ou_cell_new(Value v) {
    OuCell *c = ou_obj_alloc(&ou_cell_type, sizeof *c);
    if (!c) return OU_ERR;
    c->v = ou_newref(v);
    return MK_OBJ(c);
}

static void cell_clear(OuObject *o) {
    OuCell *c = (OuCell *)o;
    Value v = c->v;
    c->v = OU_UNDEF;
    ou_xdecref(v);
}

static void cell_dealloc(OuObject *o) {
    cell_clear(o);
    ou_obj_free(o);
}

static int cell_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuCell *c = (OuCell *)o;
    return IS_OBJ(c->v) ? visit(AS_OBJ(c->v), arg) : 0;
}

static Value cell_repr(Value self) {
    OuCell *c = (OuCell *)AS_OBJ(self);
    char a[32], b[32];
    addr_text(a, sizeof a, c);
    if (IS_UNDEF(c->v)) return ou_str_printf("<cell at %s: empty>", a);
    addr_text(b, sizeof b, IS_OBJ(c->v) ? (void *)AS_OBJ(c->v) : (void *)(uintptr_t)c->v);
    return ou_str_printf("<cell at %s: %s object at %s>", a, OU_TYPE_NAME(c->v), b);
}

static Value cell_getattr(Value self, Value name) {
    OuCell *c = (OuCell *)AS_OBJ(self);
    if (name_is(name, "cell_contents")) {
        if (IS_UNDEF(c->v)) return ou_err_format(ou_ValueError, "Cell is empty");
        return ou_newref(c->v);
    }
    return ou_generic_getattr(self, name);
}

static int cell_setattr(Value self, Value name, Value v) {
    if (name_is(name, "cell_contents")) {
        OuCell *c = (OuCell *)AS_OBJ(self);
        Value old = c->v;
        c->v = ou_newref(v);
        ou_xdecref(old);
        return 0;
    }
    return ou_generic_setattr(self, name, v);
}

static Value cell_richcmp(Value a, Value b, int op) {
    if (!ou_is_type(b, &ou_cell_type)) return ou_newref(ou_NotImplemented);
    Value x = ((OuCell *)AS_OBJ(a))->v, y = ((OuCell *)AS_OBJ(b))->v;
    if (IS_UNDEF(x) || IS_UNDEF(y)) {
        /* An empty cell orders before a full one, as in CPython. */
        int cx = !IS_UNDEF(x), cy = !IS_UNDEF(y);
        bool r;
        switch (op) {
        case OU_LT: r = cx < cy; break;
        case OU_LE: r = cx <= cy; break;
        case OU_EQ: r = cx == cy; break;
        case OU_NE: r = cx != cy; break;
        case OU_GT: r = cx > cy; break;
        default: r = cx >= cy; break;
        }
        return MK_BOOL(r);
    }
    return ou_richcmp(x, y, op);
}

OuType ou_cell_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "cell",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuCell),
    .dealloc = cell_dealloc,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .repr = cell_repr,
    .richcmp = cell_richcmp,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
};

/* ---------------------------------------------------------------------------------------------
 * Modules: a namespace dict plus its name and, for modules loaded from source, the file.
 * ------------------------------------------------------------------------------------------- */

#define MOD(v) ((OuModule *)AS_OBJ(v))

Value ou_module_new(const char *name) {
    OuModule *m = ou_obj_alloc(&ou_module_type, sizeof *m);
    if (!m) return OU_ERR;
    m->dict = OU_UNDEF;
    m->filename = OU_UNDEF;
    m->name = ou_str_cstr(name);
    Value self = MK_OBJ(m);
    if (IS_ERR(m->name)) {
        m->name = OU_UNDEF;
        ou_decref(self);
        return OU_ERR;
    }
    m->dict = ou_dict_new();
    if (IS_ERR(m->dict)) {
        m->dict = OU_UNDEF;
        ou_decref(self);
        return OU_ERR;
    }
    if (ou_dict_set_str(m->dict, "__name__", m->name) < 0 ||
        ou_dict_set_str(m->dict, "__doc__", OU_NONE) < 0 ||
        ou_dict_set_str(m->dict, "__package__", OU_NONE) < 0 ||
        ou_dict_set_str(m->dict, "__loader__", OU_NONE) < 0 ||
        ou_dict_set_str(m->dict, "__spec__", OU_NONE) < 0) {
        ou_decref(self);
        return OU_ERR;
    }
    return self;
}

static void mod_clear(OuObject *o) {
    OuModule *m = (OuModule *)o;
    Value d = m->dict, n = m->name, f = m->filename;
    m->dict = m->name = m->filename = OU_UNDEF;
    ou_xdecref(d);
    ou_xdecref(n);
    ou_xdecref(f);
}

static void mod_dealloc(OuObject *o) {
    mod_clear(o);
    ou_obj_free(o);
}

static int mod_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuModule *m = (OuModule *)o;
    return IS_OBJ(m->dict) ? visit(AS_OBJ(m->dict), arg) : 0;
}

static Value mod_repr(Value self) {
    OuModule *m = MOD(self);
    Value name = IS_STR(m->name) ? m->name : OU_UNDEF;
    if (IS_OBJ(m->dict)) {
        Value n = ou_dict_get_str(m->dict, "__name__");
        if (IS_STR(n)) name = n;
    }
    if (IS_UNDEF(name)) return ou_str_printf("<module '?'>");
    Value file = m->filename;
    if (IS_OBJ(m->dict)) {
        Value f = ou_dict_get_str(m->dict, "__file__");
        if (IS_STR(f)) file = f;
    }
    if (IS_STR(file)) return ou_str_printf("<module %R from %R>", name, file);
    return ou_str_printf("<module %R (built-in)>", name);
}

static Value mod_getattr(Value self, Value name) {
    OuModule *m = MOD(self);
    if (IS_OBJ(m->dict)) {
        Value v = ou_dict_get(m->dict, name);
        if (IS_ERR(v)) return OU_ERR;
        if (!IS_UNDEF(v)) return ou_newref(v);
        if (name_is(name, "__dict__")) return ou_newref(m->dict);
    }
    Value v = ou_generic_getattr(self, name);
    if (!IS_ERR(v) || !ou_err_matches(ou_AttributeError)) return v;
    ou_err_clear();
    Value mname = IS_OBJ(m->dict) ? ou_dict_get_str(m->dict, "__name__") : OU_UNDEF;
    if (!IS_STR(mname)) return ou_err_format(ou_AttributeError, "module has no attribute '%U'", name);
    return ou_err_format(ou_AttributeError, "module '%U' has no attribute '%U'", mname, name);
}

static int mod_setattr(Value self, Value name, Value v) {
    OuModule *m = MOD(self);
    if (!IS_OBJ(m->dict)) {
        ou_err_format(ou_AttributeError, "module has no attribute '%U'", name);
        return -1;
    }
    if (!IS_UNDEF(v)) return ou_dict_set(m->dict, name, v);
    Value old = ou_dict_pop(m->dict, name);
    if (IS_ERR(old)) return -1;
    if (IS_UNDEF(old)) {
        /* Deleting goes through the generic protocol in CPython, hence the generic wording. */
        ou_err_format(ou_AttributeError, "'module' object has no attribute '%U'", name);
        return -1;
    }
    ou_decref(old);
    return 0;
}

OuType ou_module_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "module",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuModule),
    .dealloc = mod_dealloc,
    .traverse = mod_traverse,
    .clear = mod_clear,
    .repr = mod_repr,
    .getattr = mod_getattr,
    .setattr = mod_setattr,
};

int vm_init_func(void) {
    OuType *types[] = {&ou_function_type, &ou_cfunction_type, &ou_method_type, &ou_cell_type,
                       &ou_module_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ou_type_ready(types[i]) < 0) return -1;
    return 0;
}
