/* type.c: the `type` and `object` types, type readiness, the method cache, the generic
 * attribute protocol, and the descriptor types property, staticmethod, classmethod and super.
 * Classes made by `class` (creation, MRO, slots) live in vm/class.c.
 *
 * The method cache. Every attribute access on an instance starts with an MRO lookup on its
 * type (for data descriptors), so lookups are memoized in a direct-mapped table keyed by
 * (type, interned name). An entry is valid only while
 *   - its epoch equals the global `epoch`, which is bumped whenever any class dict is changed
 *     through type_setattr, a class is created or freed, or a builtin type is readied; and
 *   - its dver equals the type's own dict version, which catches builtin init code that adds
 *     methods with ou_dict_set after a lookup.
 * Cached values are borrowed from class dicts; the two rules above guarantee the dict still
 * holds them. Only interned names (immortal) are cached, so a name pointer is never reused.
 */
#include <stdio.h>
#include <stdlib.h>

#include "objmodel.h"

OmNames om;
bool om_names_ready;

/* Every static type readied, for the lazy method pass (om_finish_types) and vm_fini_types. */
static OuType **static_types;
static bool *static_is_exc; /* parallel to static_types: OU_TPFLAG_EXC when registered */
static int nstatic, static_cap;
static bool types_finished;

/* ---- names ------------------------------------------------------------------------------ */

int om_names_init(void) {
    if (om_names_ready) return 0;
    static const char *const bin[OU_BIN_COUNT] = {
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
        "lshift", "rshift", "and", "or", "xor", "matmul",
    };
    struct {
        Value *slot;
        const char *s;
    } tab[] = {
        {&om.init, "__init__"}, {&om.new_, "__new__"}, {&om.del, "__del__"},
        {&om.repr, "__repr__"}, {&om.str, "__str__"}, {&om.hash, "__hash__"},
        {&om.eq, "__eq__"}, {&om.ne, "__ne__"}, {&om.lt, "__lt__"}, {&om.le, "__le__"},
        {&om.gt, "__gt__"}, {&om.ge, "__ge__"}, {&om.bool_, "__bool__"}, {&om.len, "__len__"},
        {&om.iter, "__iter__"}, {&om.next, "__next__"}, {&om.call, "__call__"},
        {&om.getattr, "__getattr__"}, {&om.getattribute, "__getattribute__"},
        {&om.setattr, "__setattr__"}, {&om.delattr, "__delattr__"},
        {&om.getitem, "__getitem__"}, {&om.setitem, "__setitem__"},
        {&om.delitem, "__delitem__"}, {&om.contains, "__contains__"}, {&om.get, "__get__"},
        {&om.set, "__set__"}, {&om.delete, "__delete__"}, {&om.neg, "__neg__"},
        {&om.pos, "__pos__"}, {&om.invert, "__invert__"}, {&om.class_, "__class__"},
        {&om.dict, "__dict__"}, {&om.name, "__name__"}, {&om.qualname, "__qualname__"},
        {&om.module, "__module__"}, {&om.doc, "__doc__"}, {&om.set_name, "__set_name__"},
        {&om.init_subclass, "__init_subclass__"}, {&om.class_getitem, "__class_getitem__"},
        {&om.instancecheck, "__instancecheck__"}, {&om.subclasscheck, "__subclasscheck__"},
        {&om.classcell, "__classcell__"}, {&om.slots, "__slots__"}, {&om.index, "__index__"},
        {&om.format, "__format__"}, {&om.main, "__main__"}, {&om.builtins, "builtins"},
        {&om.name_global, "__name__"},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        Value s = ou_str_intern(tab[i].s);
        if (IS_ERR(s)) return -1;
        /* The intern table keeps interned strings alive until vm_fini_str: borrow. */
        ou_decref(s);
        *tab[i].slot = s;
    }
    char buf[32];
    for (int i = 0; i < OU_BIN_COUNT; i++) {
        snprintf(buf, sizeof buf, "__%s__", bin[i]);
        if (IS_ERR(om.binop[i] = ou_str_intern(buf))) return -1;
        ou_decref(om.binop[i]);
        snprintf(buf, sizeof buf, "__r%s__", bin[i]);
        if (IS_ERR(om.rbinop[i] = ou_str_intern(buf))) return -1;
        ou_decref(om.rbinop[i]);
        snprintf(buf, sizeof buf, "__i%s__", bin[i]);
        if (IS_ERR(om.ibinop[i] = ou_str_intern(buf))) return -1;
        ou_decref(om.ibinop[i]);
    }
    om_names_ready = true;
    return 0;
}

/* ---- the method cache --------------------------------------------------------------------- */

#define MCACHE_SIZE 4096
typedef struct {
    OuType *type;
    OuObject *name;
    uint64_t epoch, dver;
    Value value; /* borrowed, or OU_UNDEF for "absent" */
    OuType *owner;
} McEntry;
static McEntry mcache[MCACHE_SIZE];
static uint64_t epoch = 1;
/* The interpreter's inline attribute caches (vm/interp.c) validate against this epoch too. */
const uint64_t *const om_type_epoch = &epoch;

void om_type_modified(void) { epoch++; }

static inline uint64_t dict_version(Value d) { return IS_OBJ(d) ? AS_DICT(d)->version : 0; }

static Value lookup_uncached(OuType *t, Value name, OuType **owner) {
    if (IS_TUPLE(t->mro)) {
        OuTuple *m = AS_TUPLE(t->mro);
        for (int64_t i = 0; i < m->len; i++) {
            OuType *b = AS_TYPE(m->items[i]);
            if (!IS_OBJ(b->dict)) continue;
            Value v = ou_dict_get(b->dict, name);
            if (IS_ERR(v)) {
                ou_err_clear();
                continue;
            }
            if (!IS_UNDEF(v)) {
                *owner = b;
                return v;
            }
        }
        return OU_UNDEF;
    }
    for (OuType *b = t; b; b = b->base) {
        if (!IS_OBJ(b->dict)) continue;
        Value v = ou_dict_get(b->dict, name);
        if (IS_ERR(v)) {
            ou_err_clear();
            continue;
        }
        if (!IS_UNDEF(v)) {
            *owner = b;
            return v;
        }
    }
    return OU_UNDEF;
}

Value om_lookup(OuType *t, Value name, OuType **owner) {
    OuType *own = NULL;
    if (IS_STR(name) && (AS_OBJ(name)->aux & OU_STR_INTERNED)) {
        uintptr_t h = (((uintptr_t)t >> 4) * 0x9E3779B1u) ^ ((uintptr_t)AS_OBJ(name) >> 4);
        McEntry *e = &mcache[h & (MCACHE_SIZE - 1)];
        uint64_t dv = dict_version(t->dict);
        if (e->type == t && e->name == AS_OBJ(name) && e->epoch == epoch && e->dver == dv) {
            if (owner) *owner = e->owner;
            return e->value;
        }
        Value v = lookup_uncached(t, name, &own);
        e->type = t;
        e->name = AS_OBJ(name);
        e->epoch = epoch;
        e->dver = dv;
        e->value = v;
        e->owner = own;
        if (owner) *owner = own;
        return v;
    }
    Value v = lookup_uncached(t, name, &own);
    if (owner) *owner = own;
    return v;
}

Value ou_type_lookup(OuType *t, Value name) { return om_lookup(t, name, NULL); }

/* ---- small helpers ------------------------------------------------------------------------ */

static bool name_is(Value name, const char *s) { return strcmp(ou_str_data(name), s) == 0; }
static bool is_dunder(Value name) {
    const char *s = ou_str_data(name);
    return s[0] == '_' && s[1] == '_';
}

/* The qualified name of a type as a new str: heap types keep it, builtins use their name. */
static Value type_qualname(OuType *t) {
    if (om_is_heap(t) && IS_STR(t->qualname)) return ou_newref(t->qualname);
    return ou_str_cstr(t->name);
}

/* Binds an attribute found on a type to an instance (obj) the way `obj.attr` does: descriptors
 * via descr_get, and builtin methods (cfunctions with no self) by making a bound cfunction. */
static Value bind(Value f, Value obj, OuType *type) {
    OuType *ft = ou_typeof(f);
    if (ft->descr_get) return ft->descr_get(f, obj, MK_OBJ(type));
    if (ft == &ou_cfunction_type) {
        OuCFunction *cf = (OuCFunction *)AS_OBJ(f);
        if (IS_UNDEF(cf->self) && IS_UNDEF(cf->module) && !IS_UNDEF(obj))
            return ou_cfunction_new(cf->name, cf->fn, obj, cf->doc);
    }
    return ou_newref(f);
}

/* ---- the generic attribute protocol ------------------------------------------------------- */

static Value no_attribute(Value o, Value name) {
    return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'", OU_TYPE_NAME(o),
                         name);
}

static Value get_instance_dict(Value o) {
    Value *dp = om_dictptr(o);
    if (!dp) return no_attribute(o, om.dict);
    if (vm_inst_shape(AS_OBJ(o)) && vm_inst_to_dict(AS_OBJ(o)) < 0) return OU_ERR;
    if (!IS_OBJ(*dp)) {
        Value d = ou_dict_new();
        if (IS_ERR(d)) return OU_ERR;
        *dp = d;
    }
    return ou_newref(*dp);
}

Value om_generic_getattr_opt(Value o, Value name, bool suppress) {
    OuType *t = ou_typeof(o);
    if (is_dunder(name)) {
        /* object's __class__, unless a class on the MRO defines its own. */
        if (name_is(name, "__class__") && IS_UNDEF(om_lookup(t, name, NULL)))
            return ou_newref(MK_OBJ(t));
        if (name_is(name, "__dict__") && om_dictptr(o)) return get_instance_dict(o);
    }
    Value descr = om_lookup(t, name, NULL);
    Value (*get)(Value, Value, Value) = NULL;
    if (!IS_UNDEF(descr)) {
        OuType *dt = ou_typeof(descr);
        get = dt->descr_get;
        if (get && dt->descr_set) {
            ou_incref(descr);
            Value r = get(descr, o, MK_OBJ(t));
            ou_decref(descr);
            if (suppress && IS_ERR(r) && ou_err_matches(ou_AttributeError)) {
                ou_err_clear();
                return OU_UNDEF;
            }
            return r;
        }
    }
    Value *dp = om_dictptr(o);
    if (dp && IS_OBJ(*dp)) {
        Value v = ou_dict_get(*dp, name);
        if (IS_ERR(v)) return OU_ERR;
        if (!IS_UNDEF(v)) return ou_newref(v);
    } else if (dp && VM_IS_SHAPE(*dp)) {
        int32_t i = vm_shape_index(VM_AS_SHAPE(*dp), name);
        if (i >= 0) return ou_newref(((OuInstance *)AS_OBJ(o))->slots[i]);
    }
    if (!IS_UNDEF(descr)) {
        ou_incref(descr);
        Value r = bind(descr, o, t);
        ou_decref(descr);
        return r;
    }
    if (suppress) return OU_UNDEF;
    if (!types_finished && is_dunder(name)) {
        /* Builtin dunders are added to object's dict lazily: retry once they exist. */
        if (om_finish_types() < 0) return OU_ERR;
        if (!IS_UNDEF(om_lookup(t, name, NULL))) return om_generic_getattr_opt(o, name, false);
    }
    return no_attribute(o, name);
}

Value ou_generic_getattr(Value o, Value name) { return om_generic_getattr_opt(o, name, false); }

static int set_class(Value o, Value v) {
    OuType *t = ou_typeof(o);
    if (!IS_OBJ(v) || !ou_is_subtype(AS_OBJ(v)->type, &ou_type_type)) {
        ou_err_format(ou_TypeError, "__class__ must be set to a class, not '%s' object",
                      OU_TYPE_NAME(v));
        return -1;
    }
    OuType *nt = AS_TYPE(v);
    if (!om_is_heap(t) || !om_is_heap(nt)) {
        ou_err_format(ou_TypeError, "__class__ assignment only supported for mutable types or "
                                    "ModuleType subclasses");
        return -1;
    }
    if (om_builtin_base(t) != om_builtin_base(nt) || t->basicsize != nt->basicsize ||
        t->dictoffset != nt->dictoffset) {
        ou_err_format(ou_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      nt->name, t->name);
        return -1;
    }
    ou_incref(v);
    AS_OBJ(o)->type = nt;
    ou_decref(MK_OBJ(t));
    return 0;
}

int ou_generic_setattr(Value o, Value name, Value v) {
    if (!IS_STR(name)) {
        ou_err_format(ou_TypeError, "attribute name must be string, not '%s'", OU_TYPE_NAME(name));
        return -1;
    }
    OuType *t = ou_typeof(o);
    if (is_dunder(name)) {
        if (name_is(name, "__class__") && !IS_UNDEF(v)) return set_class(o, v);
        if (name_is(name, "__dict__") && om_dictptr(o)) {
            if (IS_UNDEF(v) || !ou_instance_of(v, &ou_dict_type)) {
                ou_err_format(ou_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                              OU_TYPE_NAME(v));
                return -1;
            }
            Value *dp = om_dictptr(o);
            Value old = *dp;
            if (VM_IS_SHAPE(old)) {
                /* The attributes held in the slots are dropped with the shape. */
                OuInstance *in = (OuInstance *)AS_OBJ(o);
                uint32_t n = VM_AS_SHAPE(old)->count;
                *dp = ou_newref(v);
                for (uint32_t i = 0; i < n; i++) {
                    Value a = in->slots[i];
                    in->slots[i] = OU_UNDEF;
                    ou_decref(a);
                }
                return 0;
            }
            *dp = ou_newref(v);
            ou_xdecref(IS_OBJ(old) ? old : OU_UNDEF);
            return 0;
        }
    }
    Value descr = om_lookup(t, name, NULL);
    if (!IS_UNDEF(descr)) {
        OuType *dt = ou_typeof(descr);
        if (dt->descr_set) {
            ou_incref(descr);
            int r = dt->descr_set(descr, o, v);
            ou_decref(descr);
            return r;
        }
    }
    Value *dp = om_dictptr(o);
    if (dp && VM_IS_SHAPE(*dp)) {
        int r = vm_inst_set(AS_OBJ(o), VM_AS_SHAPE(*dp), name, v);
        if (r <= 0) return r;
        /* Now in dict mode: store below. */
    }
    if (!dp) {
        if (!IS_UNDEF(descr))
            ou_err_format(ou_AttributeError, "'%s' object attribute '%U' is read-only", t->name,
                          name);
        else
            no_attribute(o, name);
        return -1;
    }
    if (IS_UNDEF(v)) {
        if (!IS_OBJ(*dp)) {
            no_attribute(o, name);
            return -1;
        }
        Value old = ou_dict_pop(*dp, name);
        if (IS_ERR(old)) return -1;
        if (IS_UNDEF(old)) {
            no_attribute(o, name);
            return -1;
        }
        ou_decref(old);
        return 0;
    }
    if (!IS_OBJ(*dp)) {
        Value d = ou_dict_new();
        if (IS_ERR(d)) return -1;
        *dp = d;
    }
    return ou_dict_set(*dp, name, v);
}

/* ---- the object type ---------------------------------------------------------------------- */

Value om_object_repr(Value self) {
    OuType *t = ou_typeof(self);
    char addr[32];
    /* An immediate (small int, float, bool, None) has no address: its bits stand in. */
    if (IS_OBJ(self))
        snprintf(addr, sizeof addr, "%p", (void *)AS_OBJ(self));
    else
        snprintf(addr, sizeof addr, "0x%llx", (unsigned long long)self);
    if (om_is_heap(t) && IS_STR(t->module) && !ou_str_eq_cstr(t->module, "builtins"))
        return ou_str_printf("<%U.%U object at %s>", t->module, t->qualname, addr);
    return ou_str_printf("<%s object at %s>", t->name, addr);
}

int64_t om_object_hash(Value self) {
    uintptr_t p = (uintptr_t)(IS_OBJ(self) ? (uintptr_t)AS_OBJ(self) : (uintptr_t)self);
    int64_t h = (int64_t)((p >> 4) | (p << (8 * sizeof(uintptr_t) - 4)));
    if (h == -1) h = -2;
    return h;
}

Value om_object_richcmp(Value a, Value b, int op) {
    if (op == OU_EQ) return a == b ? OU_TRUE : ou_newref(ou_NotImplemented);
    if (op == OU_NE) {
        /* By default != delegates to == and inverts a definite result. */
        OuType *t = ou_typeof(a);
        if (!t->richcmp) return ou_newref(ou_NotImplemented);
        Value r = t->richcmp(a, b, OU_EQ);
        if (IS_ERR(r) || r == ou_NotImplemented) return r;
        int v = ou_truthy(r);
        ou_decref(r);
        if (v < 0) return OU_ERR;
        return MK_BOOL(!v);
    }
    return ou_newref(ou_NotImplemented);
}

static bool excess_args(int nargs, Value kwnames) {
    return nargs > 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0);
}

Value om_object_new(OuType *t, Value *args, int nargs, Value kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (t->new != om_object_new)
            return ou_err_format(ou_TypeError, "object.__new__() takes exactly one argument (the "
                                               "type to instantiate)");
        if (t->init == om_object_init)
            return ou_err_format(ou_TypeError, "%s() takes no arguments", t->name);
    }
    if ((t->flags & OU_TPFLAG_INLINE) && vm_inline_attrs) {
        /* A compact instance (OuInstance): the empty shape and inline_cap unset slots. */
        uint32_t cap = t->inline_cap;
        OuInstance *in = ou_obj_alloc(t, sizeof(OuInstance) + cap * sizeof(Value));
        if (!in) return OU_ERR;
        in->ob.aux = (uint16_t)cap;
        in->dict = VM_MK_SHAPE(&vm_shape_root);
        for (uint32_t i = 0; i < cap; i++) in->slots[i] = OU_UNDEF;
        return MK_OBJ(in);
    }
    OuObject *o = ou_obj_alloc(t, t->basicsize ? t->basicsize : sizeof(OuObject));
    if (!o) return OU_ERR;
    /* A class instance's words after the header (slots, dict) start unset: OU_UNDEF, since
     * the zero word is the float 0.0. */
    if (om_is_heap(t) && om_builtin_base(t) == &ou_object_type)
        for (Value *w = (Value *)(o + 1); (char *)w < (char *)o + t->basicsize; w++)
            *w = OU_UNDEF;
    return MK_OBJ(o);
}

int om_object_init(Value self, Value *args, int nargs, Value kwnames) {
    OuType *t = ou_typeof(self);
    if (excess_args(nargs, kwnames)) {
        if (t->init != om_object_init) {
            ou_err_format(ou_TypeError, "object.__init__() takes exactly one argument (the "
                                        "instance to initialize)");
            return -1;
        }
        if (t->new == om_object_new) {
            ou_err_format(ou_TypeError, "%s.__init__() takes exactly one argument (the instance "
                                        "to initialize)",
                          t->name);
            return -1;
        }
    }
    return 0;
}

void om_object_dealloc(OuObject *o) { ou_obj_free(o); }

OuType ou_object_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "object",
    .flags = OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuObject),
    .dealloc = om_object_dealloc,
    .repr = om_object_repr,
    .hash = om_object_hash,
    .richcmp = om_object_richcmp,
    .getattr = ou_generic_getattr,
    .setattr = ou_generic_setattr,
    .new = om_object_new,
    .init = om_object_init,
};

/* Methods of object visible from Python (super().__init__(), object.__setattr__(...)). */

static Value arg_count_error(const char *name, int want, int got) {
    return ou_err_format(ou_TypeError, "%s expected %d argument%s, got %d", name, want,
                         want == 1 ? "" : "s", got);
}

static Value obj_m_init(Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return ou_err_format(ou_TypeError, "descriptor '__init__' of 'object' object needs an argument");
    if (om_object_init(args[0], args + 1, nargs - 1, kwnames) < 0) return OU_ERR;
    return OU_NONE;
}
static Value obj_m_repr(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return arg_count_error("__repr__", 0, nargs - 1);
    return om_object_repr(args[0]);
}
static Value obj_m_str(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return arg_count_error("__str__", 0, nargs - 1);
    return ou_repr(args[0]);
}
static Value obj_m_hash(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return arg_count_error("__hash__", 0, nargs - 1);
    return ou_int(om_object_hash(args[0]));
}
static Value obj_cmp(Value *args, int nargs, int op, const char *name) {
    if (nargs != 2) return arg_count_error(name, 1, nargs - 1);
    return om_object_richcmp(args[0], args[1], op);
}
static Value obj_m_eq(Value *a, int n, Value k) { return obj_cmp(a, n, OU_EQ, "__eq__"); }
static Value obj_m_ne(Value *a, int n, Value k) { return obj_cmp(a, n, OU_NE, "__ne__"); }
static Value obj_m_lt(Value *a, int n, Value k) { return obj_cmp(a, n, OU_LT, "__lt__"); }
static Value obj_m_le(Value *a, int n, Value k) { return obj_cmp(a, n, OU_LE, "__le__"); }
static Value obj_m_gt(Value *a, int n, Value k) { return obj_cmp(a, n, OU_GT, "__gt__"); }
static Value obj_m_ge(Value *a, int n, Value k) { return obj_cmp(a, n, OU_GE, "__ge__"); }
static Value obj_m_getattribute(Value *args, int nargs, Value kwnames) {
    if (nargs != 2) return arg_count_error("__getattribute__", 1, nargs - 1);
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "attribute name must be string, not '%s'",
                             OU_TYPE_NAME(args[1]));
    return ou_generic_getattr(args[0], args[1]);
}
static Value obj_m_setattr(Value *args, int nargs, Value kwnames) {
    if (nargs != 3) return arg_count_error("__setattr__", 2, nargs - 1);
    return ou_generic_setattr(args[0], args[1], args[2]) < 0 ? OU_ERR : OU_NONE;
}
static Value obj_m_delattr(Value *args, int nargs, Value kwnames) {
    if (nargs != 2) return arg_count_error("__delattr__", 1, nargs - 1);
    return ou_generic_setattr(args[0], args[1], OU_UNDEF) < 0 ? OU_ERR : OU_NONE;
}
static Value obj_m_format(Value *args, int nargs, Value kwnames) {
    if (nargs != 2) return arg_count_error("__format__", 1, nargs - 1);
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "__format__() argument must be str, not %s",
                             OU_TYPE_NAME(args[1]));
    if (ou_str_len(args[1]) > 0)
        return ou_err_format(ou_TypeError, "unsupported format string passed to %s.__format__",
                             OU_TYPE_NAME(args[0]));
    return ou_to_str(args[0]);
}
/* Bound to the class by the classmethod wrapper: args[0] is the new subclass. */
static Value obj_m_init_subclass(Value *args, int nargs, Value kwnames) {
    if (nargs > 1 || !IS_UNDEF(kwnames)) {
        if (nargs >= 1 && IS_OBJ(args[0]) && ou_is_subtype(AS_OBJ(args[0])->type, &ou_type_type))
            return ou_err_format(ou_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                                 AS_TYPE(args[0])->name);
        return ou_err_format(ou_TypeError, "__init_subclass__() takes no arguments");
    }
    return OU_NONE;
}
static Value obj_m_dir(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return arg_count_error("__dir__", 0, nargs - 1);
    Value result = ou_dict_new();
    if (IS_ERR(result)) return OU_ERR;
    Value *dp = om_dictptr(args[0]);
    if (dp && IS_OBJ(*dp) && ou_dict_update(result, *dp) < 0) goto fail;
    if (dp && VM_IS_SHAPE(*dp)) {
        VmShape *s = VM_AS_SHAPE(*dp);
        for (uint32_t i = 0; i < s->count; i++)
            if (ou_dict_set(result, s->names[i], OU_NONE) < 0) goto fail;
    }
    OuType *t = ou_typeof(args[0]);
    if (IS_TUPLE(t->mro)) {
        OuTuple *m = AS_TUPLE(t->mro);
        for (int64_t i = 0; i < m->len; i++)
            if (IS_OBJ(AS_TYPE(m->items[i])->dict) &&
                ou_dict_update(result, AS_TYPE(m->items[i])->dict) < 0)
                goto fail;
    }
    Value keys = ou_dict_keys_list(result);
    ou_decref(result);
    return keys;
fail:
    ou_decref(result);
    return OU_ERR;
}

/* T.__new__(S, ...): S must be a subtype of T; calls T's C-level constructor for S. The
 * cfunction is bound to T (its self), so args[0] is T and args[1] is S. */
static Value tp_new_wrapper(Value *args, int nargs, Value kwnames) {
    OuType *t = AS_TYPE(args[0]);
    if (nargs < 2)
        return ou_err_format(ou_TypeError, "%s.__new__(): not enough arguments", t->name);
    Value s = args[1];
    if (!IS_OBJ(s) || !ou_is_subtype(AS_OBJ(s)->type, &ou_type_type))
        return ou_err_format(ou_TypeError, "%s.__new__(X): X is not a type object (%s)", t->name,
                             OU_TYPE_NAME(s));
    OuType *st = AS_TYPE(s);
    if (!ou_is_subtype(st, t))
        return ou_err_format(ou_TypeError, "%s.__new__(%s): %s is not a subtype of %s", t->name,
                             st->name, st->name, t->name);
    /* The nearest built-in base of S must be built by T's constructor: object.__new__(str)
     * would make a str without its text (CPython's "is not safe" check). */
    OuType *sb = st;
    while (sb && om_is_heap(sb)) sb = sb->base;
    if (sb && sb->new != t->new)
        return ou_err_format(ou_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", t->name,
                             st->name, st->name);
    return t->new(st, args + 2, nargs - 2, kwnames);
}

/* ---- staticmethod and classmethod --------------------------------------------------------- */

static Value sm_new_common(OuType *t, Value *args, int nargs, Value kwnames, const char *name) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "%s() takes no keyword arguments", name);
    if (nargs != 1)
        return ou_err_format(ou_TypeError, "%s expected 1 argument, got %d", name, nargs);
    OuStaticMethod *sm = ou_obj_alloc(t, t->basicsize);
    if (!sm) return OU_ERR;
    sm->func = ou_newref(args[0]);
    return MK_OBJ(sm);
}
static Value sm_new(OuType *t, Value *args, int nargs, Value kwnames) {
    return sm_new_common(t, args, nargs, kwnames, "staticmethod");
}
static Value cm_new(OuType *t, Value *args, int nargs, Value kwnames) {
    return sm_new_common(t, args, nargs, kwnames, "classmethod");
}
static int sm_init(Value self, Value *args, int nargs, Value kwnames) { return 0; }

static void sm_dealloc(OuObject *o) {
    ou_decref(((OuStaticMethod *)o)->func);
    ou_obj_free(o);
}
static int sm_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    Value f = ((OuStaticMethod *)o)->func;
    return IS_OBJ(f) ? visit(AS_OBJ(f), arg) : 0;
}
static void sm_clear(OuObject *o) {
    OuStaticMethod *sm = (OuStaticMethod *)o;
    Value f = sm->func;
    sm->func = OU_NONE;
    ou_decref(f);
}
static Value sm_descr_get(Value descr, Value obj, Value type) {
    return ou_newref(((OuStaticMethod *)AS_OBJ(descr))->func);
}
static Value cm_descr_get(Value descr, Value obj, Value type) {
    if (IS_UNDEF(type) || IS_NONE(type)) type = MK_OBJ(ou_typeof(obj));
    return ou_method_new(((OuStaticMethod *)AS_OBJ(descr))->func, type);
}
static Value sm_call(Value self, Value *args, int nargs, Value kwnames) {
    return ou_call(((OuStaticMethod *)AS_OBJ(self))->func, args, nargs, kwnames);
}
static Value sm_repr(Value self) {
    return ou_str_printf("<%s(%R)>", OU_TYPE_NAME(self), ((OuStaticMethod *)AS_OBJ(self))->func);
}
static Value sm_getattr(Value self, Value name) {
    if (name_is(name, "__func__") || name_is(name, "__wrapped__"))
        return ou_newref(((OuStaticMethod *)AS_OBJ(self))->func);
    if (name_is(name, "__isabstractmethod__")) return OU_FALSE;
    return ou_generic_getattr(self, name);
}

OuType ou_staticmethod_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "staticmethod",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuStaticMethod),
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .repr = sm_repr,
    .call = sm_call,
    .getattr = sm_getattr,
    .descr_get = sm_descr_get,
    .new = sm_new,
    .init = sm_init,
};

OuType ou_classmethod_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "classmethod",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuStaticMethod),
    .dealloc = sm_dealloc,
    .traverse = sm_traverse,
    .clear = sm_clear,
    .repr = sm_repr,
    .getattr = sm_getattr,
    .descr_get = cm_descr_get,
    .new = cm_new,
    .init = sm_init,
};

static Value wrap_static(OuType *kind, Value f) {
    OuStaticMethod *sm = ou_obj_alloc(kind, sizeof(OuStaticMethod));
    if (!sm) return OU_ERR;
    sm->func = ou_newref(f);
    return MK_OBJ(sm);
}

/* ---- property ----------------------------------------------------------------------------- */

/* The layout extends OuProperty with the attribute name given by __set_name__ (for messages). */
typedef struct {
    OuProperty p;
    Value name; /* str, or OU_UNDEF before the owning class was created */
} PropObj;

static Value prop_make(OuType *t, Value fget, Value fset, Value fdel, Value doc, Value name) {
    PropObj *p = ou_obj_alloc(t, t->basicsize ? t->basicsize : sizeof(PropObj));
    if (!p) return OU_ERR;
    p->p.fget = ou_newref(IS_UNDEF(fget) ? OU_NONE : fget);
    p->p.fset = ou_newref(IS_UNDEF(fset) ? OU_NONE : fset);
    p->p.fdel = ou_newref(IS_UNDEF(fdel) ? OU_NONE : fdel);
    p->p.doc = ou_newref(IS_UNDEF(doc) ? OU_NONE : doc);
    p->name = ou_newref(name);
    return MK_OBJ(p);
}

Value ou_property_new(Value fget, Value fset, Value fdel, Value doc) {
    return prop_make(&ou_property_type, fget, fset, fdel, doc, OU_UNDEF);
}

/* Positional-or-keyword parsing for property(fget, fset, fdel, doc). */
static int parse_kw(const char *fname, Value *args, int nargs, Value kwnames,
                    const char *const *names, int n, Value *out) {
    if (nargs > n) {
        ou_err_format(ou_TypeError, "%s() takes at most %d arguments (%d given)", fname, n, nargs);
        return -1;
    }
    for (int i = 0; i < n; i++) out[i] = i < nargs ? args[i] : OU_UNDEF;
    int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    for (int k = 0; k < nkw; k++) {
        Value kn = AS_TUPLE(kwnames)->items[k];
        int i = 0;
        while (i < n && !ou_str_eq_cstr(kn, names[i])) i++;
        if (i == n) {
            ou_err_format(ou_TypeError, "%s() got an unexpected keyword argument '%U'", fname, kn);
            return -1;
        }
        if (!IS_UNDEF(out[i])) {
            ou_err_format(ou_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

static Value prop_new(OuType *t, Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"fget", "fset", "fdel", "doc"};
    Value a[4];
    if (parse_kw("property", args, nargs, kwnames, names, 4, a) < 0) return OU_ERR;
    return prop_make(t, a[0], a[1], a[2], a[3], OU_UNDEF);
}
static int prop_init(Value self, Value *args, int nargs, Value kwnames) { return 0; }

static void prop_dealloc(OuObject *o) {
    PropObj *p = (PropObj *)o;
    ou_decref(p->p.fget);
    ou_decref(p->p.fset);
    ou_decref(p->p.fdel);
    ou_decref(p->p.doc);
    ou_decref(p->name);
    ou_obj_free(o);
}
static int prop_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    PropObj *p = (PropObj *)o;
    Value vs[4] = {p->p.fget, p->p.fset, p->p.fdel, p->p.doc};
    for (int i = 0; i < 4; i++)
        if (IS_OBJ(vs[i])) {
            int r = visit(AS_OBJ(vs[i]), arg);
            if (r) return r;
        }
    return 0;
}
static void prop_clear(OuObject *o) {
    PropObj *p = (PropObj *)o;
    Value vs[4] = {p->p.fget, p->p.fset, p->p.fdel, p->p.doc};
    p->p.fget = p->p.fset = p->p.fdel = p->p.doc = OU_NONE;
    for (int i = 0; i < 4; i++) ou_decref(vs[i]);
}

static Value prop_missing(PropObj *p, Value obj, const char *what) {
    OuType *t = ou_typeof(obj);
    /* A builtin type's read-only attribute (int.real, a property over a builtin getter) is
     * worded as CPython's getset descriptors are. */
    if (ou_is_type(p->p.fget, &ou_cfunction_type) && strcmp(what, "getter") != 0)
        return ou_err_format(ou_AttributeError, "attribute '%s' of '%s' objects is not writable",
                             ((OuCFunction *)AS_OBJ(p->p.fget))->name, om_builtin_base(t)->name);
    Value q = type_qualname(t);
    if (IS_ERR(q)) return OU_ERR;
    Value r;
    if (IS_STR(p->name))
        r = ou_err_format(ou_AttributeError, "property %R of %R object has no %s", p->name, q,
                          what);
    else
        r = ou_err_format(ou_AttributeError, "property of %R object has no %s", q, what);
    ou_decref(q);
    return r;
}

static Value prop_descr_get(Value descr, Value obj, Value type) {
    PropObj *p = (PropObj *)AS_OBJ(descr);
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    if (IS_NONE(p->p.fget)) return prop_missing(p, obj, "getter");
    return ou_call1(p->p.fget, obj);
}

static int prop_descr_set(Value descr, Value obj, Value v) {
    PropObj *p = (PropObj *)AS_OBJ(descr);
    Value f = IS_UNDEF(v) ? p->p.fdel : p->p.fset;
    if (IS_NONE(f)) {
        prop_missing(p, obj, IS_UNDEF(v) ? "deleter" : "setter");
        return -1;
    }
    Value r = IS_UNDEF(v) ? ou_call1(f, obj) : ou_call2(f, obj, v);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

/* property.getter/setter/deleter: a copy with one accessor replaced. */
static Value prop_copy_with(Value *args, int nargs, int which) {
    if (nargs != 2) return arg_count_error(which == 0 ? "getter" : which == 1 ? "setter" : "deleter", 1, nargs - 1);
    PropObj *p = (PropObj *)AS_OBJ(args[0]);
    Value f[3] = {p->p.fget, p->p.fset, p->p.fdel};
    f[which] = args[1];
    Value doc = p->p.doc;
    /* A doc taken from the old getter follows the new getter (CPython's getter_doc). */
    return prop_make(AS_OBJ(args[0])->type, f[0], f[1], f[2], doc, p->name);
}
static Value prop_m_getter(Value *a, int n, Value k) { return prop_copy_with(a, n, 0); }
static Value prop_m_setter(Value *a, int n, Value k) { return prop_copy_with(a, n, 1); }
static Value prop_m_deleter(Value *a, int n, Value k) { return prop_copy_with(a, n, 2); }
static Value prop_m_set_name(Value *args, int nargs, Value kwnames) {
    if (nargs != 3) return arg_count_error("__set_name__", 2, nargs - 1);
    PropObj *p = (PropObj *)AS_OBJ(args[0]);
    Value old = p->name;
    p->name = ou_newref(args[2]);
    ou_decref(old);
    return OU_NONE;
}

static Value prop_getattr(Value self, Value name) {
    PropObj *p = (PropObj *)AS_OBJ(self);
    const char *s = ou_str_data(name);
    if (!strcmp(s, "fget")) return ou_newref(p->p.fget);
    if (!strcmp(s, "fset")) return ou_newref(p->p.fset);
    if (!strcmp(s, "fdel")) return ou_newref(p->p.fdel);
    if (!strcmp(s, "__doc__")) {
        if (!IS_NONE(p->p.doc) || IS_NONE(p->p.fget)) return ou_newref(p->p.doc);
        Value d = ou_getattr_opt(p->p.fget, om_names_ready ? om.doc : ou_str_intern("__doc__"));
        return IS_UNDEF(d) ? OU_NONE : d;
    }
    if (!strcmp(s, "getter")) return ou_cfunction_new("getter", prop_m_getter, self, NULL);
    if (!strcmp(s, "setter")) return ou_cfunction_new("setter", prop_m_setter, self, NULL);
    if (!strcmp(s, "deleter")) return ou_cfunction_new("deleter", prop_m_deleter, self, NULL);
    if (!strcmp(s, "__set_name__"))
        return ou_cfunction_new("__set_name__", prop_m_set_name, self, NULL);
    if (!strcmp(s, "__isabstractmethod__")) return OU_FALSE;
    return ou_generic_getattr(self, name);
}

OuType ou_property_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "property",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(PropObj),
    .dealloc = prop_dealloc,
    .traverse = prop_traverse,
    .clear = prop_clear,
    .getattr = prop_getattr,
    .descr_get = prop_descr_get,
    .descr_set = prop_descr_set,
    .new = prop_new,
    .init = prop_init,
};

/* Called by class creation for every property in the class body (__set_name__). */
void om_property_set_name(Value prop, Value name);
void om_property_set_name(Value prop, Value name) {
    PropObj *p = (PropObj *)AS_OBJ(prop);
    Value old = p->name;
    p->name = ou_newref(name);
    ou_decref(old);
}

/* ---- super -------------------------------------------------------------------------------- */

static bool is_type(Value v) { return IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_type_type); }

static Value super_new(OuType *t, Value *args, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "super() takes no keyword arguments");
    OuType *cls;
    Value obj = OU_UNDEF;
    if (nargs == 0) {
        if (vm_super_args(&cls, &obj) < 0) return OU_ERR;
    } else {
        if (nargs > 2) return ou_err_format(ou_TypeError, "super() takes at most 2 arguments (%d given)", nargs);
        if (!is_type(args[0]))
            return ou_err_format(ou_TypeError, "super() argument 1 must be a type, not %s",
                                 OU_TYPE_NAME(args[0]));
        cls = AS_TYPE(args[0]);
        if (nargs == 2) obj = args[1];
    }
    OuType *objtype = NULL;
    if (!IS_UNDEF(obj) && !IS_NONE(obj)) {
        if (is_type(obj) && ou_is_subtype(AS_TYPE(obj), cls))
            objtype = AS_TYPE(obj);
        else if (ou_instance_of(obj, cls))
            objtype = ou_typeof(obj);
        else
            return ou_err_format(ou_TypeError,
                                 "super(type, obj): obj must be an instance or subtype of type");
    } else {
        obj = OU_UNDEF;
    }
    OuSuper *su = ou_obj_alloc(t, t->basicsize);
    if (!su) return OU_ERR;
    ou_incref(MK_OBJ(cls));
    su->type = cls;
    su->obj = ou_newref(obj);
    if (objtype) ou_incref(MK_OBJ(objtype));
    su->objtype = objtype;
    return MK_OBJ(su);
}
static int super_init(Value self, Value *args, int nargs, Value kwnames) { return 0; }

static void super_dealloc(OuObject *o) {
    OuSuper *su = (OuSuper *)o;
    if (su->type) ou_decref(MK_OBJ(su->type));
    ou_decref(su->obj);
    if (su->objtype) ou_decref(MK_OBJ(su->objtype));
    ou_obj_free(o);
}
static int super_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuSuper *su = (OuSuper *)o;
    int r;
    if (su->type && (r = visit(&su->type->ob, arg))) return r;
    if (IS_OBJ(su->obj) && (r = visit(AS_OBJ(su->obj), arg))) return r;
    if (su->objtype && (r = visit(&su->objtype->ob, arg))) return r;
    return 0;
}
static void super_clear(OuObject *o) {
    OuSuper *su = (OuSuper *)o;
    Value obj = su->obj;
    su->obj = OU_UNDEF;
    ou_decref(obj);
}

static Value super_repr(Value self) {
    OuSuper *su = (OuSuper *)AS_OBJ(self);
    if (su->objtype)
        return ou_str_printf("<super: <class '%s'>, <%s object>>", su->type ? su->type->name : "NULL",
                             su->objtype->name);
    return ou_str_printf("<super: <class '%s'>, NULL>", su->type ? su->type->name : "NULL");
}

static Value super_getattr(Value self, Value name) {
    OuSuper *su = (OuSuper *)AS_OBJ(self);
    if (su->objtype && !name_is(name, "__class__")) {
        if (!types_finished && om_finish_types() < 0) return OU_ERR;
        Value mro = su->objtype->mro;
        if (IS_TUPLE(mro)) {
            OuTuple *m = AS_TUPLE(mro);
            int64_t i = 0;
            while (i < m->len && AS_TYPE(m->items[i]) != su->type) i++;
            for (i++; i < m->len; i++) {
                OuType *b = AS_TYPE(m->items[i]);
                if (!IS_OBJ(b->dict)) continue;
                Value v = ou_dict_get(b->dict, name);
                if (IS_ERR(v)) return OU_ERR;
                if (IS_UNDEF(v)) continue;
                /* super() inside a classmethod or __new__ has obj == objtype: bind as from the
                 * class, not from an instance. */
                Value inst = (is_type(su->obj) && AS_TYPE(su->obj) == su->objtype) ? OU_UNDEF : su->obj;
                ou_incref(v);
                Value r;
                if (IS_UNDEF(inst) && ou_typeof(v) == &ou_cfunction_type)
                    r = ou_newref(v);
                else
                    r = bind(v, inst, su->objtype);
                ou_decref(v);
                return r;
            }
        }
    }
    if (name_is(name, "__thisclass__")) return ou_newref(su->type ? MK_OBJ(su->type) : OU_NONE);
    if (name_is(name, "__self__")) return ou_newref(IS_UNDEF(su->obj) ? OU_NONE : su->obj);
    if (name_is(name, "__self_class__"))
        return ou_newref(su->objtype ? MK_OBJ(su->objtype) : OU_NONE);
    return ou_generic_getattr(self, name);
}

OuType ou_super_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "super",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuSuper),
    .dealloc = super_dealloc,
    .traverse = super_traverse,
    .clear = super_clear,
    .repr = super_repr,
    .getattr = super_getattr,
    .new = super_new,
    .init = super_init,
};

/* ---- the type type ------------------------------------------------------------------------ */

Value om_type_repr(Value self) {
    OuType *t = AS_TYPE(self);
    if (om_is_heap(t) && IS_STR(t->module) && !ou_str_eq_cstr(t->module, "builtins"))
        return ou_str_printf("<class '%U.%U'>", t->module, t->qualname);
    if (om_is_heap(t) && IS_STR(t->qualname)) return ou_str_printf("<class '%U'>", t->qualname);
    return ou_str_printf("<class '%s'>", t->name);
}

static Value type_call(Value self, Value *args, int nargs, Value kwnames) {
    OuType *t = AS_TYPE(self);
    if (t == &ou_type_type) {
        int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
        if (nargs == 1 && nkw == 0) return ou_newref(MK_OBJ(ou_typeof(args[0])));
        if (nargs != 3) return ou_err_format(ou_TypeError, "type() takes 1 or 3 arguments");
    }
    if (!t->new) return ou_err_format(ou_TypeError, "cannot create '%s' instances", t->name);
    Value obj = t->new(t, args, nargs, kwnames);
    if (IS_ERR(obj)) return OU_ERR;
    OuType *ot = ou_typeof(obj);
    if (!ou_is_subtype(ot, t)) return obj;
    if (ot->init && ot->init(obj, args, nargs, kwnames) < 0) {
        ou_decref(obj);
        return OU_ERR;
    }
    return obj;
}

/* type.__init__ only checks its arguments: om_type_new did the work. Metaclasses reach it
 * through super().__init__(name, bases, ns). */
static int type_init(Value self, Value *args, int nargs, Value kwnames) {
    int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs == 1 && nkw) {
        ou_err_format(ou_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        ou_err_format(ou_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static Value type_mro_tuple_copy(OuType *t) {
    if (!IS_TUPLE(t->mro)) return ou_tuple_pack(1, MK_OBJ(t));
    return ou_tuple_from(AS_TUPLE(t->mro)->items, AS_TUPLE(t->mro)->len);
}

/* The attributes every type has (CPython keeps them as getset descriptors on `type`). Returns
 * OU_UNDEF when name is not one of them. */
static Value type_special_attr(OuType *t, Value name) {
    const char *s = ou_str_data(name) + 2;
    switch (s[0]) {
    case 'n':
        if (!strcmp(s, "name__")) return ou_str_cstr(t->name);
        break;
    case 'q':
        if (!strcmp(s, "qualname__")) return type_qualname(t);
        break;
    case 'm':
        if (!strcmp(s, "mro__")) return type_mro_tuple_copy(t);
        if (!strcmp(s, "module__")) {
            if (om_is_heap(t) && IS_OBJ(t->dict)) {
                Value m = ou_dict_get_str(t->dict, "__module__");
                if (!IS_UNDEF(m)) return ou_newref(m);
            }
            if (IS_STR(t->module)) return ou_newref(t->module);
            return ou_str_cstr("builtins");
        }
        break;
    case 'b':
        if (!strcmp(s, "bases__")) return IS_TUPLE(t->bases) ? ou_newref(t->bases) : ou_tuple_new(0);
        if (!strcmp(s, "base__")) return t->base ? ou_newref(MK_OBJ(t->base)) : OU_NONE;
        break;
    case 'd':
        if (!strcmp(s, "dict__")) {
            if (IS_OBJ(t->dict)) return ou_mappingproxy_new(t->dict);
            Value d = ou_dict_new(), p = IS_ERR(d) ? OU_ERR : ou_mappingproxy_new(d);
            ou_decref(d);
            return p;
        }
        if (!strcmp(s, "doc__")) {
            if (IS_OBJ(t->dict)) {
                Value d = ou_dict_get_str(t->dict, "__doc__");
                if (!IS_UNDEF(d)) return ou_newref(d);
            }
            return OU_NONE;
        }
        break;
    case 'c':
        if (!strcmp(s, "class__")) return ou_newref(MK_OBJ(AS_OBJ(MK_OBJ(t))->type));
        break;
    }
    return OU_UNDEF;
}

static Value methoddescr_new(Value func, OuType *owner);

Value om_type_getattr(Value self, Value name) {
    if (!types_finished && om_finish_types() < 0) return OU_ERR;
    OuType *t = AS_TYPE(self);
    OuType *meta = AS_OBJ(self)->type;
    if (is_dunder(name)) {
        Value r = type_special_attr(t, name);
        if (!IS_UNDEF(r)) return r;
    }
    Value ma = om_lookup(meta, name, NULL);
    if (!IS_UNDEF(ma)) {
        OuType *mt = ou_typeof(ma);
        if (mt->descr_get && mt->descr_set) return mt->descr_get(ma, self, MK_OBJ(meta));
    }
    OuType *owner = NULL;
    Value a = om_lookup(t, name, &owner);
    if (!IS_UNDEF(a)) {
        OuType *at = ou_typeof(a);
        if (at == &ou_cfunction_type && owner && !om_is_heap(owner) &&
            owner != &ou_object_type && owner != &ou_type_type &&
            IS_UNDEF(((OuCFunction *)AS_OBJ(a))->self) &&
            IS_UNDEF(((OuCFunction *)AS_OBJ(a))->module))
            return methoddescr_new(a, owner);
        if (at == &ou_cfunction_type || at == &ou_function_type || !at->descr_get)
            return ou_newref(a);
        ou_incref(a);
        Value r = at->descr_get(a, OU_UNDEF, self);
        ou_decref(a);
        return r;
    }
    if (!IS_UNDEF(ma)) {
        ou_incref(ma);
        Value r = bind(ma, self, meta);
        ou_decref(ma);
        return r;
    }
    return ou_err_format(ou_AttributeError, "type object '%s' has no attribute '%U'", t->name, name);
}

static int type_setattr(Value self, Value name, Value v) {
    OuType *t = AS_TYPE(self);
    if (!IS_STR(name)) {
        ou_err_format(ou_TypeError, "attribute name must be string, not '%s'", OU_TYPE_NAME(name));
        return -1;
    }
    if (!om_is_heap(t)) {
        if (IS_UNDEF(v))
            ou_err_format(ou_TypeError, "cannot delete '%U' attribute of immutable type '%s'",
                          name, t->name);
        else
            ou_err_format(ou_TypeError, "cannot set '%U' attribute of immutable type '%s'", name,
                          t->name);
        return -1;
    }
    if (om_names_init() < 0) return -1;
    if (is_dunder(name)) {
        if (name_is(name, "__name__") || name_is(name, "__qualname__")) {
            bool qual = name_is(name, "__qualname__");
            if (IS_UNDEF(v)) {
                ou_err_format(ou_TypeError, "cannot delete '%U' attribute of immutable type '%s'",
                              name, t->name);
                return -1;
            }
            if (!IS_STR(v)) {
                ou_err_format(ou_TypeError, "can only assign string to %s.%U, not '%s'", t->name,
                              name, OU_TYPE_NAME(v));
                return -1;
            }
            if (qual) {
                Value old = t->qualname;
                t->qualname = ou_newref(v);
                ou_xdecref(old);
            } else {
                Value s = ou_str_intern_value(ou_newref(v));
                if (IS_ERR(s)) return -1;
                ou_decref(MK_OBJ(t->name - offsetof(OuStr, data)));
                t->name = ou_str_data(s);
            }
            return 0;
        }
        if (name_is(name, "__mro__") || name_is(name, "__bases__") || name_is(name, "__dict__")) {
            ou_err_format(ou_AttributeError, "readonly attribute");
            return -1;
        }
    }
    /* A data descriptor on the metaclass (e.g. a property of a metaclass) wins. */
    Value ma = om_lookup(AS_OBJ(self)->type, name, NULL);
    if (!IS_UNDEF(ma) && ou_typeof(ma)->descr_set) return ou_typeof(ma)->descr_set(ma, self, v);
    int r;
    if (IS_UNDEF(v)) {
        Value old = ou_dict_pop(t->dict, name);
        if (IS_ERR(old)) return -1;
        if (IS_UNDEF(old)) {
            ou_err_format(ou_AttributeError, "type object '%s' has no attribute '%U'", t->name,
                          name);
            return -1;
        }
        om_type_modified();
        if (is_dunder(name)) om_update_subclasses(t);
        ou_decref(old);
        return 0;
    }
    r = ou_dict_set(t->dict, name, v);
    om_type_modified();
    if (r == 0 && is_dunder(name)) om_update_subclasses(t);
    return r;
}

static void type_dealloc(OuObject *o) {
    OuType *t = (OuType *)o;
    om_forget_heap_type(t);
    om_type_modified();
    ou_xdecref(t->dict);
    ou_xdecref(t->bases);
    ou_xdecref(t->mro);
    ou_xdecref(t->qualname);
    ou_xdecref(t->module);
    if (t->base) ou_decref(MK_OBJ(t->base));
    /* A heap type's name points into an interned str whose reference the type holds. */
    if (t->name) ou_decref(MK_OBJ(t->name - offsetof(OuStr, data)));
    /* A heap metaclass is released by subtype_dealloc (vm/class.c), which wraps this. */
    ou_obj_free(o);
}

static int type_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuType *t = (OuType *)o;
    Value vs[4] = {t->dict, t->bases, t->mro, t->module};
    for (int i = 0; i < 4; i++)
        if (IS_OBJ(vs[i])) {
            int r = visit(AS_OBJ(vs[i]), arg);
            if (r) return r;
        }
    if (t->base) {
        int r = visit(&t->base->ob, arg);
        if (r) return r;
    }
    return 0;
}

static void type_clear(OuObject *o) {
    OuType *t = (OuType *)o;
    Value d = t->dict, m = t->mro, b = t->bases;
    t->dict = t->mro = t->bases = OU_UNDEF;
    om_type_modified();
    ou_xdecref(d);
    ou_xdecref(m);
    ou_xdecref(b);
}

static Value type_m_mro(Value *args, int nargs, Value kwnames) {
    if (nargs != 1 || !is_type(args[0]))
        return ou_err_format(ou_TypeError, "descriptor 'mro' of 'type' object needs an argument");
    Value t = type_mro_tuple_copy(AS_TYPE(args[0]));
    if (IS_ERR(t)) return OU_ERR;
    Value l = ou_sequence_list(t);
    ou_decref(t);
    return l;
}

Value om_type_subclasses(OuType *t); /* vm/class.c */
static Value type_m_subclasses(Value *args, int nargs, Value kwnames) {
    if (nargs != 1 || !is_type(args[0]))
        return ou_err_format(ou_TypeError, "descriptor '__subclasses__' of 'type' object needs an argument");
    return om_type_subclasses(AS_TYPE(args[0]));
}

OuType ou_type_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "type",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuType),
    .dictoffset = offsetof(OuType, dict),
    .base = &ou_object_type,
    .dealloc = type_dealloc,
    .traverse = type_traverse,
    .clear = type_clear,
    .repr = om_type_repr,
    .call = type_call,
    .getattr = om_type_getattr,
    .setattr = type_setattr,
    .new = om_type_new,
    .init = type_init,
};

/* ---- type readiness ----------------------------------------------------------------------- */


/* Slot wrappers: what `list.__init__`, `dict.__setitem__` or `int.__add__` are, so that
 * super().__init__(...) and friends reach a builtin base's C slot. A wrapper is a descriptor
 * owned by one builtin type; through an instance it binds like a function; called, it checks
 * its first argument is an instance of the owner and calls the owner's slot. */
enum {
    W_INIT, W_REPR, W_STR, W_HASH, W_CMP, W_LEN, W_GETITEM, W_SETITEM, W_DELITEM, W_CONTAINS,
    W_ITER, W_NEXT, W_CALL, W_GETATTRIBUTE, W_SETATTR, W_DELATTR, W_BOOL, W_BIN, W_RBIN, W_UN,
};
typedef struct {
    OuObject ob;
    OuType *owner; /* a static type: immortal, not counted */
    const char *name;
    int kind, arg;
} SlotWrapper;

static Value wrapper_call(Value self, Value *args, int nargs, Value kwnames) {
    SlotWrapper *w = (SlotWrapper *)AS_OBJ(self);
    OuType *t = w->owner;
    if (nargs < 1)
        return ou_err_format(ou_TypeError, "descriptor '%s' of '%s' object needs an argument",
                             w->name, t->name);
    Value o = args[0];
    if (!ou_instance_of(o, t))
        return ou_err_format(ou_TypeError,
                             "descriptor '%s' requires a '%s' object but received a '%s'",
                             w->name, t->name, OU_TYPE_NAME(o));
    args++;
    nargs--;
    if (w->kind != W_INIT && w->kind != W_CALL && !IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len)
        return ou_err_format(ou_TypeError, "%s() takes no keyword arguments", w->name);
    static const int want[] = {
        [W_REPR] = 0, [W_STR] = 0, [W_HASH] = 0, [W_CMP] = 1, [W_LEN] = 0, [W_GETITEM] = 1,
        [W_SETITEM] = 2, [W_DELITEM] = 1, [W_CONTAINS] = 1, [W_ITER] = 0, [W_NEXT] = 0,
        [W_GETATTRIBUTE] = 1, [W_SETATTR] = 2, [W_DELATTR] = 1, [W_BOOL] = 0, [W_BIN] = 1,
        [W_RBIN] = 1, [W_UN] = 0,
    };
    if (w->kind != W_INIT && w->kind != W_CALL && nargs != want[w->kind])
        return ou_err_format(ou_TypeError, "expected %d argument%s, got %d", want[w->kind],
                             want[w->kind] == 1 ? "" : "s", nargs);
    int64_t n;
    int b;
    Value r;
    switch (w->kind) {
    case W_INIT: return t->init(o, args, nargs, kwnames) < 0 ? OU_ERR : OU_NONE;
    case W_REPR: return t->repr(o);
    case W_STR: return t->str(o);
    case W_HASH: return (n = t->hash(o)) == -1 ? OU_ERR : ou_int(n);
    case W_CMP: return t->richcmp(o, args[0], w->arg);
    case W_LEN: return (n = t->len(o)) < 0 ? OU_ERR : ou_int(n);
    case W_GETITEM: return t->getitem(o, args[0]);
    case W_SETITEM: return t->setitem(o, args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
    case W_DELITEM: return t->setitem(o, args[0], OU_UNDEF) < 0 ? OU_ERR : OU_NONE;
    case W_CONTAINS: return (b = t->contains(o, args[0])) < 0 ? OU_ERR : MK_BOOL(b);
    case W_ITER: return t->iter(o);
    case W_NEXT:
        r = t->next(o);
        if (IS_UNDEF(r)) return ou_err_format(ou_StopIteration, "");
        return r;
    case W_CALL: return t->call(o, args, nargs, kwnames);
    case W_GETATTRIBUTE:
        if (!IS_STR(args[0]))
            return ou_err_format(ou_TypeError, "attribute name must be string, not '%s'",
                                 OU_TYPE_NAME(args[0]));
        return t->getattr(o, args[0]);
    case W_SETATTR: return t->setattr(o, args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
    case W_DELATTR: return t->setattr(o, args[0], OU_UNDEF) < 0 ? OU_ERR : OU_NONE;
    case W_BOOL: return (b = t->truth(o)) < 0 ? OU_ERR : MK_BOOL(b);
    case W_BIN: return t->binop(o, args[0], w->arg, false);
    case W_RBIN: return t->binop(args[0], o, w->arg, true);
    case W_UN: return t->unaryop(o, w->arg);
    }
    return OU_NONE;
}

static Value wrapper_descr_get(Value descr, Value obj, Value type) {
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    return ou_method_new(descr, obj);
}

static Value wrapper_repr(Value self) {
    SlotWrapper *w = (SlotWrapper *)AS_OBJ(self);
    return ou_str_printf("<slot wrapper '%s' of '%s' objects>", w->name, w->owner->name);
}

static Value wrapper_getattr(Value self, Value name) {
    SlotWrapper *w = (SlotWrapper *)AS_OBJ(self);
    if (name_is(name, "__name__")) return ou_str_cstr(w->name);
    if (name_is(name, "__qualname__")) return ou_str_printf("%s.%s", w->owner->name, w->name);
    if (name_is(name, "__objclass__")) return ou_newref(MK_OBJ(w->owner));
    return ou_generic_getattr(self, name);
}

static OuType wrapper_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "wrapper_descriptor",
    .basicsize = sizeof(SlotWrapper),
    .repr = wrapper_repr,
    .call = wrapper_call,
    .getattr = wrapper_getattr,
    .descr_get = wrapper_descr_get,
};

/* Method descriptors: what `str.upper` or `list.append` read through the class are. The
 * builtin methods in a type's dict are plain cfunctions that trust args[0] to have the type's
 * layout; reading one through the class wraps it so a call checks its first argument first
 * (str.upper(5) is a TypeError, not a crash). Reads through an instance bind as before. */
typedef struct {
    OuObject ob;
    Value func;    /* the cfunction from owner's dict (counted) */
    OuType *owner; /* a static type: immortal, not counted */
} MethodDescr;

static OuType methoddescr_type;
#define MD(v) ((MethodDescr *)AS_OBJ(v))

static Value methoddescr_new(Value func, OuType *owner) {
    MethodDescr *d = ou_obj_alloc(&methoddescr_type, sizeof(MethodDescr));
    if (!d) return OU_ERR;
    d->func = ou_newref(func);
    d->owner = owner;
    return MK_OBJ(d);
}

static void methoddescr_dealloc(OuObject *o) {
    ou_decref(((MethodDescr *)o)->func);
    ou_obj_free(o);
}

static const char *methoddescr_name(Value self) {
    return ((OuCFunction *)AS_OBJ(MD(self)->func))->name;
}

static Value methoddescr_call(Value self, Value *args, int nargs, Value kwnames) {
    MethodDescr *d = MD(self);
    if (nargs < 1)
        return ou_err_format(ou_TypeError, "unbound method %s.%s() needs an argument",
                             d->owner->name, methoddescr_name(self));
    if (!ou_instance_of(args[0], d->owner))
        return ou_err_format(ou_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a "
                             "'%s' object", methoddescr_name(self), d->owner->name,
                             OU_TYPE_NAME(args[0]));
    return ((OuCFunction *)AS_OBJ(d->func))->fn(args, nargs, kwnames);
}

static Value methoddescr_descr_get(Value descr, Value obj, Value type) {
    MethodDescr *d = MD(descr);
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    if (!ou_instance_of(obj, d->owner))
        return ou_err_format(ou_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a "
                             "'%s' object", methoddescr_name(descr), d->owner->name,
                             OU_TYPE_NAME(obj));
    OuCFunction *cf = (OuCFunction *)AS_OBJ(d->func);
    return ou_cfunction_new(cf->name, cf->fn, obj, cf->doc);
}

static Value methoddescr_repr(Value self) {
    return ou_str_printf("<method '%s' of '%s' objects>", methoddescr_name(self),
                         MD(self)->owner->name);
}

static Value methoddescr_getattr(Value self, Value name) {
    if (name_is(name, "__name__")) return ou_str_cstr(methoddescr_name(self));
    if (name_is(name, "__qualname__"))
        return ou_str_printf("%s.%s", MD(self)->owner->name, methoddescr_name(self));
    if (name_is(name, "__objclass__")) return ou_newref(MK_OBJ(MD(self)->owner));
    if (name_is(name, "__doc__")) return ou_getattr(MD(self)->func, name);
    return ou_generic_getattr(self, name);
}

/* Two reads of one method compare equal (and hash alike), as the one descriptor they are in
 * CPython. */
static Value methoddescr_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !ou_is_type(b, &methoddescr_type))
        return ou_newref(ou_NotImplemented);
    bool eq = MD(a)->func == MD(b)->func;
    return MK_BOOL(op == OU_EQ ? eq : !eq);
}

static int64_t methoddescr_hash(Value self) {
    int64_t h = (int64_t)(MD(self)->func >> 4);
    return h == -1 ? -2 : h;
}

static OuType methoddescr_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "method_descriptor",
    .basicsize = sizeof(MethodDescr),
    .dealloc = methoddescr_dealloc,
    .repr = methoddescr_repr,
    .hash = methoddescr_hash,
    .richcmp = methoddescr_richcmp,
    .call = methoddescr_call,
    .getattr = methoddescr_getattr,
    .descr_get = methoddescr_descr_get,
};

/* The slot of t that wrapper kind `kind` calls, as an opaque pointer for comparisons. */
static void *slot_of(OuType *t, int kind) {
    switch (kind) {
    case W_INIT: return (void *)t->init;
    case W_REPR: return (void *)t->repr;
    case W_STR: return (void *)t->str;
    case W_HASH: return (void *)t->hash;
    case W_CMP: return (void *)t->richcmp;
    case W_LEN: return (void *)t->len;
    case W_GETITEM: return (void *)t->getitem;
    case W_SETITEM: case W_DELITEM: return (void *)t->setitem;
    case W_CONTAINS: return (void *)t->contains;
    case W_ITER: return (void *)t->iter;
    case W_NEXT: return (void *)t->next;
    case W_CALL: return (void *)t->call;
    case W_GETATTRIBUTE: return (void *)t->getattr;
    case W_SETATTR: case W_DELATTR: return (void *)t->setattr;
    case W_BOOL: return (void *)t->truth;
    case W_BIN: case W_RBIN: return (void *)t->binop;
    case W_UN: return (void *)t->unaryop;
    }
    return NULL;
}

static int add_slot_wrappers(OuType *t) {
    static const char *const binnames[OU_BIN_COUNT] = {
        "add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
        "lshift", "rshift", "and", "or", "xor", "matmul",
    };
    static const struct {
        const char *name;
        int kind, arg;
    } tab[] = {
        {"__init__", W_INIT, 0}, {"__repr__", W_REPR, 0}, {"__str__", W_STR, 0},
        {"__hash__", W_HASH, 0}, {"__lt__", W_CMP, OU_LT}, {"__le__", W_CMP, OU_LE},
        {"__eq__", W_CMP, OU_EQ}, {"__ne__", W_CMP, OU_NE}, {"__gt__", W_CMP, OU_GT},
        {"__ge__", W_CMP, OU_GE}, {"__len__", W_LEN, 0}, {"__getitem__", W_GETITEM, 0},
        {"__setitem__", W_SETITEM, 0}, {"__delitem__", W_DELITEM, 0},
        {"__contains__", W_CONTAINS, 0}, {"__iter__", W_ITER, 0}, {"__next__", W_NEXT, 0},
        {"__call__", W_CALL, 0}, {"__getattribute__", W_GETATTRIBUTE, 0},
        {"__setattr__", W_SETATTR, 0}, {"__delattr__", W_DELATTR, 0}, {"__bool__", W_BOOL, 0},
        {"__neg__", W_UN, OU_UN_NEG}, {"__pos__", W_UN, OU_UN_POS},
        {"__invert__", W_UN, OU_UN_INVERT},
    };
    if (!IS_OBJ(t->dict) || om_is_heap(t)) return 0;
    OuType *b = t->base;
    char buf[32];
    int n = (int)(sizeof tab / sizeof tab[0]);
    for (int i = 0; i < n + 2 * OU_BIN_COUNT; i++) {
        const char *name;
        int kind, arg;
        if (i < n) {
            name = tab[i].name;
            kind = tab[i].kind;
            arg = tab[i].arg;
        } else {
            int k = i - n;
            arg = k % OU_BIN_COUNT;
            kind = k < OU_BIN_COUNT ? W_BIN : W_RBIN;
            snprintf(buf, sizeof buf, kind == W_BIN ? "__%s__" : "__r%s__", binnames[arg]);
            name = buf;
        }
        void *sl = slot_of(t, kind);
        if (!sl || (b && slot_of(b, kind) == sl)) continue;
        if (!IS_UNDEF(ou_dict_get_str(t->dict, name))) continue;
        Value key = ou_str_intern(name);
        if (IS_ERR(key)) return -1;
        SlotWrapper *w = ou_obj_alloc(&wrapper_type, sizeof(SlotWrapper));
        if (!w) {
            ou_decref(key);
            return -1;
        }
        w->owner = t;
        w->name = ou_str_data(key); /* interned: lives as long as the interpreter */
        w->kind = kind;
        w->arg = arg;
        int r = ou_dict_set(t->dict, key, MK_OBJ(w));
        ou_decref(MK_OBJ(w));
        ou_decref(key);
        if (r < 0) return -1;
    }
    return 0;
}

static int add_new_wrapper(OuType *t) {
    if (add_slot_wrappers(t) < 0) return -1;
    if (!t->new || !IS_OBJ(t->dict)) return 0;
    if (!IS_UNDEF(ou_dict_get_str(t->dict, "__new__"))) return 0;
    Value f = ou_cfunction_new("__new__", tp_new_wrapper, MK_OBJ(t), NULL);
    if (IS_ERR(f)) return -1;
    Value sm = wrap_static(&ou_staticmethod_type, f);
    ou_decref(f);
    if (IS_ERR(sm)) return -1;
    int r = ou_dict_set_str(t->dict, "__new__", sm);
    ou_decref(sm);
    return r;
}

static int add_method(Value dict, const char *name, ou_cfunc fn, OuType *wrap) {
    Value f = ou_cfunction_new(name, fn, OU_UNDEF, NULL);
    if (IS_ERR(f)) return -1;
    if (wrap) {
        Value w = wrap_static(wrap, f);
        ou_decref(f);
        if (IS_ERR(w)) return -1;
        f = w;
    }
    int r = ou_dict_set_str(dict, name, f);
    ou_decref(f);
    return r;
}

/* The part of type initialization that needs strings and functions: it runs on first need
 * (class creation, a dunder looked up on a type, super) rather than in vm_init_object, which
 * runs before the str and function types exist. */
int om_finish_types(void) {
    if (types_finished) return om_names_init();
    types_finished = true;
    if (om_names_init() < 0) return -1;
    Value od = ou_object_type.dict;
    static const struct {
        const char *name;
        ou_cfunc fn;
    } objm[] = {
        {"__init__", obj_m_init}, {"__repr__", obj_m_repr}, {"__str__", obj_m_str},
        {"__hash__", obj_m_hash}, {"__eq__", obj_m_eq}, {"__ne__", obj_m_ne},
        {"__lt__", obj_m_lt}, {"__le__", obj_m_le}, {"__gt__", obj_m_gt}, {"__ge__", obj_m_ge},
        {"__getattribute__", obj_m_getattribute}, {"__setattr__", obj_m_setattr},
        {"__delattr__", obj_m_delattr}, {"__format__", obj_m_format}, {"__dir__", obj_m_dir},
    };
    /* Slot wrappers first (object.__init__ is a "slot wrapper" in CPython); the functions
     * below fill the names object has no slot for. */
    if (add_slot_wrappers(&ou_object_type) < 0) return -1;
    for (size_t i = 0; i < sizeof objm / sizeof objm[0]; i++)
        if (IS_UNDEF(ou_dict_get_str(od, objm[i].name)) &&
            add_method(od, objm[i].name, objm[i].fn, NULL) < 0)
            return -1;
    if (add_method(od, "__init_subclass__", obj_m_init_subclass, &ou_classmethod_type) < 0)
        return -1;
    if (add_method(ou_type_type.dict, "mro", type_m_mro, NULL) < 0) return -1;
    if (add_method(ou_type_type.dict, "__subclasses__", type_m_subclasses, NULL) < 0) return -1;
    for (int i = 0; i < nstatic; i++)
        if (add_new_wrapper(static_types[i]) < 0) return -1;
    om_type_modified();
    return 0;
}

static void inherit_slots(OuType *t, OuType *b) {
#define INHERIT(slot) \
    if (!t->slot) t->slot = b->slot
    INHERIT(dealloc);
    if (!t->traverse && !t->clear && (b->flags & OU_TPFLAG_GC)) {
        t->traverse = b->traverse;
        t->clear = b->clear;
        t->flags |= OU_TPFLAG_GC;
    }
    INHERIT(repr);
    INHERIT(str);
    if (!t->hash && !t->richcmp) {
        t->hash = b->hash;
        t->richcmp = b->richcmp;
    }
    INHERIT(binop);
    INHERIT(unaryop);
    INHERIT(truth);
    INHERIT(iter);
    INHERIT(next);
    INHERIT(call);
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(len);
    INHERIT(getitem);
    INHERIT(setitem);
    INHERIT(contains);
    INHERIT(descr_get);
    INHERIT(descr_set);
    /* A builtin directly over object without a constructor cannot be instantiated. */
    if (b != &ou_object_type) INHERIT(new);
    INHERIT(init);
#undef INHERIT
    if (!t->basicsize) t->basicsize = b->basicsize;
    if (b->flags & OU_TPFLAG_EXC) t->flags |= OU_TPFLAG_EXC;
}

int ou_type_ready(OuType *t) {
    if (IS_OBJ(t->dict)) return 0;
    if (t != &ou_object_type && !t->base) t->base = &ou_object_type;
    if (t->base && ou_type_ready(t->base) < 0) return -1;
    if (!t->ob.type) t->ob.type = &ou_type_type;
    if (!om_is_heap(t)) {
        if (t->ob.rc < (1u << 30)) t->ob.rc = 1u << 30;
        t->ob.gcflags |= OU_GCF_IMMORTAL;
    }
    if (!IS_OBJ(t->qualname)) t->qualname = OU_UNDEF;
    if (!IS_OBJ(t->module)) t->module = OU_UNDEF;
    Value d = ou_dict_new();
    if (IS_ERR(d)) return -1;
    Value bases = t->base ? ou_tuple_pack(1, MK_OBJ(t->base)) : ou_tuple_new(0);
    if (IS_ERR(bases)) {
        ou_decref(d);
        return -1;
    }
    int64_t nb = t->base && IS_TUPLE(t->base->mro) ? AS_TUPLE(t->base->mro)->len : 0;
    Value mro = ou_tuple_new(nb + 1);
    if (IS_ERR(mro)) {
        ou_decref(d);
        ou_decref(bases);
        return -1;
    }
    ou_tuple_set_steal(mro, 0, ou_newref(MK_OBJ(t)));
    for (int64_t i = 0; i < nb; i++)
        ou_tuple_set_steal(mro, i + 1, ou_newref(AS_TUPLE(t->base->mro)->items[i]));
    t->dict = d;
    t->bases = bases;
    t->mro = mro;
    if (t->base) inherit_slots(t, t->base);
    if (nstatic == static_cap) {
        int cap = static_cap ? static_cap * 2 : 64;
        OuType **p = realloc(static_types, (size_t)cap * sizeof *p);
        if (!p) {
            ou_err_nomemory();
            return -1;
        }
        static_types = p;
        bool *q = realloc(static_is_exc, (size_t)cap * sizeof *q);
        if (!q) {
            ou_err_nomemory();
            return -1;
        }
        static_is_exc = q;
        static_cap = cap;
    }
    static_is_exc[nstatic] = (t->flags & OU_TPFLAG_EXC) != 0;
    static_types[nstatic++] = t;
    om_type_modified();
    if (types_finished && add_new_wrapper(t) < 0) return -1;
    return 0;
}

int vm_init_object(void) {
    if (ou_type_ready(&ou_object_type) < 0 || ou_type_ready(&ou_type_type) < 0) return -1;
    OuType *more[] = {&ou_property_type, &ou_staticmethod_type, &ou_classmethod_type,
                      &ou_super_type, &wrapper_type, &methoddescr_type};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        if (ou_type_ready(more[i]) < 0) return -1;
    return 0;
}

void vm_fini_types(void) {
    om_heap_types_fini();
    for (int i = nstatic - 1; i >= 0; i--) {
        /* Exception types are allocated, torn down and freed by vm/exc.c (before this runs):
         * their entries must not even be read. */
        if (static_is_exc[i]) continue;
        OuType *t = static_types[i];
        Value d = t->dict, b = t->bases, m = t->mro;
        t->dict = t->bases = t->mro = OU_UNDEF;
        ou_xdecref(d);
        ou_xdecref(b);
        ou_xdecref(m);
    }
    free(static_types);
    free(static_is_exc);
    static_types = NULL;
    static_is_exc = NULL;
    nstatic = static_cap = 0;
    types_finished = false;
    om_names_ready = false;
    memset(&om, 0, sizeof om);
    om_type_modified();
}
