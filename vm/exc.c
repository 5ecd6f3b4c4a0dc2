/* exc.c: the builtin exception hierarchy and traceback objects.
 *
 * The exception classes of OU_EXC_LIST are built at start-up as immortal, non-heap type
 * objects sharing one layout (OuException) and one set of slots; subclass-specific
 * behaviour (KeyError's str, OSError's errno/strerror/filename, SystemExit.code,
 * StopIteration.value, SyntaxError's location) is selected by checking the class.
 * Extra attributes live in the instance dict, created on demand.
 */
#include <stdio.h>
#include <stdlib.h>

#include "vm.h"

#define OU_DEFINE_EXC(name, base) OuType *ou_##name;
OU_EXC_LIST(OU_DEFINE_EXC)
#undef OU_DEFINE_EXC

void vm_err_preallocate(void);
void vm_err_release(void);

static inline OuException *EXC(Value v) { return (OuException *)AS_OBJ(v); }

static Value args_tuple(Value *args, int nargs) {
    if (nargs == 0) return ou_newref(ou_empty_tuple);
    return ou_tuple_from(args, nargs);
}

static int exc_dict(OuException *e) {
    if (IS_DICT(e->dict)) return 0;
    Value d = ou_dict_new();
    if (IS_ERR(d)) return -1;
    e->dict = d;
    return 0;
}

static int exc_set_attr_str(OuException *e, const char *name, Value v) {
    if (exc_dict(e) < 0) return -1;
    return ou_dict_set_str(e->dict, name, v);
}

/* Class-specific attributes derived from the constructor arguments, as CPython's inits do. */
/* Which of the exception types with fields of their own t derives from, as bits (1 << k for
 * k in SystemExit, StopIteration, OSError, SyntaxError, ImportError): one walk of the MRO
 * instead of five subtype tests, each a walk (a user exception's __init__ asked all five). */
enum { EK_SYSEXIT = 1, EK_STOPITER = 2, EK_OSERROR = 4, EK_SYNTAX = 8, EK_IMPORT = 16 };
static unsigned exc_kinds(OuType *t) {
    if (!IS_TUPLE(t->mro)) { /* not ready: as the subtype tests would answer */
        return (ou_is_subtype(t, ou_SystemExit) ? EK_SYSEXIT : 0) |
               (ou_is_subtype(t, ou_StopIteration) ? EK_STOPITER : 0) |
               (ou_is_subtype(t, ou_OSError) ? EK_OSERROR : 0) |
               (ou_is_subtype(t, ou_SyntaxError) ? EK_SYNTAX : 0) |
               (ou_is_subtype(t, ou_ImportError) ? EK_IMPORT : 0);
    }
    unsigned k = 0;
    OuTuple *m = AS_TUPLE(t->mro);
    for (int64_t i = 0; i < m->len; i++) {
        OuType *b = AS_TYPE(m->items[i]);
        if (b == ou_SystemExit) k |= EK_SYSEXIT;
        else if (b == ou_StopIteration) k |= EK_STOPITER;
        else if (b == ou_OSError) k |= EK_OSERROR;
        else if (b == ou_SyntaxError) k |= EK_SYNTAX;
        else if (b == ou_ImportError) k |= EK_IMPORT;
    }
    return k;
}

static int exc_init_fields(Value self, Value *args, int nargs) {
    OuException *e = EXC(self);
    OuType *t = ou_typeof(self);
    unsigned kinds = exc_kinds(t);
    if (!kinds) return 0;
    if (kinds & EK_SYSEXIT) {
        Value code = nargs == 0 ? OU_NONE : nargs == 1 ? ou_newref(args[0]) : ou_newref(e->args);
        int r = exc_set_attr_str(e, "code", code);
        ou_decref(code);
        return r;
    }
    if (kinds & EK_STOPITER)
        return exc_set_attr_str(e, "value", nargs > 0 ? args[0] : OU_NONE);
    if (kinds & EK_OSERROR) {
        Value en = OU_NONE, se = OU_NONE, fn = OU_NONE;
        if (nargs >= 2 && nargs <= 5) {
            en = args[0];
            se = args[1];
            if (nargs >= 3) fn = args[2];
        }
        if (exc_set_attr_str(e, "errno", en) < 0 || exc_set_attr_str(e, "strerror", se) < 0 ||
            exc_set_attr_str(e, "filename", fn) < 0)
            return -1;
        if (nargs >= 3) {
            /* CPython keeps only (errno, strerror) in args when a filename is given. */
            Value t2 = ou_tuple_from(args, 2);
            if (IS_ERR(t2)) return -1;
            ou_decref(e->args);
            e->args = t2;
        }
        return 0;
    }
    if (kinds & EK_SYNTAX) {
        if (exc_set_attr_str(e, "msg", nargs >= 1 ? args[0] : OU_NONE) < 0) return -1;
        const char *names[] = {"filename", "lineno", "offset", "text", "end_lineno",
                               "end_offset"};
        Value det = nargs >= 2 ? args[1] : OU_UNDEF;
        for (int i = 0; i < 6; i++) {
            Value v = OU_NONE;
            if (IS_TUPLE(det) && i < AS_TUPLE(det)->len) v = AS_TUPLE(det)->items[i];
            if (exc_set_attr_str(e, names[i], v) < 0) return -1;
        }
        return 0;
    }
    if (kinds & EK_IMPORT) {
        if (exc_set_attr_str(e, "name", OU_NONE) < 0) return -1;
        return exc_set_attr_str(e, "msg", nargs == 1 ? args[0] : OU_NONE);
    }
    return 0;
}

static Value exc_alloc(OuType *type, Value *args, int nargs) {
    OuException *e = ou_obj_alloc(type, type->basicsize);
    if (!e) return OU_ERR;
    e->dict = OU_UNDEF;
    e->traceback = e->cause = e->context = OU_NONE;
    e->args = args_tuple(args, nargs);
    if (IS_ERR(e->args)) {
        e->args = ou_newref(ou_empty_tuple);
        ou_decref(MK_OBJ(e));
        return OU_ERR;
    }
    return MK_OBJ(e);
}

static Value exc_new(OuType *type, Value *args, int nargs, Value kwnames) {
    return exc_alloc(type, args, nargs);
}

static int exc_init(Value self, Value *args, int nargs, Value kwnames) {
    if (IS_TUPLE(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        ou_err_format(ou_TypeError, "%s() takes no keyword arguments", OU_TYPE_NAME(self));
        return -1;
    }
    OuException *e = EXC(self);
    Value t = args_tuple(args, nargs);
    if (IS_ERR(t)) return -1;
    ou_decref(e->args);
    e->args = t;
    return exc_init_fields(self, args, nargs);
}

Value ou_exc_new(OuType *type, Value *args, int nargs) {
    if (!(type->flags & OU_TPFLAG_HEAPTYPE)) {
        Value v = exc_alloc(type, args, nargs);
        if (IS_ERR(v)) return OU_ERR;
        if (exc_init_fields(v, args, nargs) < 0) {
            ou_decref(v);
            return OU_ERR;
        }
        return v;
    }
    return ou_call(MK_OBJ(type), args, nargs, OU_UNDEF);
}

static Value exc_str(Value self) {
    OuException *e = EXC(self);
    OuType *t = ou_typeof(self);
    OuTuple *a = IS_TUPLE(e->args) ? AS_TUPLE(e->args) : NULL;
    int64_t n = a ? a->len : 0;
    if (ou_is_subtype(t, ou_KeyError) && n == 1) return ou_repr(a->items[0]);
    if (ou_is_subtype(t, ou_OSError) && IS_DICT(e->dict)) {
        Value en = ou_dict_get_str(e->dict, "errno"), se = ou_dict_get_str(e->dict, "strerror");
        Value fn = ou_dict_get_str(e->dict, "filename");
        if (!IS_UNDEF(en) && !IS_NONE(en) && !IS_UNDEF(se) && !IS_NONE(se)) {
            if (!IS_UNDEF(fn) && !IS_NONE(fn)) return ou_str_printf("[Errno %S] %S: %R", en, se, fn);
            return ou_str_printf("[Errno %S] %S", en, se);
        }
    }
    if (ou_is_subtype(t, ou_SyntaxError) && IS_DICT(e->dict)) {
        Value msg = ou_dict_get_str(e->dict, "msg"), fn = ou_dict_get_str(e->dict, "filename");
        Value ln = ou_dict_get_str(e->dict, "lineno");
        if (IS_STR(msg)) {
            if (IS_STR(fn) && ou_is_int(ln)) return ou_str_printf("%U (%U, line %S)", msg, fn, ln);
            if (ou_is_int(ln)) return ou_str_printf("%U (line %S)", msg, ln);
            return ou_newref(msg);
        }
    }
    if (n == 0) return ou_str_cstr("");
    if (n == 1) return ou_to_str(a->items[0]);
    return ou_to_str(e->args);
}

static Value exc_repr(Value self) {
    OuException *e = EXC(self);
    OuType *t = ou_typeof(self);
    const char *name = t->name;
    if (IS_TUPLE(e->args) && AS_TUPLE(e->args)->len == 1)
        return ou_str_printf("%s(%R)", name, AS_TUPLE(e->args)->items[0]);
    if (IS_TUPLE(e->args) && AS_TUPLE(e->args)->len == 0) return ou_str_printf("%s()", name);
    return ou_str_printf("%s%R", name, e->args);
}

static Value name_args, name_tb, name_cause, name_context, name_suppress;

static Value exc_getattr(Value self, Value name) {
    OuException *e = EXC(self);
    if (name == name_args) return ou_newref(e->args);
    if (name == name_tb) return ou_newref(e->traceback);
    if (name == name_cause) return ou_newref(e->cause);
    if (name == name_context) return ou_newref(e->context);
    if (name == name_suppress) return MK_BOOL(e->suppress_context);
    return ou_generic_getattr(self, name);
}

static int exc_setattr(Value self, Value name, Value v) {
    OuException *e = EXC(self);
    Value *slot = NULL;
    if (name == name_args) {
        if (IS_UNDEF(v)) return ou_err_format(ou_TypeError, "args may not be deleted"), -1;
        Value t = ou_sequence_tuple(v);
        if (IS_ERR(t)) return -1;
        ou_decref(e->args);
        e->args = t;
        return 0;
    }
    if (name == name_suppress) {
        int b = ou_truthy(v);
        if (b < 0) return -1;
        e->suppress_context = b;
        return 0;
    }
    if (name == name_tb) slot = &e->traceback;
    if (name == name_cause) slot = &e->cause;
    if (name == name_context) slot = &e->context;
    if (!slot) return ou_generic_setattr(self, name, v);
    if (IS_UNDEF(v)) return ou_err_format(ou_TypeError, "%U may not be deleted", name), -1;
    if (slot != &e->traceback && !IS_NONE(v) && !ou_instance_of(v, ou_BaseException)) {
        ou_err_format(ou_TypeError, "exception %s must be None or derive from BaseException",
                      slot == &e->cause ? "cause" : "context");
        return -1;
    }
    if (slot == &e->cause) e->suppress_context = true;
    Value old = *slot;
    *slot = ou_newref(v);
    ou_decref(old);
    return 0;
}

static int exc_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuException *e = (OuException *)o;
    Value vs[5] = {e->dict, e->args, e->traceback, e->cause, e->context};
    for (int i = 0; i < 5; i++)
        if (IS_OBJ(vs[i]) && visit(AS_OBJ(vs[i]), arg)) return 1;
    return 0;
}

static void exc_clear(OuObject *o) {
    OuException *e = (OuException *)o;
    Value vs[5] = {e->dict, e->args, e->traceback, e->cause, e->context};
    e->dict = OU_UNDEF;
    e->args = ou_newref(ou_empty_tuple);
    e->traceback = e->cause = e->context = OU_NONE;
    for (int i = 0; i < 5; i++) ou_decref(vs[i]);
}

static void exc_dealloc(OuObject *o) {
    exc_clear(o);
    ou_decref(((OuException *)o)->args);
    ou_obj_free(o);
}

static Value exc_with_traceback(Value *args, int nargs, Value kwnames) {
    if (nargs != 2) return ou_err_format(ou_TypeError, "with_traceback() takes exactly one argument");
    if (exc_setattr(args[0], name_tb, args[1]) < 0) return OU_ERR;
    return ou_newref(args[0]);
}

static const OuMethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, "Set self.__traceback__ to tb and return self."},
    {NULL, NULL, NULL},
};

/* ---- traceback objects ---- */

static int tb_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuTraceback *t = (OuTraceback *)o;
    if (IS_OBJ(t->next) && visit(AS_OBJ(t->next), arg)) return 1;
    if (IS_OBJ(t->code) && visit(AS_OBJ(t->code), arg)) return 1;
    for (int32_t i = 0; i < t->nlocals; i++)
        if (IS_OBJ(t->locals[i]) && visit(AS_OBJ(t->locals[i]), arg)) return 1;
    return 0;
}

/* Releases the locals an entry holds, in slot order as a frame's deallocation does. */
static void tb_drop_locals(OuTraceback *t) {
    for (int32_t i = 0; i < t->nlocals; i++) {
        Value v = t->locals[i];
        t->locals[i] = OU_UNDEF;
        ou_xdecref(v);
    }
}

static void tb_clear(OuObject *o) {
    OuTraceback *t = (OuTraceback *)o;
    Value n = t->next, c = t->code;
    t->next = OU_NONE;
    t->code = OU_NONE;
    ou_decref(n);
    ou_decref(c);
    tb_drop_locals(t);
}

/* Tracebacks can be long chains (a RecursionError holds ~1000 entries): the entries this one
 * owns alone are freed in a loop, so the C stack stays flat. CPython releases a traceback's
 * tb_next before its frame, so the innermost frame's locals go first: the owned run of the
 * chain is reversed (through `next`) and then released innermost first. */
static void tb_dealloc(OuObject *o) {
    OuTraceback *rev = NULL; /* owned entries, innermost first, linked through next */
    while (o) {
        OuTraceback *t = (OuTraceback *)o;
        Value next = t->next;
        t->next = rev ? MK_OBJ(rev) : OU_NONE;
        rev = t;
        o = NULL;
        if (ou_is_type(next, &ou_traceback_type)) {
            OuObject *n = AS_OBJ(next);
            if (n->rc == 1)
                o = n; /* we own the last reference: free it in this loop */
            else
                ou_decref(next); /* not the last reference: marks it dirty for the collector */
        } else {
            ou_decref(next);
        }
    }
    while (rev) {
        OuTraceback *t = rev;
        rev = IS_OBJ(t->next) ? (OuTraceback *)AS_OBJ(t->next) : NULL;
        tb_drop_locals(t);
        ou_decref(t->code);
        ou_obj_free(&t->ob);
    }
}

static Value tb_getattr(Value self, Value name) {
    OuTraceback *t = (OuTraceback *)AS_OBJ(self);
    if (ou_str_eq_cstr(name, "tb_lineno")) return ou_int(t->line);
    if (ou_str_eq_cstr(name, "tb_next")) return ou_newref(t->next);
    return ou_generic_getattr(self, name);
}

OuType ou_traceback_type = {
    .ob = {.rc = 1u << 30, .type = &ou_type_type},
    .name = "traceback",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuTraceback),
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .clear = tb_clear,
    .getattr = tb_getattr,
};

void vm_traceback_add(VmFrame *f) {
    Value exc = ou_err_fetch();
    if (!IS_OBJ(exc)) return;
    if (!ou_instance_of(exc, ou_BaseException) || !f || !f->code) {
        ou_err_restore(exc);
        return;
    }
    /* Room for the frame's locals and cells, in case the exception leaves the frame. Module
     * and class bodies keep their names in a dict instead, which outlives the frame anyway. */
    int32_t nslots = f->func ? f->code->nlocals + f->code->ncellvars + f->code->nfreevars : 0;
    OuTraceback *tb =
        ou_obj_alloc(&ou_traceback_type, sizeof *tb + sizeof(Value) * (size_t)nslots);
    if (!tb) {
        ou_err_clear(); /* keep the original exception rather than the MemoryError */
        ou_err_restore(exc);
        return;
    }
    OuException *e = EXC(exc);
    OuCode *code = f->code;
    int ip = f->ip > 0 ? f->ip - 1 : 0;
    tb->line = (code->lines && ip < code->ncode) ? code->lines[ip] : code->firstline;
    tb->code = ou_newref(MK_OBJ(code));
    tb->next = e->traceback;
    tb->nlocals = nslots;
    e->traceback = MK_OBJ(tb);
    ou_err_restore(exc);
}

void vm_traceback_keep_locals(VmFrame *f) {
    Value exc = vm.curexc;
    if (!f->func || !IS_OBJ(exc) || !ou_instance_of(exc, ou_BaseException)) return;
    Value head = EXC(exc)->traceback;
    if (!ou_is_type(head, &ou_traceback_type)) return;
    OuTraceback *tb = (OuTraceback *)AS_OBJ(head);
    OuCode *co = f->code;
    int32_t nslots = co->nlocals + co->ncellvars + co->nfreevars;
    /* The head is f's own entry unless making it failed (out of memory): then leave the
     * locals to the frame, as an entry already filled or of another size says. */
    if (tb->ob.aux || tb->code != MK_OBJ(co) || tb->nlocals != nslots) return;
    for (int32_t i = 0; i < nslots; i++) {
        tb->locals[i] = f->base[i];
        f->base[i] = OU_UNDEF;
    }
    tb->ob.aux = 1;
}

/* ---- building the hierarchy ---- */

static OuType *all_exc[64];
static int nexc;

static OuType *make_exc_type(const char *name, OuType *base) {
    OuType *t = calloc(1, sizeof(OuType));
    if (!t) return NULL;
    t->ob.rc = 1u << 30;
    t->ob.type = &ou_type_type;
    t->ob.gcflags = OU_GCF_IMMORTAL;
    t->name = name;
    t->flags = OU_TPFLAG_BASETYPE | OU_TPFLAG_EXC | OU_TPFLAG_GC;
    t->basicsize = sizeof(OuException);
    t->dictoffset = (int32_t)offsetof(OuException, dict);
    t->base = base ? base : &ou_object_type;
    t->module = OU_UNDEF;
    t->qualname = OU_UNDEF;
    t->dealloc = exc_dealloc;
    t->traverse = exc_traverse;
    t->clear = exc_clear;
    t->repr = exc_repr;
    t->str = exc_str;
    t->getattr = exc_getattr;
    t->setattr = exc_setattr;
    t->new = exc_new;
    t->init = exc_init;
    if (ou_type_ready(t) < 0) return NULL;
    all_exc[nexc++] = t;
    return t;
}

int vm_init_exceptions(void) {
    name_args = ou_str_intern("args");
    name_tb = ou_str_intern("__traceback__");
    name_cause = ou_str_intern("__cause__");
    name_context = ou_str_intern("__context__");
    name_suppress = ou_str_intern("__suppress_context__");
    if (ou_type_ready(&ou_traceback_type) < 0) return -1;
    /* The first entry's base is NULL: it is made by hand, the rest from the list (bases always
     * precede their subclasses there). */
    ou_BaseException = make_exc_type("BaseException", NULL);
    if (!ou_BaseException) return -1;
    if (ou_add_functions(ou_BaseException->dict, exc_methods, OU_UNDEF) < 0) return -1;
#define OU_MAKE_REST(name, base)                                                            \
    if (ou_##name == NULL && !(ou_##name = make_exc_type(#name, ou_##base))) return -1;
#define ou_NULL ou_BaseException
    OU_EXC_LIST(OU_MAKE_REST)
#undef ou_NULL
#undef OU_MAKE_REST
    vm_err_preallocate();
    return 0;
}

void vm_fini_exceptions(void) {
    vm_err_release();
    for (int i = nexc - 1; i >= 0; i--) {
        OuType *t = all_exc[i];
        Value d = t->dict, m = t->mro, b = t->bases;
        t->dict = t->mro = t->bases = OU_UNDEF;
        ou_decref(d);
        ou_decref(m);
        ou_decref(b);
    }
    for (int i = nexc - 1; i >= 0; i--) free(all_exc[i]);
    nexc = 0;
}
