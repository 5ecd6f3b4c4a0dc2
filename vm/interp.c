/* interp.c: the interpreter loop.
 *
 * One dispatch function, vm_eval, runs a stack of frames. Python -> Python calls made by the
 * loop do not recurse in C: CALL pushes the callee's frame and continues in the same loop, and
 * RETURN_VALUE pops back to the caller, so only Python -> C -> Python calls (a builtin calling
 * a key function, type() calling __init__, ...) grow the C stack; vm_call_function re-enters
 * vm_eval for those, and the entry frame marks where that activation returns.
 *
 * Register discipline: the running frame's ip, sp and fast-locals pointer live in C locals.
 * They are written back to the frame (SAVE_FRAME) only where something needs them: before
 * switching frames and at the error label, where the traceback reads frame->ip - 1. Between
 * those points the frame's fields are stale, which is why nothing outside this loop reads the
 * ip or sp of a running frame.
 *
 * Stack discipline: every slot in [stackbase, sp) is an owned reference (or OU_UNDEF), at
 * every `goto error`. An instruction that consumed operands adjusts sp before jumping there.
 */
#include <math.h>
#include <stdio.h>

#include "gc.h"
#include "interp.h"
#include "shape.h"

/* A code object's inline caches (co->cache, one calloc'd block made on first need): a
 * GlobalCache per name (LOAD_GLOBAL's operand indexes co->names), then an AttrCache per
 * instruction (for LOAD_ATTR, STORE_ATTR and LOAD_METHOD, indexed by instruction number).
 *
 * GlobalCache: the value is borrowed; it is only used while both dicts still have the
 * recorded versions, and any mutation of either dict bumps its version. Versions are unique
 * across dicts, so matching versions identify the dicts as well. */
typedef struct {
    OuDict *globals, *builtins;
    uint64_t gver, bver;
    Value v;
} GlobalCache;

/* AttrCache: what the last attribute access at one site learned about the receiver's type.
 * It holds while the receiver's type is `type`, the method-cache epoch is `epoch` (no class
 * dict changed anywhere, so slots and MRO lookups are as they were) and type->dict still has
 * version `tdver` (catches builtin types' dicts filled by ou_dict_set):
 *   AC_DICT    the type has no data descriptor named so and generic get/setattr: the
 *              attribute lives in the instance dict, last seen at entries[hint];
 *   AC_SLOT    as AC_DICT, for a compact instance (vm/shape.h) in shape mode: while its shape
 *              is `shape`, the attribute is slots[hint];
 *   AC_ADD     STORE_ATTR of a new attribute on a compact instance of shape `shape`: it goes
 *              to slots[hint] (if the instance has that many) and the instance takes the
 *              shape VM_AS_SHAPE(value), the child of `shape` for the name;
 *   AC_CLASSVAL  LOAD_ATTR of a plain class attribute (no descr_get: a number, a str...),
 *              `value` (borrowed like AC_METHOD's), on a compact instance of shape `shape`,
 *              which lacks the name;
 *   AC_METHOD  the name is a plain function (or unbound builtin method) on the type, `value`
 *              (borrowed from the class dict, which the epoch keeps unchanged); it applies
 *              unless the instance shadows it, which is known not to be the case for an
 *              instance of shape `shape` (NULL: none checked yet; dict mode: probe).
 *              A site that sees other receiver types as well (richards' `task.fn()` over
 *              four classes, or a base's method called on several subclasses) keeps up to
 *              AC_POLY of them in `poly` (made on first need, owned by the cache block and
 *              freed with it by vm_code_cache_free): entries mean what type/tdver/value
 *              mean, and hold while `epoch` is current (a fill in a new epoch clears them).
 *   AC_INIT    on a call instruction that instantiated a class `type` with object's (or
 *              BaseException's) __new__: `value` is what looking up __init__ on it gave
 *              (borrowed like AC_METHOD's). */
enum { AC_NONE, AC_DICT, AC_METHOD, AC_SLOT, AC_ADD, AC_CLASSVAL, AC_INIT };
typedef struct {
    OuType *type;
    uint64_t epoch, tdver;
    Value value;
    VmShape *shape;
    int32_t hint, kind;
    struct AcPoly *poly; /* AC_METHOD only; NULL until a second receiver type */
} AttrCache;

#define AC_POLY 4
typedef struct AcPoly {
    OuType *type[AC_POLY]; /* NULL: unused */
    uint64_t tdver[AC_POLY];
    Value value[AC_POLY];
    int32_t next; /* the entry the next addition replaces (round robin) */
} AcPoly;

/* Remembers that instances of t find the method m at the site of ac (same epoch as ac).
 * Running out of memory only leaves the site monomorphic. */
static void ac_poly_add(AttrCache *ac, OuType *t, uint64_t tdver, Value m) {
    if (!ac->poly) {
        ac->poly = ou_mem_alloc(sizeof(AcPoly));
        if (!ac->poly) {
            ou_err_clear();
            return;
        }
        memset(ac->poly, 0, sizeof(AcPoly));
    }
    AcPoly *p = ac->poly;
    int32_t i = p->next;
    p->next = (i + 1) % AC_POLY;
    p->type[i] = t;
    p->tdver[i] = tdver;
    p->value[i] = m;
}

static inline Value ac_poly_find(const AttrCache *ac, OuType *t) {
    const AcPoly *p = ac->poly;
    if (!p || ac->epoch != *om_type_epoch) return OU_UNDEF;
    for (int i = 0; i < AC_POLY; i++)
        if (p->type[i] == t && p->tdver[i] == AS_DICT(t->dict)->version) return p->value[i];
    return OU_UNDEF;
}

void vm_code_cache_free(OuCode *co) {
    if (!co->cache) return;
    AttrCache *ac = (AttrCache *)((GlobalCache *)co->cache + AS_TUPLE(co->names)->len);
    for (int32_t i = 0; i < co->ncode; i++) ou_mem_free(ac[i].poly);
    ou_mem_free(co->cache);
    co->cache = NULL;
    co->attr_caches = NULL;
}

static void *code_cache_alloc(OuCode *co) {
    int64_t n = AS_TUPLE(co->names)->len;
    size_t size = sizeof(GlobalCache) * (size_t)n + sizeof(AttrCache) * (size_t)co->ncode;
    co->cache = ou_mem_alloc(size ? size : 1);
    if (!co->cache) ou_err_clear(); /* caching is optional: run uncached */
    co->attr_caches = co->cache ? (GlobalCache *)co->cache + n : NULL;
    return co->cache;
}

/* The AttrCache of the instruction before ip, or NULL when the code has no cache block. */
static inline AttrCache *attr_cache(OuCode *co, const uint32_t *ip) {
    if (!co->attr_caches) return NULL;
    return (AttrCache *)co->attr_caches + (ip - 1 - co->code);
}

static inline bool ac_valid(const AttrCache *ac, OuType *t) {
    return ac->type == t && ac->epoch == *om_type_epoch &&
           ac->tdver == AS_DICT(t->dict)->version;
}

/* Entry number of key (compared by identity: attribute names are interned) in a small dict,
 * or -1. Only refreshes a hint, so giving up on big dicts is fine. */
static int32_t dict_index_of(OuDict *d, Value key) {
    if (d->used > 64) return -1;
    for (int64_t i = 0; i < d->used; i++)
        if (d->entries[i].key == key) return (int32_t)i;
    return -1;
}

static inline bool is_dunder_name(Value name) {
    const char *p = ou_str_data(name);
    return p[0] == '_' && p[1] == '_';
}

/* Sets t->shape_epoch when the AC_SLOT/AC_ADD entries of every site may serve t's instances
 * (whatever type filled them): generic getattr/setattr, and no data descriptor in the MRO but
 * __dict__, __weakref__ and __class__, names that attribute stores never put in a shape. A
 * site where several classes share a shape (subclasses setting the attributes in a common
 * base's __init__) then needs no refill per class. */
#define SHAPE_EPOCH_NO (1ULL << 63) /* in shape_epoch: found not to qualify in that epoch */
static bool shape_type_verify(OuType *t) {
    if ((t->shape_epoch & ~SHAPE_EPOCH_NO) == *om_type_epoch) return t->shape_epoch == *om_type_epoch;
    t->shape_epoch = *om_type_epoch | SHAPE_EPOCH_NO;
    if (!(t->flags & OU_TPFLAG_INLINE) || t->getattr != ou_generic_getattr ||
        t->setattr != ou_generic_setattr || !IS_TUPLE(t->mro))
        return false;
    OuTuple *mro = AS_TUPLE(t->mro);
    for (int64_t i = 0; i < mro->len; i++) {
        Value d = AS_TYPE(mro->items[i])->dict, k, v;
        int64_t pos = 0;
        while (IS_DICT(d) && ou_dict_next(d, &pos, &k, &v))
            if (ou_typeof(v)->descr_set &&
                !(IS_STR(k) && (ou_str_eq_cstr(k, "__dict__") || ou_str_eq_cstr(k, "__weakref__") ||
                                ou_str_eq_cstr(k, "__class__"))))
                return false;
    }
    t->shape_epoch = *om_type_epoch;
    return true;
}

/* An AC_SLOT/AC_ADD entry applies to an instance of t: t passed shape_type_verify in this
 * epoch, or it is the entry's own type (whose MRO lookup the entry validated). Either way t is
 * an OU_TPFLAG_INLINE type, so its instances have OuInstance's dict word. */
static inline bool ac_shape_type_ok(const AttrCache *ac, OuType *t) {
    return t->shape_epoch == *om_type_epoch || ac_valid(ac, t);
}

/* Fills the AttrCache of a LOAD_ATTR/STORE_ATTR (method false) or LOAD_METHOD (method true)
 * site after the generic path ran, for receivers with the generic attribute protocol.
 * `before` is the instance's dict word before a STORE_ATTR (else OU_UNDEF). */
static void attr_cache_fill(OuCode *co, const uint32_t *ip, Value o, Value name, bool method,
                           Value before) {
    if (!IS_OBJ(o)) return;
    OuType *t = AS_OBJ(o)->type;
    if (!IS_DICT(t->dict) || t->dictoffset < 0 || is_dunder_name(name)) return;
    if (t->getattr != ou_generic_getattr || t->setattr != ou_generic_setattr) return;
    if (!co->cache && !code_cache_alloc(co)) return;
    AttrCache *ac = attr_cache(co, ip);
    Value descr = ou_type_lookup(t, name);
    /* A method entry of this epoch for another type moves into ac->poly; any other refill
     * forgets the poly entries (they may be of an older epoch). */
    bool keep = method && ac->kind == AC_METHOD && ac->type && ac->type != t &&
                ac->epoch == *om_type_epoch;
    OuType *ot = ac->type;
    uint64_t otd = ac->tdver;
    Value ov = ac->value;
    ac->type = NULL;
    if (ac->poly && !keep) memset(ac->poly, 0, sizeof(AcPoly));
    ac->kind = AC_NONE;
    if (method) {
        if (!ou_is_type(descr, &ou_function_type) &&
            !(ou_is_type(descr, &ou_cfunction_type) &&
              IS_UNDEF(((OuCFunction *)AS_OBJ(descr))->self) &&
              IS_UNDEF(((OuCFunction *)AS_OBJ(descr))->module)))
            return;
        if (keep) ac_poly_add(ac, ot, otd, ov);
        ac->kind = AC_METHOD;
        ac->value = descr;
        ac->shape = vm_inst_shape(AS_OBJ(o));
    } else {
        if (t->dictoffset == 0 || (!IS_UNDEF(descr) && ou_typeof(descr)->descr_set)) return;
        VmShape *s = vm_inst_shape(AS_OBJ(o));
        if (s) {
            int32_t i = vm_shape_index(s, name);
            if (i < 0) {
                /* Found on the class: a plain value is the answer while the shape lacks it. */
                if (IS_UNDEF(descr) || ou_typeof(descr)->descr_get) return;
                ac->kind = AC_CLASSVAL;
                ac->value = descr;
                ac->shape = s;
                ac->type = t;
                ac->epoch = *om_type_epoch;
                ac->tdver = AS_DICT(t->dict)->version;
                return;
            }
            shape_type_verify(t);
            VmShape *b = VM_IS_SHAPE(before) ? VM_AS_SHAPE(before) : NULL;
            if (b && s->parent == b && (uint32_t)i == b->count) {
                ac->kind = AC_ADD;
                ac->shape = b;
                ac->value = VM_MK_SHAPE(s);
            } else {
                ac->kind = AC_SLOT;
                ac->shape = s;
            }
            ac->hint = i;
            ac->type = t;
            ac->epoch = *om_type_epoch;
            ac->tdver = AS_DICT(t->dict)->version;
            return;
        }
        Value d = *(Value *)((char *)AS_OBJ(o) + t->dictoffset);
        ac->kind = AC_DICT;
        ac->hint = IS_OBJ(d) ? dict_index_of(AS_DICT(d), name) : -1;
        ac->value = OU_UNDEF;
    }
    ac->type = t;
    ac->epoch = *om_type_epoch;
    ac->tdver = AS_DICT(t->dict)->version;
}

static Value name_init, name_enter, name_exit, name_all, name_name, name_file, name_underscore;

static void intern_names(void) {
    if (name_enter) return;
    name_init = ou_str_intern("__init__");
    name_enter = ou_str_intern("__enter__");
    name_exit = ou_str_intern("__exit__");
    name_all = ou_str_intern("__all__");
    name_name = ou_str_intern("__name__");
    name_file = ou_str_intern("__file__");
    name_underscore = ou_str_intern("_");
}

Value vm_raise_interrupt(void) {
    vm.interrupted = 0;
    Value e = ou_exc_new(ou_KeyboardInterrupt, NULL, 0);
    if (IS_ERR(e)) return OU_ERR;
    ou_err_set_exc(e);
    ou_decref(e);
    return OU_ERR;
}

/* Binds a special method found on the type (descriptor protocol) to obj. */
static Value bind_special(Value attr, Value obj) {
    OuType *t = ou_typeof(attr);
    if (t->descr_get) return t->descr_get(attr, obj, MK_OBJ(ou_typeof(obj)));
    return ou_newref(attr);
}

/* "mod.f()" for messages about a call's arguments, as CPython's _PyObject_FunctionStr:
 * the qualified name, prefixed by the module unless it is builtins. */
static Value func_str(Value f) {
    Value qn = ou_getattr_opt(f, ou_str_intern("__qualname__"));
    if (IS_ERR(qn)) return OU_ERR;
    if (!IS_STR(qn)) {
        ou_xdecref(qn);
        return ou_str_printf("%s object", OU_TYPE_NAME(f));
    }
    Value mod = ou_getattr_opt(f, ou_str_intern("__module__"));
    if (IS_ERR(mod)) {
        ou_decref(qn);
        return OU_ERR;
    }
    Value r = IS_STR(mod) && !ou_str_eq_cstr(mod, "builtins") ? ou_str_printf("%U.%U()", mod, qn)
                                                           : ou_str_printf("%U()", qn);
    ou_decref(qn);
    ou_xdecref(mod);
    return r;
}

/* ascii(): repr with every non-ASCII code point escaped. */
static Value ascii_of(Value v) {
    Value r = ou_repr(v);
    if (IS_ERR(r) || (AS_STR(r)->ob.aux & OU_STR_ASCII)) return r;
    const unsigned char *s = (const unsigned char *)ou_str_data(r);
    int64_t n = ou_str_len(r);
    char *buf = ou_mem_alloc((size_t)n * 10 + 1);
    if (!buf) {
        ou_decref(r);
        return OU_ERR;
    }
    int64_t o = 0;
    for (int64_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            buf[o++] = (char)c;
            i++;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        uint32_t cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len && i + k < n; k++) cp = (cp << 6) | (s[i + k] & 0x3F);
        i += len;
        if (cp <= 0xFF)
            o += sprintf(buf + o, "\\x%02x", cp);
        else if (cp <= 0xFFFF)
            o += sprintf(buf + o, "\\u%04x", cp);
        else
            o += sprintf(buf + o, "\\U%08x", cp);
    }
    Value out = ou_str_new(buf, o);
    ou_mem_free(buf);
    ou_decref(r);
    return out;
}

/* The message of unpacking something that is not iterable (checked before iterating so that
 * a TypeError raised inside __iter__ is not rewritten). */
static bool not_iterable(Value v) {
    OuType *t = ou_typeof(v);
    if (t->iter) return false;
    return IS_UNDEF(ou_type_lookup(t, ou_str_intern("__getitem__")));
}

/* UNPACK_SEQUENCE for a general iterable: writes the n items to out[n-1..0] (first item last,
 * so that it ends on top of the stack). 0/-1. */
static int unpack_iterable(Value seq, int n, Value *out) {
    if (not_iterable(seq)) {
        ou_err_format(ou_TypeError, "cannot unpack non-iterable %s object", OU_TYPE_NAME(seq));
        return -1;
    }
    Value it = ou_iter(seq);
    if (IS_ERR(it)) return -1;
    int i;
    for (i = 0; i < n; i++) {
        Value v = ou_next(it);
        if (IS_ERR(v)) goto fail;
        if (IS_UNDEF(v)) {
            ou_err_format(ou_ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
            goto fail;
        }
        out[n - 1 - i] = v;
    }
    Value extra = ou_next(it);
    if (IS_ERR(extra)) goto fail;
    if (!IS_UNDEF(extra)) {
        ou_decref(extra);
        ou_err_format(ou_ValueError, "too many values to unpack (expected %d)", n);
        goto fail;
    }
    ou_decref(it);
    return 0;
fail:
    for (int k = 0; k < i; k++) ou_decref(out[n - 1 - k]);
    ou_decref(it);
    return -1;
}

/* UNPACK_EX: before items, a list of the middle, after items; pushed so the first is on top.
 * Writes 1 + before + after values to out (out[0] deepest). 0/-1. */
static int unpack_ex(Value seq, int before, int after, Value *out) {
    if (not_iterable(seq)) {
        ou_err_format(ou_TypeError, "cannot unpack non-iterable %s object", OU_TYPE_NAME(seq));
        return -1;
    }
    Value l = ou_sequence_list(seq);
    if (IS_ERR(l)) return -1;
    OuList *lst = AS_LIST(l);
    if (lst->len < before + after) {
        ou_err_format(ou_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                      before + after, (long long)lst->len);
        ou_decref(l);
        return -1;
    }
    int64_t mid = lst->len - before - after;
    Value middle = ou_list_from(lst->items + before, mid);
    if (IS_ERR(middle)) {
        ou_decref(l);
        return -1;
    }
    int o = 0;
    for (int i = after - 1; i >= 0; i--) out[o++] = ou_newref(lst->items[before + mid + i]);
    out[o++] = middle;
    for (int i = before - 1; i >= 0; i--) out[o++] = ou_newref(lst->items[i]);
    ou_decref(l);
    return 0;
}

/* Flattens f(*args, **kwargs) into a vector: args then keyword values, names in *kwnames.
 * *buf is `small` or an allocation the caller frees. 0/-1. */
static int flatten_call_ex(Value func, Value args, Value kwargs, Value *small, int nsmall,
                           Value **buf, int *nargs, Value *kwnames) {
    OuTuple *t = AS_TUPLE(args);
    int64_t nkw = IS_DICT(kwargs) ? AS_DICT(kwargs)->count : 0;
    int64_t total = t->len + nkw;
    *buf = small;
    *kwnames = OU_UNDEF;
    if (total > nsmall) {
        *buf = ou_mem_alloc(sizeof(Value) * (size_t)total);
        if (!*buf) return -1;
    }
    memcpy(*buf, t->items, sizeof(Value) * (size_t)t->len);
    *nargs = (int)t->len;
    if (nkw) {
        Value names = ou_tuple_new(nkw);
        if (IS_ERR(names)) goto fail;
        int64_t pos = 0, i = 0;
        Value k, v;
        while (ou_dict_next(kwargs, &pos, &k, &v)) {
            if (!IS_STR(k)) {
                for (int64_t j = i; j < nkw; j++) ou_tuple_set_steal(names, j, OU_NONE);
                ou_decref(names);
                ou_err_format(ou_TypeError, "keywords must be strings");
                goto fail;
            }
            ou_tuple_set_steal(names, i, ou_newref(k));
            (*buf)[t->len + i] = v;
            i++;
        }
        *kwnames = names;
    }
    return 0;
fail:
    if (*buf != small) ou_mem_free(*buf);
    *buf = NULL;
    return -1;
}

/* RAISE with an operand: instantiate classes, check types, attach the cause. Sets the
 * exception; always returns -1. Steals exc and cause (cause may be OU_UNDEF). */
static int do_raise(Value exc, Value cause) {
    Value inst = OU_UNDEF;
    if (IS_OBJ(exc) && ou_instance_of(exc, &ou_type_type) &&
        ou_is_subtype(AS_TYPE(exc), ou_BaseException)) {
        inst = ou_call0(exc);
        if (IS_ERR(inst)) goto fail;
        if (!ou_instance_of(inst, ou_BaseException)) {
            ou_err_format(ou_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, MK_OBJ(ou_typeof(inst)));
            ou_decref(inst);
            goto fail;
        }
    } else if (ou_instance_of(exc, ou_BaseException)) {
        inst = ou_newref(exc);
    } else {
        ou_err_format(ou_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (!IS_UNDEF(cause)) {
        Value c;
        if (IS_NONE(cause)) {
            c = OU_NONE;
        } else if (IS_OBJ(cause) && ou_instance_of(cause, &ou_type_type) &&
                   ou_is_subtype(AS_TYPE(cause), ou_BaseException)) {
            c = ou_call0(cause);
            if (IS_ERR(c)) {
                ou_decref(inst);
                goto fail;
            }
        } else if (ou_instance_of(cause, ou_BaseException)) {
            c = ou_newref(cause);
        } else {
            ou_err_format(ou_TypeError, "exception causes must derive from BaseException");
            ou_decref(inst);
            goto fail;
        }
        OuException *e = (OuException *)AS_OBJ(inst);
        Value old = e->cause;
        e->cause = c;
        e->suppress_context = true;
        ou_xdecref(old);
    }
    ou_err_set_exc(inst);
    ou_decref(inst);
fail:
    ou_decref(exc);
    ou_xdecref(cause);
    return -1;
}

/* Copies the public names of module m (or its __all__) into the namespace dict ns. */
static int import_star(Value m, Value ns) {
    Value all = ou_getattr_opt(m, name_all);
    if (IS_ERR(all)) return -1;
    if (!IS_UNDEF(all)) {
        Value seq = ou_sequence_list(all);
        ou_decref(all);
        if (IS_ERR(seq)) return -1;
        for (int64_t i = 0; i < AS_LIST(seq)->len; i++) {
            Value k = AS_LIST(seq)->items[i];
            Value v = ou_getattr(m, k);
            if (IS_ERR(v) || ou_dict_set(ns, k, v) < 0) {
                ou_xdecref(v);
                ou_decref(seq);
                return -1;
            }
            ou_decref(v);
        }
        ou_decref(seq);
        return 0;
    }
    Value d = ou_is_type(m, &ou_module_type) ? ((OuModule *)AS_OBJ(m))->dict : OU_UNDEF;
    if (!IS_DICT(d)) {
        d = ou_getattr_cstr(m, "__dict__");
        if (IS_ERR(d)) return -1;
    } else {
        ou_incref(d);
    }
    Value keys = ou_dict_keys_list(d);
    if (IS_ERR(keys)) {
        ou_decref(d);
        return -1;
    }
    int r = 0;
    for (int64_t i = 0; i < AS_LIST(keys)->len && r == 0; i++) {
        Value k = AS_LIST(keys)->items[i];
        if (!IS_STR(k) || ou_str_data(k)[0] == '_') continue;
        Value v = ou_dict_get(d, k);
        if (IS_ERR(v)) r = -1;
        else if (!IS_UNDEF(v)) r = ou_dict_set(ns, k, v);
    }
    ou_decref(keys);
    ou_decref(d);
    return r;
}

static Value import_from(Value m, Value name) {
    Value v = ou_getattr_opt(m, name);
    if (!IS_UNDEF(v)) return v;
    Value mname = ou_getattr_opt(m, name_name);
    if (IS_ERR(mname)) return OU_ERR;
    Value file = ou_getattr_opt(m, name_file);
    if (IS_ERR(file)) {
        ou_xdecref(mname);
        return OU_ERR;
    }
    if (!IS_STR(mname)) {
        ou_err_format(ou_ImportError, "cannot import name '%U' from '<unknown module name>' (unknown location)", name);
    } else if (IS_STR(file)) {
        ou_err_format(ou_ImportError, "cannot import name '%U' from '%U' (%U)", name, mname, file);
    } else {
        ou_err_format(ou_ImportError, "cannot import name '%U' from '%U' (unknown location)", name, mname);
    }
    ou_xdecref(mname);
    ou_xdecref(file);
    return OU_ERR;
}

/* REPL echo: repr to sys.stdout, and builtins._ = v. */
static int print_expr(Value v) {
    if (IS_NONE(v)) return 0;
    if (ou_dict_set(vm.builtins, name_underscore, OU_NONE) < 0) return -1;
    Value r = ou_repr(v);
    if (IS_ERR(r)) return -1;
    int rc = ou_file_write_str(ou_sys_stdout, r);
    ou_decref(r);
    if (rc < 0 || ou_file_write_cstr(ou_sys_stdout, "\n") < 0) return -1;
    return ou_dict_set(vm.builtins, name_underscore, v);
}

/* DICT_MERGE / DICT_UPDATE: merge mapping m into dict d; `func` names the callee for the
 * messages of f(**m) (merge true), else OU_UNDEF. */
static int dict_merge(Value d, Value m, bool merge, Value func) {
    if (!IS_DICT(m)) {
        Value keys = ou_getattr_opt(m, ou_str_intern("keys"));
        if (IS_ERR(keys)) return -1;
        if (IS_UNDEF(keys)) {
            if (merge) {
                Value fs = func_str(func);
                if (IS_ERR(fs)) return -1;
                ou_err_format(ou_TypeError, "%U argument after ** must be a mapping, not %s", fs,
                              OU_TYPE_NAME(m));
                ou_decref(fs);
            } else {
                ou_err_format(ou_TypeError, "'%s' object is not a mapping", OU_TYPE_NAME(m));
            }
            return -1;
        }
        ou_decref(keys);
        if (!merge) return ou_dict_update(d, m);
        Value tmp = ou_dict_new();
        if (IS_ERR(tmp)) return -1;
        if (ou_dict_update(tmp, m) < 0) {
            ou_decref(tmp);
            return -1;
        }
        int r = dict_merge(d, tmp, true, func);
        ou_decref(tmp);
        return r;
    }
    if (!merge) return ou_dict_update(d, m);
    int64_t pos = 0;
    Value k, v;
    while (ou_dict_next(m, &pos, &k, &v)) {
        Value old = ou_dict_get(d, k);
        if (IS_ERR(old)) return -1;
        if (!IS_UNDEF(old)) {
            Value fs = func_str(func);
            if (IS_ERR(fs)) return -1;
            ou_err_format(ou_TypeError, "%U got multiple values for keyword argument '%U'", fs, k);
            ou_decref(fs);
            return -1;
        }
        if (ou_dict_set(d, k, v) < 0) return -1;
    }
    return 0;
}

static Value build_string(Value *items, int n) {
    int64_t total = 0;
    for (int i = 0; i < n; i++) total += ou_str_len(items[i]);
    if (total == 0) return ou_str_new("", 0); /* and `small` is never read uninitialised */
    char small[512];
    char *buf = total < (int64_t)sizeof small ? small : ou_mem_alloc((size_t)total + 1);
    if (!buf) return OU_ERR;
    int64_t o = 0;
    for (int i = 0; i < n; i++) {
        memcpy(buf + o, ou_str_data(items[i]), (size_t)ou_str_len(items[i]));
        o += ou_str_len(items[i]);
    }
    Value r = ou_str_new(buf, total);
    if (buf != small) ou_mem_free(buf);
    return r;
}

static Value unbound_local(OuCode *co, int i) {
    return ou_err_format(ou_UnboundLocalError,
                         "cannot access local variable '%U' where it is not associated with a value",
                         AS_TUPLE(co->varnames)->items[i]);
}

static Value cell_name(OuCode *co, int i) {
    return i < co->ncellvars ? AS_TUPLE(co->cellvars)->items[i]
                             : AS_TUPLE(co->freevars)->items[i - co->ncellvars];
}

static Value unbound_deref(OuCode *co, int i) {
    if (i < co->ncellvars)
        return ou_err_format(ou_UnboundLocalError,
                             "cannot access local variable '%U' where it is not associated with a value",
                             cell_name(co, i));
    return ou_err_format(ou_NameError,
                         "cannot access free variable '%U' where it is not associated with a value "
                         "in enclosing scope",
                         cell_name(co, i));
}

static Value name_error(Value name) {
    return ou_err_format(ou_NameError, "name '%U' is not defined", name);
}

/* LOAD_GLOBAL's slow path: look up, then fill the cache entry. Returns a borrowed value. */
static Value load_global_slow(VmFrame *f, int idx, Value name) {
    OuCode *co = f->code;
    OuDict *g = AS_DICT(f->globals), *b = AS_DICT(f->builtins);
    Value v = ou_dict_get(f->globals, name);
    if (IS_ERR(v)) return OU_ERR;
    if (IS_UNDEF(v)) {
        v = ou_dict_get(f->builtins, name);
        if (IS_ERR(v)) return OU_ERR;
        if (IS_UNDEF(v)) return name_error(name);
    }
    if (!co->cache && !code_cache_alloc(co)) return v;
    GlobalCache *c = &((GlobalCache *)co->cache)[idx];
    c->globals = g;
    c->builtins = b;
    c->gver = g->version;
    c->bver = b->version;
    c->v = v;
    return v;
}

/* Floor division and modulo of small ints with Python's sign rules (y != 0). */
static inline int64_t floordiv64(int64_t x, int64_t y) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) q--;
    return q;
}
static inline int64_t mod64(int64_t x, int64_t y) {
    int64_t r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

static inline Value mk_float(double d) { return d == d ? MK_FLOAT_RAW(d) : ou_float(d); }

/* `s += t` / `s = s + t` where the caller holds the only reference to the exact str s: the
 * text is appended in place, so a loop that builds a string is linear instead of quadratic.
 * The block grows by a quarter beyond the need, and gc_block_size tells how much room a
 * previous growth left, so most appends neither copy nor reallocate. gc_obj_resize may move
 * the object: nothing else can point at it while rc == 1. Steals the reference to a; returns
 * the new string (new reference) or OU_ERR with a released. */
static Value str_append_inplace(Value a, Value b) {
    OuStr *x = AS_STR(a), *y = AS_STR(b);
    size_t need = sizeof(OuStr) + (size_t)x->len + (size_t)y->len + 1;
    if (gc_block_size(x) < need) {
        OuStr *n = (OuStr *)gc_obj_resize(&x->ob, need + need / 4);
        if (!n) {
            ou_decref(a);
            return OU_ERR;
        }
        x = n;
    }
    memcpy(x->data + x->len, y->data, (size_t)y->len + 1);
    x->len += y->len;
    x->nchars += y->nchars;
    x->hash = -1;
    x->ob.aux &= (uint16_t)(y->ob.aux | ~OU_STR_ASCII);
    return MK_OBJ(x);
}

/* Item k (negative counts from the end) of an exact list or tuple, borrowed; OU_UNDEF when o
 * is neither or k is out of range: the constant-index subscript fast paths. */
static inline Value exact_seq_item(Value o, int64_t k) {
    if (!IS_OBJ(o)) return OU_UNDEF;
    OuType *t = AS_OBJ(o)->type;
    Value *items;
    int64_t len;
    if (t == &ou_list_type) {
        items = AS_LIST(o)->items;
        len = AS_LIST(o)->len;
    } else if (t == &ou_tuple_type) {
        items = AS_TUPLE(o)->items;
        len = AS_TUPLE(o)->len;
    } else {
        return OU_UNDEF;
    }
    if (k < 0) k += len;
    return k >= 0 && k < len ? items[k] : OU_UNDEF;
}

/* May BINARY_OP append b to a in place? a must be an exact, non-interned str that nobody else
 * can observe: only the stack's reference and, when the next instruction stores the result
 * back into the local that holds a, that local's reference (dropped by the caller). gcflags
 * must be clear but for DIRTY: no weak references, not watched by the demo's object
 * numbering. */
static inline bool str_can_append(Value a, Value b, const uint32_t *ip, Value *fast) {
    if (!IS_STR(a) || !IS_STR(b) || (AS_OBJ(a)->gcflags & ~OU_GCF_DIRTY) ||
        (AS_OBJ(a)->aux & OU_STR_INTERNED) || AS_STR(b)->len == 0)
        return false;
    uint32_t rc = AS_OBJ(a)->rc;
    if (rc == 1) return true;
    return rc == 2 && (OU_OP(*ip) == OP_STORE_FAST || OU_OP(*ip) == OP_STORE_FAST_LOAD_FAST) &&
           fast[OU_ARG(*ip)] == a;
}

/* Integer x OP y without a branch on OP: the three-way outcome (0 less, 1 equal, 2 greater)
 * picks a bit of OP's mask. The chain of CMP_BY_OP tests is shared by every comparison site,
 * so its branches predict poorly when a loop compares with two different operators. */
#define CMP_INT_MASKS 0x645231u /* per op, 4 bits: LT 0b001, LE 0b011, EQ 0b010, NE 0b101,
                                   GT 0b100, GE 0b110 */
#define CMP_INT(op, x, y) \
    ((CMP_INT_MASKS >> (4 * (op) + ((x) >= (y)) + ((x) > (y)))) & 1)
/* x OP y for the six comparisons (OU_LT..OU_GE), on ints or on doubles (NaN compares as in
 * Python: only != holds). */
#define CMP_BY_OP(op, x, y)                                                                     \
    ((op) == OU_LT ? (x) < (y) : (op) == OU_LE ? (x) <= (y) : (op) == OU_EQ ? (x) == (y)        \
   : (op) == OU_NE ? (x) != (y) : (op) == OU_GT ? (x) > (y) : (x) >= (y))

/* Small-int x OP y for BINARY_OP's fast path: false when the result needs the general path
 * (division by zero, overflow of the multiplication or shift, other operators). The result
 * may not fit a small int (the caller boxes it or falls back). */
static inline bool smallint_binop(int op, int64_t x, int64_t y, int64_t *z) {
    switch (op) {
    case OU_BIN_ADD: *z = x + y; return true;
    case OU_BIN_SUB: *z = x - y; return true;
    case OU_BIN_MUL: return !__builtin_mul_overflow(x, y, z);
    case OU_BIN_FLOORDIV:
        if (y == 0) return false;
        *z = floordiv64(x, y);
        return true;
    case OU_BIN_MOD:
        if (y == 0) return false;
        *z = mod64(x, y);
        return true;
    case OU_BIN_AND: *z = x & y; return true;
    case OU_BIN_OR: *z = x | y; return true;
    case OU_BIN_XOR: *z = x ^ y; return true;
    case OU_BIN_LSHIFT:
        return y >= 0 && y <= 62 && !__builtin_mul_overflow(x, INT64_C(1) << y, z);
    case OU_BIN_RSHIFT:
        if (y < 0) return false;
        *z = y > 63 ? (x < 0 ? -1 : 0) : x >> y;
        return true;
    default: return false;
    }
}

/* May a call of fn with nargs positional arguments and no keywords take the loop's inline
 * frame path (push_simple_frame)? The arguments must fill the parameters exactly, the code
 * must have no cells of its own (free variables come from a closure tuple that has them), and
 * the depth and the value stack must have room: otherwise vm_frame_push_call binds and
 * reports the error. */
static inline bool simple_call_ok(OuFunction *fn, int nargs) {
    OuCode *co = fn->code;
    int32_t fs = co->simple_frame; /* -1 unless the parameters and cells allow it */
    if (nargs != co->fast_argc) { /* not a plain function: maybe one with free variables */
        if (nargs != co->argcount || fs < 0 || co->nfreevars == 0 || !IS_TUPLE(fn->closure) ||
            AS_TUPLE(fn->closure)->len < co->nfreevars)
            return false;
    }
    return vm.depth + vm.c_depth < vm.recursion_limit && vm.depth < OU_MAX_FRAMES_HARD &&
           fs <= (vm.stack + OU_STACK_SIZE) - vm.stack_top;
}

/* The n arguments of a simple call, moved (with their references) to the callee's first
 * slots; unrolled for the common counts, where a loop's set-up cost more than the moves. */
static inline void move_args(Value *base, const Value *args, int n) {
    switch (n) {
    case 3: base[2] = args[2]; /* fall through */
    case 2: base[1] = args[1]; /* fall through */
    case 1: base[0] = args[0]; /* fall through */
    case 0: break;
    default:
        for (int i = 0; i < n; i++) base[i] = args[i];
    }
}

/* Lays out fn's frame at vm.stack_top, as frame_alloc and make_cells would, and makes it the
 * running frame; the caller has put the nargs arguments (owned) in its first slots and hands
 * the frame one reference to fn. locals: OU_UNDEF, or VM_LOCALS_INIT for an __init__ run by
 * a class call. */
static inline VmFrame *push_simple_frame(VmFrame *back, OuFunction *fn, int nargs, Value locals) {
    OuCode *co = fn->code;
    Value *base = vm.stack_top;
    VmFrame *nf = &vm_frames[vm.depth];
    int32_t nloc = co->nlocals;
    for (int32_t i = nargs; i < nloc; i++) base[i] = OU_UNDEF;
    if (co->nfreevars) {
        Value *cl = AS_TUPLE(fn->closure)->items;
        for (int32_t i = 0; i < co->nfreevars; i++) base[nloc + i] = ou_newref(cl[i]);
        nloc += co->nfreevars; /* the blocks and the stack start after them */
    }
    nf->back = back;
    nf->code = co;
    nf->func = fn;
    nf->globals = fn->globals;
    nf->builtins = fn->builtins;
    nf->locals = locals;
    nf->base = base;
    nf->ip = 0;
    nf->nblocks = 0;
    nf->blocks = (VmBlock *)(base + nloc);
    nf->handled_exc = OU_UNDEF;
    nf->stackbase = base + co->stack_off; /* no cells of its own: nloc slots, then blocks */
    nf->sp = nf->stackbase;
    vm.stack_top = nf->stackbase + co->stacksize;
    vm.depth++;
    vm.frame = nf;
    return nf;
}

/* The bounds of a slice about to be built from k (2 or 3) stack values, when each is a small
 * int or None and the step is not zero, as ou_slice_indices reads them before clamping (a
 * missing stop is INT64_MAX, or INT64_MIN going backwards). Small ints cannot overflow the
 * clamping arithmetic. False when the general path must run. */
static inline bool slice_fast_bounds(const Value *b, int k, int64_t *start, int64_t *stop,
                                     int64_t *step) {
    if (k == 3 && !IS_NONE(b[2])) {
        if (!IS_SMALLINT(b[2]) || b[2] == MK_SMALLINT(0)) return false;
        *step = AS_SMALLINT(b[2]);
    } else {
        *step = 1;
    }
    if (IS_SMALLINT(b[0])) *start = AS_SMALLINT(b[0]);
    else if (IS_NONE(b[0])) *start = *step < 0 ? INT64_MAX : 0;
    else return false;
    if (IS_SMALLINT(b[1])) *stop = AS_SMALLINT(b[1]);
    else if (IS_NONE(b[1])) *stop = *step < 0 ? INT64_MIN : INT64_MAX;
    else return false;
    return true;
}

/* Debug builds check the compiler's stack and block sizes at every instruction: a frame that
 * outgrows its window would overwrite the frames pushed above it. */
#ifdef OU_DEBUG
#include <stdlib.h>
#define CHECK_BOUNDS()                                                                          \
    do {                                                                                        \
        if (sp < frame->stackbase || sp > frame->stackbase + co->stacksize ||                   \
            frame->nblocks > co->blocksize) {                                                   \
            fprintf(stderr, "ouro: frame bounds violated in %s at %d (depth %d/%d, blocks %d/%d)\n", \
                    ou_str_data(co->qualname), (int)(ip - code0),                               \
                    (int)(sp - frame->stackbase), co->stacksize, frame->nblocks, co->blocksize); \
            abort();                                                                            \
        }                                                                                       \
    } while (0)
#else
#define CHECK_BOUNDS() ((void)0)
#endif

#if OU_COMPUTED_GOTO
#define CASE(op) L_##op:
#define DISPATCH()                        \
    do {                                  \
        CHECK_BOUNDS();                   \
        w = *ip++;                        \
        goto *dispatch_table[OU_OP(w)];   \
    } while (0)
#else
#define CASE(op) case OP_##op:
#define DISPATCH() goto dispatch
#endif

#define ARG ((int32_t)OU_ARG(w))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define LOAD_FRAME()                                   \
    do {                                               \
        co = frame->code;                              \
        code0 = co->code;                              \
        ip = code0 + frame->ip;                        \
        sp = frame->sp;                                \
        fast = frame->base;                            \
        consts = co->const_items;                      \
        names = co->name_items;                        \
    } while (0)
#define SAVE_FRAME()                                   \
    do {                                               \
        frame->ip = (int32_t)(ip - code0);             \
        frame->sp = sp;                                \
    } while (0)
/* Safe point on backward jumps and calls: SIGINT and pending collections. */
#define CHECK_SIGNALS()                                \
    do {                                               \
        if (vm.interrupted) {                          \
            vm_raise_interrupt();                         \
            goto error;                                \
        }                                              \
        gc_maybe_collect();                            \
    } while (0)

#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-gcse", "no-crossjumping")))
#endif
Value vm_eval(VmFrame *entry) {
#if OU_COMPUTED_GOTO
    static const void *const dispatch_table[OP__COUNT] = {
#define OU_LABEL(name) [OP_##name] = &&L_##name,
        OU_OPCODE_LIST(OU_LABEL)
#undef OU_LABEL
    };
#endif
    VmFrame *frame = entry;
    OuCode *co;
    const uint32_t *code0, *ip;
    Value *sp, *fast, *consts, *names;
    uint32_t w;
    /* Operands of the shared call sequence (call_common). */
    Value *fslot, *cargs, callable, ckw;
    int cnargs;
    bool slot_free;
    bool jump_t; /* a fused comparison's outcome, for its jump (compare_jump) */

    intern_names();
    LOAD_FRAME();

#if OU_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    CHECK_BOUNDS();
    w = *ip++;
    switch ((OuOpcode)OU_OP(w)) {
#endif

    CASE(NOP) DISPATCH();
    CASE(EXTENDED_ARG) DISPATCH();
    CASE(POP_TOP) {
        Value v = POP();
        ou_decref(v);
        DISPATCH();
    }
    CASE(DUP_TOP) {
        Value v = TOP();
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(DUP_TOP_TWO) {
        Value a = SECOND(), b = TOP();
        ou_incref(a);
        ou_incref(b);
        PUSH(a);
        PUSH(b);
        DISPATCH();
    }
    CASE(ROT_TWO) {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    CASE(ROT_THREE) {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    CASE(ROT_FOUR) {
        Value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = t;
        DISPATCH();
    }
    CASE(LOAD_CONST) {
        Value v = consts[ARG];
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_NONE) {
        PUSH(OU_NONE);
        DISPATCH();
    }
    CASE(LOAD_SMALLINT) {
        PUSH(MK_SMALLINT((int64_t)ARG - 0x800000));
        DISPATCH();
    }
    CASE(LOAD_FAST) {
        Value v = fast[ARG];
        if (IS_UNDEF(v)) {
            unbound_local(co, ARG);
            goto error;
        }
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST) {
        Value old = fast[ARG];
        fast[ARG] = POP();
        ou_xdecref(old);
        DISPATCH();
    }
    CASE(DELETE_FAST) {
        Value old = fast[ARG];
        if (IS_UNDEF(old)) {
            unbound_local(co, ARG);
            goto error;
        }
        fast[ARG] = OU_UNDEF;
        ou_decref(old);
        DISPATCH();
    }
    CASE(LOAD_DEREF) {
        Value v = ((OuCell *)AS_OBJ(fast[co->nlocals + ARG]))->v;
        if (IS_UNDEF(v)) {
            unbound_deref(co, ARG);
            goto error;
        }
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF) {
        OuCell *c = (OuCell *)AS_OBJ(fast[co->nlocals + ARG]);
        Value old = c->v;
        c->v = POP();
        ou_xdecref(old);
        DISPATCH();
    }
    CASE(DELETE_DEREF) {
        OuCell *c = (OuCell *)AS_OBJ(fast[co->nlocals + ARG]);
        Value old = c->v;
        if (IS_UNDEF(old)) {
            unbound_deref(co, ARG);
            goto error;
        }
        c->v = OU_UNDEF;
        ou_decref(old);
        DISPATCH();
    }
    CASE(LOAD_CLOSURE) {
        Value c = fast[co->nlocals + ARG];
        ou_incref(c);
        PUSH(c);
        DISPATCH();
    }
    CASE(LOAD_CLASSDEREF) {
        if (IS_DICT(frame->locals)) {
            Value v = ou_dict_get(frame->locals, cell_name(co, ARG));
            if (IS_ERR(v)) goto error;
            if (!IS_UNDEF(v)) {
                ou_incref(v);
                PUSH(v);
                DISPATCH();
            }
        }
        Value v = ((OuCell *)AS_OBJ(fast[co->nlocals + ARG]))->v;
        if (IS_UNDEF(v)) {
            unbound_deref(co, ARG);
            goto error;
        }
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL) {
        GlobalCache *c = co->cache ? &((GlobalCache *)co->cache)[ARG] : NULL;
        OuDict *g = AS_DICT(frame->globals), *b = AS_DICT(frame->builtins);
        Value v;
        /* Versions come from one counter for all dicts (vm/dict.c, dict_alloc included), so
         * equal versions also mean the same two dicts: the pointers need no comparison. A
         * dict's version is never 0, which an unfilled (zeroed) entry holds. */
        if (c && c->gver == g->version && c->bver == b->version) {
            v = c->v;
        } else {
            v = load_global_slow(frame, ARG, names[ARG]);
            if (IS_ERR(v)) goto error;
        }
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_GLOBAL) {
        Value v = POP();
        int r = ou_dict_set(frame->globals, names[ARG], v);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL) {
        Value old = ou_dict_pop(frame->globals, names[ARG]);
        if (IS_ERR(old)) goto error;
        if (IS_UNDEF(old)) {
            name_error(names[ARG]);
            goto error;
        }
        ou_decref(old);
        DISPATCH();
    }
    CASE(LOAD_NAME) {
        Value name = names[ARG], v = OU_UNDEF;
        if (IS_DICT(frame->locals)) {
            v = ou_dict_get(frame->locals, name);
            if (IS_ERR(v)) goto error;
        } else if (IS_OBJ(frame->locals)) {
            v = ou_getitem(frame->locals, name);
            if (IS_ERR(v)) {
                if (!ou_err_matches(ou_KeyError)) goto error;
                ou_err_clear();
                v = OU_UNDEF;
            } else {
                PUSH(v);
                DISPATCH();
            }
        }
        if (IS_UNDEF(v)) {
            v = frame->locals == frame->globals ? OU_UNDEF : ou_dict_get(frame->globals, name);
            if (IS_ERR(v)) goto error;
            if (IS_UNDEF(v)) {
                v = ou_dict_get(frame->builtins, name);
                if (IS_ERR(v)) goto error;
                if (IS_UNDEF(v)) {
                    name_error(name);
                    goto error;
                }
            }
        }
        ou_incref(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_NAME) {
        Value v = POP();
        Value ns = IS_OBJ(frame->locals) ? frame->locals : frame->globals;
        int r = IS_DICT(ns) ? ou_dict_set(ns, names[ARG], v) : ou_setitem(ns, names[ARG], v);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DELETE_NAME) {
        Value ns = IS_OBJ(frame->locals) ? frame->locals : frame->globals;
        Value old = ou_dict_pop(ns, names[ARG]);
        if (IS_ERR(old)) goto error;
        if (IS_UNDEF(old)) {
            name_error(names[ARG]);
            goto error;
        }
        ou_decref(old);
        DISPATCH();
    }
    CASE(LOAD_ATTR) {
        Value o = TOP(), v;
        if (IS_OBJ(o) && co->attr_caches) {
            AttrCache *ac = attr_cache(co, ip);
            OuObject *ob = AS_OBJ(o);
            if (ac->kind == AC_SLOT && ac_shape_type_ok(ac, ob->type) &&
                ((OuInstance *)ob)->dict == VM_MK_SHAPE(ac->shape)) {
                v = ((OuInstance *)ob)->slots[ac->hint];
                ou_incref(v);
                sp[-1] = v;
                ou_decref(o);
                DISPATCH();
            }
            if (ac->kind == AC_CLASSVAL && ac_valid(ac, ob->type) &&
                ((OuInstance *)ob)->dict == VM_MK_SHAPE(ac->shape)) {
                v = ac->value;
                ou_incref(v);
                sp[-1] = v;
                ou_decref(o);
                DISPATCH();
            }
            if (ac->kind == AC_DICT && ac_valid(ac, ob->type)) {
                Value d = *(Value *)((char *)ob + ob->type->dictoffset);
                if (IS_OBJ(d)) {
                    OuDict *dd = AS_DICT(d);
                    int32_t h = ac->hint;
                    if (h >= 0 && h < dd->used && dd->entries[h].key == names[ARG]) {
                        v = dd->entries[h].value;
                    } else {
                        v = ou_dict_get(d, names[ARG]);
                        if (IS_ERR(v)) goto error;
                        if (!IS_UNDEF(v)) ac->hint = dict_index_of(dd, names[ARG]);
                    }
                    if (!IS_UNDEF(v)) {
                        ou_incref(v);
                        sp[-1] = v;
                        ou_decref(o);
                        DISPATCH();
                    }
                }
            }
        }
        if (ou_is_type(o, &ou_module_type) && IS_DICT(((OuModule *)AS_OBJ(o))->dict)) {
            v = ou_dict_get(((OuModule *)AS_OBJ(o))->dict, names[ARG]);
            if (!IS_UNDEF(v) && !IS_ERR(v)) {
                ou_incref(v);
                sp[-1] = v;
                ou_decref(o);
                DISPATCH();
            }
        }
        v = ou_getattr(o, names[ARG]);
        if (IS_ERR(v)) goto error;
        attr_cache_fill(co, ip, o, names[ARG], false, OU_UNDEF);
        sp[-1] = v;
        ou_decref(o);
        DISPATCH();
    }
    CASE(STORE_ATTR) {
        Value o = sp[-1], v = sp[-2];
        if (IS_OBJ(o) && co->attr_caches) {
            AttrCache *ac = attr_cache(co, ip);
            OuObject *ob = AS_OBJ(o);
            if ((ac->kind == AC_SLOT || ac->kind == AC_ADD) && ac_shape_type_ok(ac, ob->type) &&
                ((OuInstance *)ob)->dict == VM_MK_SHAPE(ac->shape)) {
                OuInstance *in = (OuInstance *)ob;
                int32_t h = ac->hint;
                if (ac->kind == AC_SLOT) {
                    Value old = in->slots[h];
                    in->slots[h] = v; /* the stack's reference moves into the slot */
                    sp -= 2;
                    ou_decref(o);
                    ou_decref(old);
                    DISPATCH();
                }
                if ((uint32_t)h < ob->aux) {
                    in->slots[h] = v;
                    in->dict = ac->value;
                    sp -= 2;
                    ou_decref(o);
                    DISPATCH();
                }
            }
            if (ac->kind == AC_DICT && ac_valid(ac, ob->type) &&
                !VM_IS_SHAPE(*(Value *)((char *)ob + ob->type->dictoffset))) {
                Value *dp = (Value *)((char *)ob + ob->type->dictoffset);
                Value d = *dp;
                int32_t h = ac->hint;
                if (IS_OBJ(d) && h >= 0 && h < AS_DICT(d)->used &&
                    AS_DICT(d)->entries[h].key == names[ARG]) {
                    OuDict *dd = AS_DICT(d);
                    Value old = dd->entries[h].value;
                    dd->entries[h].value = v; /* the stack's reference moves into the dict */
                    dd->version = ++dict_global_version;
                    sp -= 2;
                    ou_decref(o);
                    ou_decref(old);
                    DISPATCH();
                }
                /* Still a plain instance-dict store (a new attribute, as in __init__, or
                 * another layout): store, and remember where the name landed. */
                if (!IS_OBJ(d)) {
                    d = ou_dict_new();
                    if (IS_ERR(d)) goto error;
                    *dp = d;
                }
                sp -= 2;
                int r = ou_dict_set(d, names[ARG], v);
                if (r == 0) {
                    OuDict *dd = AS_DICT(d);
                    ac->hint = dd->used > 0 && dd->entries[dd->used - 1].key == names[ARG]
                                   ? (int32_t)(dd->used - 1)
                                   : dict_index_of(dd, names[ARG]);
                }
                ou_decref(o);
                ou_decref(v);
                if (r < 0) goto error;
                DISPATCH();
            }
        }
        sp -= 2;
        Value before = IS_OBJ(o) && vm_inst_shape(AS_OBJ(o)) ? ((OuInstance *)AS_OBJ(o))->dict
                                                             : OU_UNDEF;
        int r = ou_setattr(o, names[ARG], v);
        if (r == 0) attr_cache_fill(co, ip, o, names[ARG], false, before);
        ou_decref(o);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DELETE_ATTR) {
        Value o = POP();
        int r = ou_setattr(o, names[ARG], OU_UNDEF);
        ou_decref(o);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(LOAD_METHOD) {
        Value o = TOP(), name = names[ARG];
        OuType *t = ou_typeof(o);
        if (IS_OBJ(o) && co->attr_caches) {
            AttrCache *ac = attr_cache(co, ip);
            /* Another class than the one that filled the entry finds the same function when
             * it inherits it (methods of a common base called on several subclasses). */
            Value m = OU_UNDEF;
            if (ac->kind == AC_METHOD) {
                m = ac_valid(ac, t) ? ac->value : ac_poly_find(ac, t);
                if (IS_UNDEF(m) && t->shape_epoch == *om_type_epoch &&
                    ac->epoch == *om_type_epoch && ou_type_lookup(t, name) == ac->value) {
                    /* Remember the inheriting class. t passed shape_type_verify in this
                     * epoch: generic attribute protocol. */
                    m = ac->value;
                    ac_poly_add(ac, t, AS_DICT(t->dict)->version, m);
                }
            }
            if (!IS_UNDEF(m)) {
                Value d = t->dictoffset ? *(Value *)((char *)AS_OBJ(o) + t->dictoffset) : OU_UNDEF;
                Value sh = OU_UNDEF;
                if (VM_IS_SHAPE(d)) {
                    /* Shapes are immutable: one that lacks the name never shadows it. */
                    if (VM_AS_SHAPE(d) != ac->shape) {
                        if (vm_shape_index(VM_AS_SHAPE(d), name) >= 0) sh = OU_NONE;
                        else ac->shape = VM_AS_SHAPE(d);
                    }
                } else if (IS_OBJ(d)) {
                    sh = ou_dict_get(d, name);
                }
                if (IS_ERR(sh)) goto error;
                if (IS_UNDEF(sh)) {
                    Value f = m;
                    ou_incref(f);
                    sp[-1] = f;
                    PUSH(o);
                    DISPATCH();
                }
            }
        }
        /* Instances with a tail dict (OU_DICTOFFSET_TAIL: str/tuple subclasses) take the
         * general path, which finds their dict. */
        if ((t->getattr == ou_generic_getattr || !t->getattr) && t->dictoffset >= 0) {
            Value f = ou_type_lookup(t, name);
            if (ou_is_type(f, &ou_function_type) ||
                (ou_is_type(f, &ou_cfunction_type) && IS_UNDEF(((OuCFunction *)AS_OBJ(f))->self) &&
                 IS_UNDEF(((OuCFunction *)AS_OBJ(f))->module))) {
                bool shadowed = false;
                if (t->dictoffset && IS_OBJ(o)) {
                    Value d = *(Value *)((char *)AS_OBJ(o) + t->dictoffset);
                    if (IS_DICT(d)) {
                        Value v = ou_dict_get(d, name);
                        if (IS_ERR(v)) goto error;
                        shadowed = !IS_UNDEF(v);
                    } else if (VM_IS_SHAPE(d)) {
                        shadowed = vm_shape_index(VM_AS_SHAPE(d), name) >= 0;
                    }
                }
                if (!shadowed) {
                    attr_cache_fill(co, ip, o, name, true, OU_UNDEF);
                    ou_incref(f);
                    sp[-1] = f;
                    PUSH(o);
                    DISPATCH();
                }
            }
        }
        Value v = ou_getattr(o, name);
        if (IS_ERR(v)) goto error;
        sp[-1] = v;
        ou_decref(o);
        PUSH(OU_UNDEF);
        DISPATCH();
    }
    CASE(BINARY_SUBSCR) {
        Value o = sp[-2], k = sp[-1], v;
        if (IS_SMALLINT(k) && IS_OBJ(o)) {
            OuType *t = AS_OBJ(o)->type;
            int64_t i = AS_SMALLINT(k);
            if (t == &ou_list_type) {
                OuList *l = AS_LIST(o);
                if (i < 0) i += l->len;
                if (i >= 0 && i < l->len) {
                    v = l->items[i];
                    ou_incref(v);
                    goto subscr_done;
                }
            } else if (t == &ou_tuple_type) {
                OuTuple *tp = AS_TUPLE(o);
                if (i < 0) i += tp->len;
                if (i >= 0 && i < tp->len) {
                    v = tp->items[i];
                    ou_incref(v);
                    goto subscr_done;
                }
            }
        }
        if (IS_DICT(o)) {
            v = ou_dict_get(o, k);
            if (IS_ERR(v)) goto error;
            if (!IS_UNDEF(v)) {
                ou_incref(v);
                goto subscr_done;
            }
        }
        v = ou_getitem(o, k);
        if (IS_ERR(v)) goto error;
    subscr_done:
        sp -= 2;
        ou_decref(o);
        ou_decref(k);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_SUBSCR) {
        Value k = sp[-1], o = sp[-2], v = sp[-3];
        int r;
        if (IS_LIST(o) && IS_SMALLINT(k)) {
            OuList *l = AS_LIST(o);
            int64_t i = AS_SMALLINT(k);
            if (i < 0) i += l->len;
            if (i >= 0 && i < l->len) {
                Value old = l->items[i];
                l->items[i] = v;
                sp -= 3;
                ou_decref(old);
                ou_decref(o);
                DISPATCH();
            }
        }
        if (IS_DICT(o))
            r = ou_dict_set(o, k, v);
        else
            r = ou_setitem(o, k, v);
        sp -= 3;
        ou_decref(k);
        ou_decref(o);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR) {
        Value k = sp[-1], o = sp[-2];
        sp -= 2;
        int r = ou_delitem(o, k);
        ou_decref(k);
        ou_decref(o);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(BUILD_SLICE) {
        /* o[a:b(:c)] read or assigned, on an exact list (reads: or tuple), with small-int or
         * None bounds, goes to the items without a slice object: this instruction then also
         * does the BINARY_SUBSCR / STORE_SUBSCR that follows it, and skips it. */
        if (OU_OP(*ip) == OP_BINARY_SUBSCR || OU_OP(*ip) == OP_STORE_SUBSCR) {
            int64_t start, stop, step, n;
            Value o = sp[-ARG - 1];
            if ((IS_LIST(o) || (IS_TUPLE(o) && OU_OP(*ip) == OP_BINARY_SUBSCR)) &&
                slice_fast_bounds(sp - ARG, ARG, &start, &stop, &step)) {
                int64_t len = IS_LIST(o) ? AS_LIST(o)->len : AS_TUPLE(o)->len;
                n = ou_slice_adjust(len, start, stop, step, &start, &stop);
                if (OU_OP(*ip) == OP_BINARY_SUBSCR) {
                    Value r;
                    if (IS_LIST(o))
                        r = vm_list_slice(o, start, step, n);
                    else if (n == len && step == 1)
                        r = ou_newref(o);
                    else if (step == 1)
                        r = ou_tuple_from(AS_TUPLE(o)->items + start, n);
                    else
                        goto build_slice;
                    if (IS_ERR(r)) goto error;
                    sp -= ARG + 1; /* the bounds are immediates */
                    ou_decref(o);
                    PUSH(r);
                } else {
                    Value v = sp[-ARG - 2];
                    sp -= ARG + 2;
                    int rc = vm_list_setslice(o, start, step, n, v);
                    ou_decref(o);
                    ou_decref(v);
                    if (rc < 0) goto error;
                }
                ip++;
                DISPATCH();
            }
        }
    build_slice:;
        Value step = ARG == 3 ? POP() : OU_NONE;
        Value stop = POP(), start = POP();
        Value s = ou_slice_new(start, stop, step);
        ou_decref(start);
        ou_decref(stop);
        ou_decref(step);
        if (IS_ERR(s)) goto error;
        PUSH(s);
        DISPATCH();
    }
    /* The operator-specific forms: immediates inline, everything else in BINARY_OP's body
     * (the arg is the same). Floats are immediates, so neither operand needs a decref. */
#define BINARY_FAST(EXPR_INT, EXPR_FLOAT)                                                      \
    do {                                                                                       \
        Value a = sp[-2], b = sp[-1];                                                          \
        if (IS_SMALLINT(a) && IS_SMALLINT(b)) {                                                \
            int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b), z;                                 \
            if ((EXPR_INT) && SMALLINT_FITS(z)) {                                              \
                sp[-2] = MK_SMALLINT(z);                                                       \
                sp--;                                                                          \
                DISPATCH();                                                                    \
            }                                                                                  \
        } else if (IS_FLOAT(a) && IS_FLOAT(b)) {                                               \
            double x = AS_FLOAT(a), y = AS_FLOAT(b);                                           \
            if (EXPR_FLOAT) {                                                                  \
                sp--;                                                                          \
                DISPATCH();                                                                    \
            }                                                                                  \
        }                                                                                      \
        goto binary_op;                                                                        \
    } while (0)
    CASE(BINARY_ADD) {
        BINARY_FAST((z = x + y, true), (sp[-2] = mk_float(x + y), true));
    }
    CASE(BINARY_SUB) {
        BINARY_FAST((z = x - y, true), (sp[-2] = mk_float(x - y), true));
    }
    CASE(BINARY_MUL) {
        BINARY_FAST(!__builtin_mul_overflow(x, y, &z), (sp[-2] = mk_float(x * y), true));
    }
    CASE(BINARY_TRUEDIV) {
        /* Small ints are exact as doubles (48 bits), so one division is correctly rounded;
         * a zero divisor raises in BINARY_OP. */
        Value a = sp[-2], b = sp[-1];
        double x, y;
        if (IS_FLOAT(a) && IS_FLOAT(b)) {
            x = AS_FLOAT(a);
            y = AS_FLOAT(b);
        } else if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
            x = (double)AS_SMALLINT(a);
            y = (double)AS_SMALLINT(b);
        } else {
            goto binary_op;
        }
        if (y == 0) goto binary_op;
        sp[-2] = mk_float(x / y);
        sp--;
        DISPATCH();
    }
#undef BINARY_FAST
    CASE(BINARY_OP)
    binary_op: {
        Value a = sp[-2], b = sp[-1], r;
        int op = ARG & ~OU_BIN_INPLACE;
        if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
            int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b), z;
            switch (op) {
            case OU_BIN_ADD: z = x + y; break;
            case OU_BIN_SUB: z = x - y; break;
            case OU_BIN_MUL:
                if (__builtin_mul_overflow(x, y, &z)) goto binop_slow;
                break;
            case OU_BIN_FLOORDIV:
                if (y == 0) goto binop_slow;
                z = floordiv64(x, y);
                break;
            case OU_BIN_MOD:
                if (y == 0) goto binop_slow;
                z = mod64(x, y);
                break;
            case OU_BIN_TRUEDIV:
                if (y == 0) goto binop_slow;
                r = mk_float((double)x / (double)y);
                goto binop_done;
            case OU_BIN_AND: z = x & y; break;
            case OU_BIN_OR: z = x | y; break;
            case OU_BIN_XOR: z = x ^ y; break;
            case OU_BIN_LSHIFT:
                if (y < 0 || y > 62 || __builtin_mul_overflow(x, INT64_C(1) << y, &z)) goto binop_slow;
                break;
            case OU_BIN_RSHIFT:
                if (y < 0) goto binop_slow;
                z = y > 63 ? (x < 0 ? -1 : 0) : x >> y;
                break;
            default: goto binop_slow;
            }
            r = SMALLINT_FITS(z) ? MK_SMALLINT(z) : ou_int(z);
            goto binop_done;
        }
        /* Floats, or a float and a small int: a small int converts to double exactly (48
         * bits), as Python converts it. */
        if ((IS_FLOAT(a) || IS_SMALLINT(a)) && (IS_FLOAT(b) || IS_SMALLINT(b))) {
            double x = IS_FLOAT(a) ? AS_FLOAT(a) : (double)AS_SMALLINT(a);
            double y = IS_FLOAT(b) ? AS_FLOAT(b) : (double)AS_SMALLINT(b);
            switch (op) {
            case OU_BIN_ADD: r = mk_float(x + y); goto binop_done;
            case OU_BIN_SUB: r = mk_float(x - y); goto binop_done;
            case OU_BIN_MUL: r = mk_float(x * y); goto binop_done;
            case OU_BIN_TRUEDIV:
                if (y == 0) goto binop_slow;
                r = mk_float(x / y);
                goto binop_done;
            case OU_BIN_POW:
                /* A positive finite base with a finite exponent: float.__pow__ calls pow()
                 * and only an infinite result (overflow) is an error, left to it. A small-int
                 * exponent stays exact: int ** int is not on this path. */
                if (x > 0 && isfinite(x) && isfinite(y)) {
                    double p = pow(x, y);
                    if (isfinite(p)) {
                        r = MK_FLOAT_RAW(p);
                        goto binop_done;
                    }
                }
                goto binop_slow;
            default: goto binop_slow;
            }
        }
        /* Ints beyond 48 bits that still fit 64 (an LCG's products): int64 arithmetic with
         * overflow checks, a boxed int made only for a result that needs one. */
        if ((IS_SMALLINT(a) || IS_BOXINT(a)) && (IS_SMALLINT(b) || IS_BOXINT(b))) {
            int64_t x, y, z;
            bool ok = false;
            if (ou_int_value(a, &x) && ou_int_value(b, &y)) {
                switch (op) {
                case OU_BIN_ADD: ok = !__builtin_add_overflow(x, y, &z); break;
                case OU_BIN_SUB: ok = !__builtin_sub_overflow(x, y, &z); break;
                case OU_BIN_MUL: ok = !__builtin_mul_overflow(x, y, &z); break;
                case OU_BIN_FLOORDIV:
                case OU_BIN_MOD:
                    ok = y != 0 && !(x == INT64_MIN && y == -1);
                    if (ok) z = op == OU_BIN_MOD ? mod64(x, y) : floordiv64(x, y);
                    break;
                case OU_BIN_AND: z = x & y; ok = true; break;
                case OU_BIN_OR: z = x | y; ok = true; break;
                case OU_BIN_XOR: z = x ^ y; ok = true; break;
                default: break;
                }
            }
            if (ok) {
                r = SMALLINT_FITS(z) ? MK_SMALLINT(z) : ou_int(z);
                goto binop_done;
            }
        }
        if (op == OU_BIN_ADD && IS_STR(a) && IS_STR(b)) {
            if (str_can_append(a, b, ip, fast)) {
                if (AS_OBJ(a)->rc == 2) {
                    /* The STORE_FAST that follows would drop this reference anyway. */
                    fast[OU_ARG(*ip)] = OU_UNDEF;
                    AS_OBJ(a)->rc--;
                }
                sp -= 2;
                r = str_append_inplace(a, b);
                ou_decref(b);
                if (IS_ERR(r)) goto error;
                PUSH(r);
                DISPATCH();
            }
            r = ou_str_concat(a, b);
            goto binop_done;
        }
    binop_slow:
        r = ou_binop(a, b, ARG);
    binop_done:
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        if (IS_ERR(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    CASE(UNARY_NEG) {
        Value a = TOP(), r;
        if (IS_SMALLINT(a)) {
            int64_t z = -AS_SMALLINT(a);
            r = SMALLINT_FITS(z) ? MK_SMALLINT(z) : ou_int(z);
        } else if (IS_FLOAT(a)) {
            r = mk_float(-AS_FLOAT(a));
        } else {
            r = ou_unaryop(a, OU_UN_NEG);
        }
        if (IS_ERR(r)) goto error;
        sp[-1] = r;
        ou_decref(a);
        DISPATCH();
    }
    CASE(UNARY_POS) {
        Value a = TOP(), r = ou_unaryop(a, OU_UN_POS);
        if (IS_ERR(r)) goto error;
        sp[-1] = r;
        ou_decref(a);
        DISPATCH();
    }
    CASE(UNARY_INVERT) {
        Value a = TOP(), r;
        if (IS_SMALLINT(a))
            r = MK_SMALLINT(~AS_SMALLINT(a));
        else
            r = ou_unaryop(a, OU_UN_INVERT);
        if (IS_ERR(r)) goto error;
        sp[-1] = r;
        ou_decref(a);
        DISPATCH();
    }
    CASE(UNARY_NOT) {
        Value a = TOP();
        int t = IS_BOOL(a) ? a == OU_TRUE : ou_truthy(a);
        if (t < 0) goto error;
        sp[-1] = MK_BOOL(!t);
        ou_decref(a);
        DISPATCH();
    }
    CASE(COMPARE_OP) {
        Value a = sp[-2], b = sp[-1], r;
        int op = ARG;
        if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
            int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b);
            bool t;
            switch (op) {
            case OU_LT: t = x < y; break;
            case OU_LE: t = x <= y; break;
            case OU_EQ: t = x == y; break;
            case OU_NE: t = x != y; break;
            case OU_GT: t = x > y; break;
            default: t = x >= y; break;
            }
            sp -= 2;
            PUSH(MK_BOOL(t));
            DISPATCH();
        }
        if ((IS_FLOAT(a) || IS_SMALLINT(a)) && (IS_FLOAT(b) || IS_SMALLINT(b))) {
            /* Exact: a small int (48 bits) converts to double without rounding. */
            double x = IS_FLOAT(a) ? AS_FLOAT(a) : (double)AS_SMALLINT(a);
            double y = IS_FLOAT(b) ? AS_FLOAT(b) : (double)AS_SMALLINT(b);
            bool t;
            switch (op) {
            case OU_LT: t = x < y; break;
            case OU_LE: t = x <= y; break;
            case OU_EQ: t = x == y; break;
            case OU_NE: t = x != y; break;
            case OU_GT: t = x > y; break;
            default: t = x >= y; break;
            }
            sp -= 2;
            PUSH(MK_BOOL(t));
            DISPATCH();
        }
        if ((op == OU_EQ || op == OU_NE) && IS_STR(a) && IS_STR(b)) {
            bool t = a == b || ou_str_eq(a, b);
            r = MK_BOOL(op == OU_EQ ? t : !t);
        } else {
            r = ou_richcmp(a, b, op);
        }
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        if (IS_ERR(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    CASE(IS_OP) {
        Value a = sp[-2], b = sp[-1];
        bool t = (a == b) != (ARG == 1);
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        PUSH(MK_BOOL(t));
        DISPATCH();
    }
    CASE(CONTAINS_OP) {
        Value a = sp[-2], b = sp[-1];
        int t = ou_contains(b, a);
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        if (t < 0) goto error;
        PUSH(MK_BOOL(t != (ARG == 1)));
        DISPATCH();
    }
    CASE(JUMP) {
        const uint32_t *target = code0 + ARG;
        /* Checked before moving ip, so a KeyboardInterrupt points at the jump's line. */
        if (target < ip) CHECK_SIGNALS();
        ip = target;
        DISPATCH();
    }
    /* A conditional jump may be backward too (the test at the bottom of a `while` loop), and
     * is then a safe point like JUMP: without it `while n >= 0: n += 1` could not be
     * interrupted and would never collect. */
#define COND_JUMP()                                    \
    do {                                               \
        const uint32_t *target_ = code0 + ARG;         \
        if (target_ < ip) CHECK_SIGNALS();             \
        ip = target_;                                  \
    } while (0)
    CASE(POP_JUMP_IF_FALSE) {
        Value c = POP();
        if (c == OU_FALSE) {
            COND_JUMP();
        } else if (c != OU_TRUE) {
            int t = ou_truthy(c);
            ou_decref(c);
            if (t < 0) goto error;
            if (!t) COND_JUMP();
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE) {
        Value c = POP();
        if (c == OU_TRUE) {
            COND_JUMP();
        } else if (c != OU_FALSE) {
            int t = ou_truthy(c);
            ou_decref(c);
            if (t < 0) goto error;
            if (t) COND_JUMP();
        }
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP) {
        Value c = TOP();
        int t = IS_BOOL(c) ? c == OU_TRUE : ou_truthy(c);
        if (t < 0) goto error;
        if (!t) {
            ip = code0 + ARG;
        } else {
            sp--;
            ou_decref(c);
        }
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP) {
        Value c = TOP();
        int t = IS_BOOL(c) ? c == OU_TRUE : ou_truthy(c);
        if (t < 0) goto error;
        if (t) {
            ip = code0 + ARG;
        } else {
            sp--;
            ou_decref(c);
        }
        DISPATCH();
    }
    CASE(GET_ITER) {
        Value o = TOP();
        Value it = ou_iter(o);
        if (IS_ERR(it)) goto error;
        sp[-1] = it;
        ou_decref(o);
        DISPATCH();
    }
    CASE(FOR_ITER) {
        Value it = TOP();
        if (IS_OBJ(it) && AS_OBJ(it)->type == &vm_rangeiter_type) {
            /* range's iterator, inline; its value goes straight into the loop variable
             * when a plain STORE_FAST follows (the STORE_FAST is then skipped). */
            VmRangeIter *ri = (VmRangeIter *)AS_OBJ(it);
            int64_t v = ri->next;
            if (ri->left > 0 && SMALLINT_FITS(v)) {
                ri->left--;
                ri->next = (int64_t)((uint64_t)v + (uint64_t)ri->step);
                if (OU_OP(*ip) == OP_STORE_FAST) {
                    Value old = fast[OU_ARG(*ip)];
                    fast[OU_ARG(*ip)] = MK_SMALLINT(v);
                    ip++;
                    ou_xdecref(old);
                } else {
                    PUSH(MK_SMALLINT(v));
                }
                DISPATCH();
            }
        } else if (IS_OBJ(it) && AS_OBJ(it)->type == &ct_listiter_type) {
            /* The list iterator likewise, while items remain (listiter_next ends it). */
            VmListIter *li = (VmListIter *)AS_OBJ(it);
            if (IS_LIST(li->seq) && li->index < AS_LIST(li->seq)->len) {
                Value v = AS_LIST(li->seq)->items[li->index++];
                ou_incref(v);
                if (OU_OP(*ip) == OP_STORE_FAST) {
                    Value old = fast[OU_ARG(*ip)];
                    fast[OU_ARG(*ip)] = v;
                    ip++;
                    ou_xdecref(old);
                } else {
                    PUSH(v);
                }
                DISPATCH();
            }
        }
        OuType *t = ou_typeof(it);
        Value v = t->next ? t->next(it) : ou_next(it);
        if (IS_ERR(v)) goto error;
        if (IS_UNDEF(v)) {
            sp--;
            ou_decref(it);
            ip = code0 + ARG;
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(BUILD_TUPLE) {
        int n = ARG;
        Value t = ou_tuple_new(n);
        if (IS_ERR(t)) goto error;
        sp -= n;
        for (int i = 0; i < n; i++) ou_tuple_set_steal(t, i, sp[i]);
        PUSH(t);
        DISPATCH();
    }
    CASE(BUILD_LIST) {
        int n = ARG;
        Value l = ou_list_new(n);
        if (IS_ERR(l)) goto error;
        sp -= n;
        for (int i = 0; i < n; i++) ou_list_set_steal(l, i, sp[i]);
        PUSH(l);
        DISPATCH();
    }
    CASE(BUILD_SET) {
        int n = ARG;
        Value s = ou_set_new(OU_UNDEF);
        if (IS_ERR(s)) goto error;
        for (int i = 0; i < n; i++)
            if (ou_set_add(s, sp[i - n]) < 0) {
                ou_decref(s);
                goto error;
            }
        for (int i = 0; i < n; i++) ou_decref(sp[i - n]);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(BUILD_MAP) {
        int n = ARG;
        Value d = ou_dict_new();
        if (IS_ERR(d)) goto error;
        Value *p = sp - 2 * n;
        for (int i = 0; i < n; i++)
            if (ou_dict_set(d, p[2 * i], p[2 * i + 1]) < 0) {
                ou_decref(d);
                goto error;
            }
        for (int i = 0; i < 2 * n; i++) ou_decref(p[i]);
        sp = p;
        PUSH(d);
        DISPATCH();
    }
    CASE(BUILD_STRING) {
        int n = ARG;
        Value s = build_string(sp - n, n);
        if (IS_ERR(s)) goto error;
        for (int i = 0; i < n; i++) ou_decref(sp[i - n]);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(LIST_APPEND) {
        Value v = POP();
        if (ou_list_append_steal(sp[-ARG], v) < 0) goto error;
        DISPATCH();
    }
    CASE(SET_ADD) {
        Value v = POP();
        int r = ou_set_add(sp[-ARG], v);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(MAP_ADD) {
        Value v = POP(), k = POP();
        int r = ou_dict_set(sp[-ARG], k, v);
        ou_decref(k);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(LIST_EXTEND) {
        Value it = POP();
        Value l = sp[-ARG];
        Value items = (IS_LIST(it) || IS_TUPLE(it)) ? ou_newref(it) : OU_UNDEF;
        if (IS_UNDEF(items)) {
            if (not_iterable(it)) {
                ou_err_format(ou_TypeError, "Value after * must be an iterable, not %s", OU_TYPE_NAME(it));
                ou_decref(it);
                goto error;
            }
            items = ou_sequence_list(it);
            if (IS_ERR(items)) {
                ou_decref(it);
                goto error;
            }
        }
        int64_t n = IS_LIST(items) ? AS_LIST(items)->len : AS_TUPLE(items)->len;
        Value *src = IS_LIST(items) ? AS_LIST(items)->items : AS_TUPLE(items)->items;
        int r = 0;
        for (int64_t i = 0; i < n && r == 0; i++) r = ou_list_append(l, src[i]);
        ou_decref(items);
        ou_decref(it);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(SET_UPDATE) {
        Value it = POP();
        Value s = sp[-ARG];
        Value items = ou_sequence_list(it);
        ou_decref(it);
        if (IS_ERR(items)) goto error;
        int r = 0;
        for (int64_t i = 0; i < AS_LIST(items)->len && r == 0; i++)
            r = ou_set_add(s, AS_LIST(items)->items[i]);
        ou_decref(items);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DICT_UPDATE) {
        Value m = POP();
        int r = dict_merge(sp[-ARG], m, false, OU_UNDEF);
        ou_decref(m);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(DICT_MERGE) {
        Value m = POP();
        Value func = sp - ARG - 2 >= frame->stackbase ? sp[-ARG - 2] : OU_NONE;
        int r = dict_merge(sp[-ARG], m, true, func);
        ou_decref(m);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE) {
        Value l = TOP();
        Value t = ou_tuple_from(AS_LIST(l)->items, AS_LIST(l)->len);
        if (IS_ERR(t)) goto error;
        sp[-1] = t;
        ou_decref(l);
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE) {
    unpack_sequence:;
        Value seq = TOP();
        int n = ARG;
        Value *items = NULL;
        int64_t len = -1;
        if (IS_TUPLE(seq)) {
            items = AS_TUPLE(seq)->items;
            len = AS_TUPLE(seq)->len;
        } else if (IS_LIST(seq)) {
            items = AS_LIST(seq)->items;
            len = AS_LIST(seq)->len;
        }
        if (items) {
            if (len != n) {
                if (len > n)
                    ou_err_format(ou_ValueError, "too many values to unpack (expected %d)", n);
                else
                    ou_err_format(ou_ValueError, "not enough values to unpack (expected %d, got %d)",
                                  n, (int)len);
                goto error;
            }
            sp--;
            for (int i = n - 1; i >= 0; i--) PUSH(ou_newref(items[i]));
            ou_decref(seq);
            DISPATCH();
        }
        /* seq leaves the stack (still owned here) so that the n items fit in the frame's
         * stack window; calls made by the iteration use frames above that window. */
        sp--;
        int r = unpack_iterable(seq, n, sp);
        ou_decref(seq);
        if (r < 0) goto error;
        sp += n;
        DISPATCH();
    }
    CASE(UNPACK_EX) {
        Value seq = POP();
        int before = ARG & 0xFF, after = ARG >> 8;
        int r = unpack_ex(seq, before, after, sp);
        ou_decref(seq);
        if (r < 0) goto error;
        sp += before + after + 1;
        DISPATCH();
    }
    CASE(FORMAT_VALUE) {
        Value spec = (ARG & 4) ? POP() : OU_UNDEF;
        Value v = TOP(), c;
        switch (ARG & 3) {
        case 1: c = ou_to_str(v); break;
        case 2: c = ou_repr(v); break;
        case 3: c = ascii_of(v); break;
        default: c = ou_newref(v); break;
        }
        if (IS_ERR(c)) {
            ou_xdecref(spec);
            goto error;
        }
        Value r;
        if (IS_UNDEF(spec) && IS_STR(c)) {
            r = ou_newref(c);
        } else {
            if (IS_UNDEF(spec)) spec = ou_str_cstr("");
            r = IS_ERR(spec) ? OU_ERR : ou_format(c, spec);
        }
        ou_decref(c);
        ou_xdecref(spec);
        if (IS_ERR(r)) goto error;
        sp[-1] = r;
        ou_decref(v);
        DISPATCH();
    }
    CASE(MAKE_FUNCTION) {
        int flags = ARG;
        Value qualname = sp[-1], code = sp[-2];
        Value closure = (flags & 4) ? sp[-3] : OU_UNDEF;
        Value *p = sp - 2 - ((flags & 4) ? 1 : 0);
        Value kwdefaults = (flags & 2) ? *--p : OU_UNDEF;
        Value defaults = (flags & 1) ? *--p : OU_UNDEF;
        OuFunction *fn = ou_obj_alloc(&ou_function_type, sizeof *fn);
        if (!fn) goto error;
        sp = p;
        OuCode *fco = (OuCode *)AS_OBJ(code);
        fn->code = fco;
        fn->qualname = qualname;
        fn->closure = closure;
        fn->kwdefaults = kwdefaults;
        fn->defaults = defaults;
        fn->globals = ou_newref(frame->globals);
        fn->builtins = ou_newref(frame->builtins);
        fn->name = ou_newref(fco->name);
        fn->doc = ou_newref(IS_UNDEF(fco->docstring) ? OU_NONE : fco->docstring);
        Value mod = ou_dict_get(frame->globals, name_name);
        fn->module = ou_newref(IS_UNDEF(mod) || IS_ERR(mod) ? OU_NONE : mod);
        if (IS_ERR(mod)) ou_err_clear();
        fn->dict = OU_UNDEF;
        fn->annotations = OU_UNDEF;
        PUSH(MK_OBJ(fn));
        DISPATCH();
    }
    /* The commonest call, a Python function whose parameters the positional arguments fill
     * exactly, with no signal or collection due: straight into the new frame, before
     * call_common's tests for methods, classes and keywords. The arguments move into the
     * callee's locals and the reference to the function into the frame, so [fslot, sp) is
     * simply left behind (the caller's saved sp is fslot). */
#define FAST_PY_CALL()                                                                         \
    do {                                                                                       \
        if (IS_OBJ(callable) && AS_OBJ(callable)->type == &ou_function_type &&                 \
            !vm.interrupted && !(gc_pending && gc_enabled) &&                                  \
            simple_call_ok((OuFunction *)AS_OBJ(callable), cnargs)) {                          \
            move_args(vm.stack_top, cargs, cnargs);                                            \
            VmFrame *nf_ = push_simple_frame(frame, (OuFunction *)AS_OBJ(callable), cnargs,    \
                                             OU_UNDEF);                                        \
            frame->ip = (int32_t)(ip - code0);                                                 \
            frame->sp = fslot;                                                                 \
            frame = nf_;                                                                       \
            LOAD_FRAME();                                                                      \
            DISPATCH();                                                                        \
        }                                                                                      \
    } while (0)
    CASE(CALL) {
        cnargs = ARG;
        cargs = sp - cnargs;
        fslot = cargs - 1;
        callable = *fslot;
        FAST_PY_CALL();
        ckw = OU_UNDEF;
        *fslot = OU_UNDEF;
        goto call_common;
    }
    CASE(CALL_KW) {
        ckw = POP();
        ou_decref(ckw); /* a constant: co->consts keeps it alive */
        cargs = sp - ARG;
        cnargs = ARG - (int)AS_TUPLE(ckw)->len;
        fslot = cargs - 1;
        callable = *fslot;
        *fslot = OU_UNDEF;
        goto call_common;
    }
    CASE(CALL_METHOD) {
        cnargs = ARG;
        ckw = OU_UNDEF;
        fslot = sp - cnargs - 2;
        goto call_method;
    }
    CASE(CALL_METHOD_KW) {
        ckw = POP();
        ou_decref(ckw);
        cnargs = ARG - (int)AS_TUPLE(ckw)->len;
        fslot = sp - ARG - 2;
    call_method:
        callable = fslot[0];
        if (IS_UNDEF(fslot[1])) {
            cargs = fslot + 2;
        } else {
            cargs = fslot + 1;
            cnargs++;
        }
        if (IS_UNDEF(ckw)) FAST_PY_CALL(); /* a method found on the type, self first */
        fslot[0] = OU_UNDEF;
        goto call_common;
    }
    CASE(CALL_EX) {
        Value kwargs = (ARG & 1) ? POP() : OU_UNDEF;
        Value args = TOP();
        Value f = SECOND();
        if (!IS_TUPLE(args)) {
            if (not_iterable(args)) {
                Value fs = func_str(f);
                if (!IS_ERR(fs)) {
                    ou_err_format(ou_TypeError, "%U argument after * must be an iterable, not %s",
                                  fs, OU_TYPE_NAME(args));
                    ou_decref(fs);
                }
                ou_xdecref(kwargs);
                goto error;
            }
            Value t = ou_sequence_tuple(args);
            if (IS_ERR(t)) {
                ou_xdecref(kwargs);
                goto error;
            }
            sp[-1] = t;
            ou_decref(args);
            args = t;
        }
        if (!IS_UNDEF(kwargs) && !IS_DICT(kwargs)) {
            Value d = ou_dict_new();
            if (IS_ERR(d) || dict_merge(d, kwargs, true, f) < 0) {
                ou_xdecref(d);
                ou_decref(kwargs);
                goto error;
            }
            ou_decref(kwargs);
            kwargs = d;
        }
        /* A bound Python method (super().__init__(*a, **k), wrappers) becomes a call of its
         * function with self prepended, so that it too runs without C recursion. */
        Value callee = f;
        if (ou_is_type(f, &ou_method_type) &&
            ou_is_type(((OuMethod *)AS_OBJ(f))->func, &ou_function_type)) {
            OuTuple *at = AS_TUPLE(args);
            Value t = ou_tuple_new(at->len + 1);
            if (IS_ERR(t)) {
                ou_xdecref(kwargs);
                goto error;
            }
            ou_tuple_set_steal(t, 0, ou_newref(((OuMethod *)AS_OBJ(f))->self));
            for (int64_t i = 0; i < at->len; i++) ou_tuple_set_steal(t, i + 1, ou_newref(at->items[i]));
            sp[-1] = t;
            ou_decref(args);
            args = t;
            callee = ((OuMethod *)AS_OBJ(f))->func;
        }
        Value small[16], *buf, kwnames;
        int n;
        if (flatten_call_ex(f, args, kwargs, small, 16, &buf, &n, &kwnames) < 0) {
            ou_xdecref(kwargs);
            goto error;
        }
        if (vm.interrupted) {
            if (buf != small) ou_mem_free(buf);
            ou_xdecref(kwnames);
            ou_xdecref(kwargs);
            vm_raise_interrupt();
            goto error;
        }
        if (ou_is_type(callee, &ou_function_type)) {
            VmFrame *nf = vm_frame_push_call((OuFunction *)AS_OBJ(callee), buf, n, kwnames, OU_UNDEF);
            if (buf != small) ou_mem_free(buf);
            ou_xdecref(kwnames);
            ou_xdecref(kwargs);
            sp -= 2;
            ou_decref(args);
            ou_decref(f);
            if (!nf) goto error;
            SAVE_FRAME();
            frame = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        Value r = ou_call(f, buf, n, kwnames);
        if (buf != small) ou_mem_free(buf);
        ou_xdecref(kwnames);
        ou_xdecref(kwargs);
        sp -= 2;
        ou_decref(args);
        ou_decref(f);
        if (IS_ERR(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    CASE(RETURN_VALUE) {
        /* Only vm_frame_pop reads the returning frame's saved ip and sp: the inline path
         * below pops with the loop's own sp and writes nothing back to the dying frame. */
        Value r = POP();
        if (frame == entry) {
            SAVE_FRAME();
            vm_frame_pop(frame);
            return r;
        }
        VmFrame *back = frame->back;
        bool init = frame->locals == VM_LOCALS_INIT;
        if (frame->func && frame->nblocks == 0 && IS_UNDEF(frame->handled_exc) &&
            !IS_OBJ(frame->locals)) {
            /* vm_frame_pop for the common function frame, with the same order: references
             * are dropped while the frame still owns its window. */
            int32_t nslots = co->nslots;
            for (int32_t i = 0; i < nslots; i++) ou_xdecref(fast[i]);
            while (sp > frame->stackbase) {
                Value v = POP();
                ou_xdecref(v);
            }
            ou_decref(MK_OBJ(frame->func));
            vm.frame = back;
            vm.depth--;
            vm.stack_top = frame->base;
        } else {
            SAVE_FRAME();
            vm_frame_pop(frame);
        }
        frame = back;
        LOAD_FRAME();
        if (init) {
            if (!IS_NONE(r)) {
                ou_err_format(ou_TypeError, "__init__() should return None, not '%s'",
                              OU_TYPE_NAME(r));
                ou_decref(r);
                goto error;
            }
        } else {
            PUSH(r);
        }
        DISPATCH();
    }
    CASE(MAKE_CLASS) {
        int n = ARG;
        Value *p = sp - n - 2;
        SAVE_FRAME();
        Value cls = vm_build_class(p[0], p[1], p + 2, n, NULL, OU_UNDEF, frame->globals);
        while (sp > p) {
            Value v = POP();
            ou_decref(v);
        }
        if (IS_ERR(cls)) goto error;
        PUSH(cls);
        DISPATCH();
    }
    CASE(MAKE_CLASS_KW) {
        Value kwnames = TOP();
        int nkw = (int)AS_TUPLE(kwnames)->len, n = ARG - nkw;
        Value *p = sp - ARG - 3;
        SAVE_FRAME();
        Value cls = vm_build_class(p[0], p[1], p + 2, n, p + 2 + n, kwnames, frame->globals);
        while (sp > p) {
            Value v = POP();
            ou_decref(v);
        }
        if (IS_ERR(cls)) goto error;
        PUSH(cls);
        DISPATCH();
    }
    CASE(SETUP_EXCEPT) {
        VmBlock *b = &frame->blocks[frame->nblocks++];
        b->kind = VM_BLOCK_SETUP;
        b->handler = ARG;
        b->level = (int32_t)(sp - frame->stackbase);
        b->saved_exc = OU_UNDEF;
        DISPATCH();
    }
    CASE(SETUP_WITH) {
        VmBlock *b = &frame->blocks[frame->nblocks++];
        b->kind = VM_BLOCK_SETUP;
        b->handler = ARG;
        b->level = (int32_t)(sp - 1 - frame->stackbase);
        b->saved_exc = OU_UNDEF;
        DISPATCH();
    }
    CASE(POP_BLOCK) {
        frame->nblocks--;
        DISPATCH();
    }
    CASE(PUSH_EXC_INFO) {
        VmBlock *b = &frame->blocks[frame->nblocks++];
        b->kind = VM_BLOCK_EXCEPT_HANDLER;
        b->handler = -1;
        b->level = (int32_t)(sp - frame->stackbase);
        b->saved_exc = frame->handled_exc;
        frame->handled_exc = ou_newref(TOP());
        DISPATCH();
    }
    CASE(POP_EXCEPT) {
        VmBlock *b = &frame->blocks[--frame->nblocks];
        Value old = frame->handled_exc;
        frame->handled_exc = b->saved_exc;
        ou_xdecref(old);
        DISPATCH();
    }
    CASE(JUMP_IF_NOT_EXC_MATCH) {
        Value spec = POP();
        Value exc = TOP();
        bool ok = true;
        if (IS_TUPLE(spec)) {
            for (int64_t i = 0; i < AS_TUPLE(spec)->len && ok; i++) {
                Value s = AS_TUPLE(spec)->items[i];
                ok = IS_OBJ(s) && ou_instance_of(s, &ou_type_type) &&
                     ou_is_subtype(AS_TYPE(s), ou_BaseException);
            }
        } else {
            ok = IS_OBJ(spec) && ou_instance_of(spec, &ou_type_type) &&
                 ou_is_subtype(AS_TYPE(spec), ou_BaseException);
        }
        if (!ok) {
            ou_decref(spec);
            ou_err_format(ou_TypeError,
                          "catching classes that do not inherit from BaseException is not allowed");
            goto error;
        }
        bool m = ou_exc_matches(exc, spec);
        ou_decref(spec);
        if (!m) ip = code0 + ARG;
        DISPATCH();
    }
    CASE(RAISE) {
        if (ARG == 0) {
            Value e = vm_handled_exception();
            if (IS_UNDEF(e)) {
                ou_err_format(ou_RuntimeError, "No active exception to reraise");
                goto error;
            }
            ou_incref(e);
            ou_err_restore(e);
            SAVE_FRAME();
            goto exception_unwind;
        }
        Value cause = ARG == 2 ? POP() : OU_UNDEF;
        Value exc = POP();
        do_raise(exc, cause);
        goto error;
    }
    CASE(RERAISE) {
        Value e = POP();
        ou_err_restore(e);
        SAVE_FRAME();
        goto exception_unwind;
    }
    CASE(BEFORE_WITH) {
        Value mgr = TOP();
        OuType *t = ou_typeof(mgr);
        Value enter = ou_type_lookup(t, name_enter);
        if (IS_UNDEF(enter)) {
            ou_err_format(ou_TypeError, "'%s' object does not support the context manager protocol",
                          t->name);
            goto error;
        }
        Value exitf = ou_type_lookup(t, name_exit);
        if (IS_UNDEF(exitf)) {
            ou_err_format(ou_TypeError,
                          "'%s' object does not support the context manager protocol (missed "
                          "__exit__ method)",
                          t->name);
            goto error;
        }
        Value bexit = bind_special(exitf, mgr);
        if (IS_ERR(bexit)) goto error;
        Value benter = bind_special(enter, mgr);
        if (IS_ERR(benter)) {
            ou_decref(bexit);
            goto error;
        }
        sp[-1] = bexit;
        ou_decref(mgr);
        Value r = ou_call0(benter);
        ou_decref(benter);
        if (IS_ERR(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
    CASE(WITH_EXIT) {
        Value exitf = POP();
        Value args[3] = {OU_NONE, OU_NONE, OU_NONE};
        Value r = ou_call(exitf, args, 3, OU_UNDEF);
        ou_decref(exitf);
        if (IS_ERR(r)) goto error;
        ou_decref(r);
        DISPATCH();
    }
    CASE(WITH_EXCEPT) {
        Value exc = TOP(), exitf = SECOND();
        Value tb = IS_OBJ(exc) && ou_instance_of(exc, ou_BaseException)
                       ? ((OuException *)AS_OBJ(exc))->traceback
                       : OU_NONE;
        Value args[3] = {MK_OBJ(ou_typeof(exc)), exc, IS_OBJ(tb) ? tb : OU_NONE};
        Value r = ou_call(exitf, args, 3, OU_UNDEF);
        if (IS_ERR(r)) goto error;
        int t = ou_truthy(r);
        ou_decref(r);
        if (t < 0) goto error;
        PUSH(MK_BOOL(t));
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR) {
        PUSH(ou_newref(MK_OBJ(ou_AssertionError)));
        DISPATCH();
    }
    CASE(IMPORT_NAME) {
        SAVE_FRAME();
        Value m = ou_import(names[ARG]);
        if (IS_ERR(m)) goto error;
        PUSH(m);
        DISPATCH();
    }
    CASE(IMPORT_FROM) {
        Value v = import_from(TOP(), names[ARG]);
        if (IS_ERR(v)) goto error;
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR) {
        Value m = POP();
        Value ns = IS_OBJ(frame->locals) ? frame->locals : frame->globals;
        int r = import_star(m, ns);
        ou_decref(m);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(PRINT_EXPR) {
        Value v = POP();
        int r = print_expr(v);
        ou_decref(v);
        if (r < 0) goto error;
        DISPATCH();
    }
    CASE(SETUP_ANNOTATIONS) {
        Value ns = IS_OBJ(frame->locals) ? frame->locals : frame->globals;
        Value a = ou_dict_get_str(ns, "__annotations__");
        if (IS_UNDEF(a)) {
            Value d = ou_dict_new();
            if (IS_ERR(d)) goto error;
            int r = ou_dict_set_str(ns, "__annotations__", d);
            ou_decref(d);
            if (r < 0) goto error;
        }
        DISPATCH();
    }

    /* Superinstructions (vm/opcodes.h): ip points at the second instruction of the group. */
    CASE(LOAD_FAST_LOAD_FAST) {
        Value v = fast[ARG], u = fast[OU_ARG(*ip)];
        if (IS_UNDEF(v)) {
            unbound_local(co, ARG);
            goto error;
        }
        ou_incref(v);
        PUSH(v);
        if (!IS_UNDEF(u)) { /* else the LOAD_FAST that follows raises */
            ou_incref(u);
            PUSH(u);
            ip++;
        }
        DISPATCH();
    }
    CASE(STORE_FAST_LOAD_FAST) {
        Value old = fast[ARG];
        fast[ARG] = POP();
        ou_xdecref(old);
        Value u = fast[OU_ARG(*ip)];
        if (!IS_UNDEF(u)) {
            ou_incref(u);
            PUSH(u);
            ip++;
        }
        DISPATCH();
    }
    CASE(BINARY_OP_SMALLINT) {
        Value a = TOP();
        int64_t k = (int64_t)ARG - 0x800000, z;
        int op = (int)(OU_ARG(*ip) & ~OU_BIN_INPLACE);
        if (IS_SMALLINT(a)) {
            if (smallint_binop(op, AS_SMALLINT(a), k, &z) && SMALLINT_FITS(z)) {
                sp[-1] = MK_SMALLINT(z);
                ip++;
                DISPATCH();
            }
        } else if (IS_FLOAT(a) && (op == OU_BIN_ADD || op == OU_BIN_SUB || op == OU_BIN_MUL ||
                                   (op == OU_BIN_TRUEDIV && k != 0))) {
            /* k converts to double exactly (|k| < 2^23), as Python converts it. */
            double x = AS_FLOAT(a), y = (double)k;
            sp[-1] = mk_float(op == OU_BIN_ADD ? x + y : op == OU_BIN_SUB ? x - y
                              : op == OU_BIN_MUL ? x * y : x / y);
            ip++;
            DISPATCH();
        }
        PUSH(MK_SMALLINT(k)); /* the BINARY_OP that follows does the rest */
        DISPATCH();
    }
    CASE(BINARY_SUBSCR_SMALLINT) {
        Value o = TOP();
        int64_t k = (int64_t)ARG - 0x800000;
        Value v = exact_seq_item(o, k);
        if (!IS_UNDEF(v)) {
            ou_incref(v);
            sp[-1] = v;
            ip++;
            ou_decref(o);
            DISPATCH();
        }
        PUSH(MK_SMALLINT(k)); /* the BINARY_SUBSCR that follows does the rest */
        DISPATCH();
    }
    CASE(LOAD_FAST_SUBSCR_SMALLINT) {
        /* `local[k]` with a constant k: the item of an exact list or tuple in range, without
         * the local's reference being taken; otherwise LOAD_FAST alone, and the
         * BINARY_SUBSCR_SMALLINT that follows does the rest. */
        Value o = fast[ARG];
        if (IS_UNDEF(o)) {
            unbound_local(co, ARG);
            goto error;
        }
        Value v = exact_seq_item(o, (int64_t)OU_ARG(*ip) - 0x800000);
        if (!IS_UNDEF(v)) {
            ou_incref(v);
            PUSH(v);
            ip += 2;
            DISPATCH();
        }
        ou_incref(o);
        PUSH(o);
        DISPATCH();
    }
    CASE(LOAD_FAST_LOAD_ATTR) {
        /* `local.name` found in a compact instance's slot (LOAD_ATTR's first case, with the
         * cache of the LOAD_ATTR that follows): the local's reference is never taken. */
        Value o = fast[ARG];
        if (IS_UNDEF(o)) {
            unbound_local(co, ARG);
            goto error;
        }
        if (IS_OBJ(o) && co->attr_caches) {
            AttrCache *ac = attr_cache(co, ip + 1);
            OuObject *ob = AS_OBJ(o);
            if (ac->kind == AC_SLOT && ac_shape_type_ok(ac, ob->type) &&
                ((OuInstance *)ob)->dict == VM_MK_SHAPE(ac->shape)) {
                Value v = ((OuInstance *)ob)->slots[ac->hint];
                ou_incref(v);
                PUSH(v);
                ip++;
                DISPATCH();
            }
        }
        ou_incref(o);
        PUSH(o); /* the LOAD_ATTR that follows does the rest */
        DISPATCH();
    }
    CASE(LOAD_FAST_STORE_ATTR) {
        /* `local.name = v` into a compact instance's slot, existing (AC_SLOT) or added where
         * the instance has room (AC_ADD), as STORE_ATTR's first cases do with the cache of the
         * STORE_ATTR that follows; the local's reference is never taken. */
        Value o = fast[ARG], v = TOP();
        if (IS_UNDEF(o)) {
            unbound_local(co, ARG);
            goto error;
        }
        if (IS_OBJ(o) && co->attr_caches) {
            AttrCache *ac = attr_cache(co, ip + 1);
            OuObject *ob = AS_OBJ(o);
            if ((ac->kind == AC_SLOT || ac->kind == AC_ADD) && ac_shape_type_ok(ac, ob->type) &&
                ((OuInstance *)ob)->dict == VM_MK_SHAPE(ac->shape)) {
                OuInstance *in = (OuInstance *)ob;
                int32_t h = ac->hint;
                if (ac->kind == AC_SLOT) {
                    Value old = in->slots[h];
                    in->slots[h] = v; /* the stack's reference moves into the slot */
                    sp--;
                    ip++;
                    ou_decref(old);
                    DISPATCH();
                }
                if ((uint32_t)h < ob->aux) {
                    in->slots[h] = v;
                    in->dict = ac->value;
                    sp--;
                    ip++;
                    DISPATCH();
                }
            }
        }
        ou_incref(o);
        PUSH(o); /* the STORE_ATTR that follows does the rest */
        DISPATCH();
    }
    CASE(UNPACK2_STORE_FAST) {
        /* `a, b = t` for an exact tuple or list of two into locals: the items go straight to
         * the locals, in UNPACK_SEQUENCE's and then the STORE_FASTs' order (the sequence is
         * released first, then each local's old value as it is replaced). */
        Value seq = TOP();
        Value *items = NULL;
        if (IS_TUPLE(seq) && AS_TUPLE(seq)->len == 2) items = AS_TUPLE(seq)->items;
        else if (IS_LIST(seq) && AS_LIST(seq)->len == 2) items = AS_LIST(seq)->items;
        if (items) {
            Value a = ou_newref(items[0]), b = ou_newref(items[1]);
            int32_t ia = (int32_t)OU_ARG(ip[0]), ib = (int32_t)OU_ARG(ip[1]);
            sp--;
            ip += 2;
            ou_decref(seq);
            Value old = fast[ia];
            fast[ia] = a;
            ou_xdecref(old);
            old = fast[ib];
            fast[ib] = b;
            ou_xdecref(old);
            DISPATCH();
        }
        goto unpack_sequence; /* the STORE_FASTs that follow store what it pushes */
    }
    CASE(SUBSCR_SMALLINT_DUP) {
        /* The read half of `o[k] op= v` on an exact list or tuple: o stays below k and the item,
         * for ROT_THREE_STORE_SUBSCR (its duplicate, which DUP_TOP_TWO would have made and
         * BINARY_SUBSCR released, is never made). */
        Value o = TOP();
        int64_t k = (int64_t)ARG - 0x800000;
        Value v = exact_seq_item(o, k);
        if (!IS_UNDEF(v)) {
            ou_incref(v);
            sp[0] = MK_SMALLINT(k);
            sp[1] = v;
            sp += 2;
            ip += 2;
            DISPATCH();
        }
        PUSH(MK_SMALLINT(k)); /* DUP_TOP_TWO and BINARY_SUBSCR follow */
        DISPATCH();
    }
    CASE(ROT_THREE_STORE_SUBSCR) {
        /* The write half of `o[k] op= v`: an exact list and an index in range are stored to
         * directly, as STORE_SUBSCR's own fast path does; anything else rotates and lets
         * STORE_SUBSCR run. */
        Value v = sp[-1], k = sp[-2], o = sp[-3];
        if (IS_LIST(o) && IS_SMALLINT(k)) {
            OuList *l = AS_LIST(o);
            int64_t i = AS_SMALLINT(k);
            if (i < 0) i += l->len;
            if (i >= 0 && i < l->len) {
                Value old = l->items[i];
                l->items[i] = v;
                sp -= 3;
                ip++;
                ou_decref(old);
                ou_decref(o);
                DISPATCH();
            }
        }
        sp[-1] = k;
        sp[-2] = o;
        sp[-3] = v;
        DISPATCH();
    }
    CASE(COMPARE_SMALLINT_JUMP) {
        Value a = TOP();
        int64_t k = (int64_t)ARG - 0x800000;
        int op = (int)OU_ARG(*ip);
        if (IS_SMALLINT(a)) {
            jump_t = CMP_INT(op, AS_SMALLINT(a), k);
        } else if (IS_FLOAT(a)) {
            jump_t = CMP_BY_OP(op, AS_FLOAT(a), (double)k); /* exact: |k| < 2^23 */
        } else {
            PUSH(MK_SMALLINT(k)); /* the COMPARE_OP_JUMP that follows does the rest */
            DISPATCH();
        }
        sp--;
        ip++;
        goto compare_jump;
    }
    CASE(IS_OP_JUMP) {
        Value a = sp[-2], b = sp[-1];
        jump_t = (a == b) != (ARG == 1);
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        goto compare_jump;
    }
    CASE(CONTAINS_OP_JUMP) {
        Value a = sp[-2], b = sp[-1];
        int t = ou_contains(b, a);
        sp -= 2;
        ou_decref(a);
        ou_decref(b);
        if (t < 0) goto error;
        jump_t = t != (ARG == 1);
        goto compare_jump;
    }
    CASE(COMPARE_OP_JUMP) {
        Value a = sp[-2], b = sp[-1];
        int op = ARG;
        if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
            jump_t = CMP_INT(op, AS_SMALLINT(a), AS_SMALLINT(b));
        } else if ((IS_FLOAT(a) || IS_SMALLINT(a)) && (IS_FLOAT(b) || IS_SMALLINT(b))) {
            double x = IS_FLOAT(a) ? AS_FLOAT(a) : (double)AS_SMALLINT(a);
            double y = IS_FLOAT(b) ? AS_FLOAT(b) : (double)AS_SMALLINT(b);
            jump_t = CMP_BY_OP(op, x, y); /* exact, as in COMPARE_OP */
        } else {
            Value r;
            if ((op == OU_EQ || op == OU_NE) && IS_STR(a) && IS_STR(b)) {
                bool eq = a == b || ou_str_eq(a, b);
                r = MK_BOOL(op == OU_EQ ? eq : !eq);
            } else {
                r = ou_richcmp(a, b, op);
            }
            sp -= 2;
            ou_decref(a);
            ou_decref(b);
            if (IS_ERR(r)) goto error;
            if (!IS_BOOL(r)) { /* the jump that follows tests its truth */
                PUSH(r);
                DISPATCH();
            }
            jump_t = r == OU_TRUE;
            goto compare_jump;
        }
        sp -= 2;
    compare_jump:
        /* jump_t is the comparison's outcome; ip points at the POP_JUMP_IF_FALSE/TRUE. */
        w = *ip++;
        if (jump_t == (OU_OP(w) == OP_POP_JUMP_IF_TRUE)) COND_JUMP();
        DISPATCH();
    }

#if !OU_COMPUTED_GOTO
    default:
        ou_err_format(ou_RuntimeError, "bad opcode %d", (int)OU_OP(w));
        goto error;
    }
#endif

call_common:
    /* callable is owned here; [fslot, sp) holds the owned argument window (OU_UNDEF slots
     * allowed); cargs[-1] is a free slot, usable to prepend a bound self. */
    slot_free = true;
    if (vm.interrupted) {
        vm_raise_interrupt();
        goto call_fail;
    }
    gc_maybe_collect();
    {
        OuType *t = ou_typeof(callable);
        if (t == &ou_method_type) {
            OuMethod *m = (OuMethod *)AS_OBJ(callable);
            cargs[-1] = ou_newref(m->self);
            cargs--;
            cnargs++;
            slot_free = false;
            Value fn = ou_newref(m->func);
            ou_decref(callable);
            callable = fn;
            t = ou_typeof(callable);
        }
        if (t == &ou_function_type) {
            OuFunction *fn = (OuFunction *)AS_OBJ(callable);
            Value *base = vm.stack_top;
            /* The common call (simple_call_ok): the arguments move from the caller's stack
             * into the callee's locals (the window [fslot, cargs) holds only OU_UNDEF then),
             * as does the reference to the function. */
            if (IS_UNDEF(ckw) && simple_call_ok(fn, cnargs)) {
                move_args(base, cargs, cnargs);
                VmFrame *nf = push_simple_frame(frame, fn, cnargs, OU_UNDEF);
                frame->ip = (int32_t)(ip - code0);
                frame->sp = fslot;
                frame = nf;
                LOAD_FRAME();
                DISPATCH();
            }
            VmFrame *nf = vm_frame_push_call(fn, cargs, cnargs, ckw, OU_UNDEF);
            while (sp > fslot) {
                Value v = POP();
                ou_xdecref(v);
            }
            ou_decref(callable);
            if (!nf) goto error;
            frame->ip = (int32_t)(ip - code0);
            frame->sp = sp;
            frame = nf;
            LOAD_FRAME();
            DISPATCH();
        }
        if (t == &ou_type_type && slot_free) {
            /* Instantiating a class whose metaclass is type, with object's __new__ and a
             * Python __init__: allocate, then run __init__ as a frame of this loop (no C
             * recursion). The instance waits in the caller's result slot; RETURN_VALUE of the
             * VM_LOCALS_INIT frame checks for None and leaves it there. */
            OuType *ct = AS_TYPE(callable);
            /* Exception classes too, when BaseException's __new__ makes them: it takes the
             * call's arguments (they become e.args), as type_call passes them. */
            bool exc_new = (ct->flags & OU_TPFLAG_EXC) && ct->new == ou_BaseException->new;
            if ((ct->flags & OU_TPFLAG_HEAPTYPE) && (ct->new == ou_object_type.new || exc_new)) {
                /* The call instruction's own AttrCache (unused by calls otherwise) keeps the
                 * __init__ this class had: AC_INIT. */
                AttrCache *ac = attr_cache(co, ip);
                Value init;
                if (ac && ac->kind == AC_INIT && ac_valid(ac, ct)) {
                    init = ac->value;
                } else {
                    init = ou_type_lookup(ct, name_init);
                    if (ac && ac->kind != AC_METHOD) {
                        ac->kind = AC_INIT;
                        ac->type = ct;
                        ac->epoch = *om_type_epoch;
                        ac->tdver = AS_DICT(ct->dict)->version;
                        ac->value = init;
                    }
                }
                if (ou_is_type(init, &ou_function_type)) {
                    Value obj = exc_new ? ct->new(ct, cargs, cnargs, ckw)
                                        : ct->new(ct, NULL, 0, OU_UNDEF);
                    if (IS_ERR(obj)) goto call_fail;
                    OuFunction *ifn = (OuFunction *)AS_OBJ(init);
                    if (IS_UNDEF(ckw) && simple_call_ok(ifn, cnargs + 1)) {
                        /* As a simple call of __init__ with the instance prepended: the
                         * frame gets a reference to it, the caller's result slot the other. */
                        Value *base = vm.stack_top;
                        base[0] = ou_newref(obj);
                        for (int i = 0; i < cnargs; i++) base[i + 1] = cargs[i];
                        ou_incref(init);
                        VmFrame *nf = push_simple_frame(frame, ifn, cnargs + 1, VM_LOCALS_INIT);
                        sp = fslot; /* [fslot, cargs) was free, the arguments have moved */
                        ou_decref(callable);
                        PUSH(obj);
                        frame->ip = (int32_t)(ip - code0);
                        frame->sp = sp;
                        frame = nf;
                        LOAD_FRAME();
                        DISPATCH();
                    }
                    cargs[-1] = obj;
                    VmFrame *nf = vm_frame_push_call((OuFunction *)AS_OBJ(init), cargs - 1,
                                                     cnargs + 1, ckw, VM_LOCALS_INIT);
                    cargs[-1] = OU_UNDEF;
                    while (sp > fslot) {
                        Value v = POP();
                        ou_xdecref(v);
                    }
                    ou_decref(callable);
                    if (!nf) {
                        ou_decref(obj);
                        goto error;
                    }
                    PUSH(obj);
                    frame->ip = (int32_t)(ip - code0);
                    frame->sp = sp;
                    frame = nf;
                    LOAD_FRAME();
                    DISPATCH();
                }
            }
        }
        Value r;
        if (t == &ou_cfunction_type) {
            OuCFunction *cf = (OuCFunction *)AS_OBJ(callable);
            if (IS_UNDEF(cf->self)) {
                r = cf->fn(cargs, cnargs, ckw);
            } else if (slot_free) {
                cargs[-1] = ou_newref(cf->self);
                r = cf->fn(cargs - 1, cnargs + 1, ckw);
            } else {
                r = ou_call(callable, cargs, cnargs, ckw);
            }
        } else if (callable == MK_OBJ(&ou_str_type) && cnargs == 1 && IS_UNDEF(ckw)) {
            r = ou_to_str(cargs[0]); /* str(x), as type_call and str's __new__ would do it */
        } else {
            r = ou_call(callable, cargs, cnargs, ckw);
        }
        while (sp > fslot) {
            Value v = POP();
            ou_xdecref(v);
        }
        ou_decref(callable);
        if (IS_ERR(r)) goto error;
        PUSH(r);
        DISPATCH();
    }
call_fail:
    while (sp > fslot) {
        Value v = POP();
        ou_xdecref(v);
    }
    ou_decref(callable);
    goto error;

error:
    SAVE_FRAME();
    if (!ou_err_occurred())
        ou_err_format(ou_RuntimeError, "error return without exception set");
    vm_traceback_add(frame);
exception_unwind:
    /* frame->ip and frame->sp are current here. */
    sp = frame->sp;
    while (frame->nblocks > 0) {
        VmBlock *b = &frame->blocks[--frame->nblocks];
        if (b->kind == VM_BLOCK_EXCEPT_HANDLER) {
            Value old = frame->handled_exc;
            frame->handled_exc = b->saved_exc;
            ou_xdecref(old);
            continue;
        }
        Value *level = frame->stackbase + b->level;
        while (sp > level) {
            Value v = POP();
            ou_xdecref(v);
        }
        PUSH(ou_err_fetch());
        ip = code0 + b->handler;
        DISPATCH();
    }
    frame->sp = sp;
    vm_traceback_keep_locals(frame); /* the locals live on with the traceback, as in CPython */
    if (frame == entry) {
        vm_frame_pop(frame);
        return OU_ERR;
    }
    {
        VmFrame *back = frame->back;
        vm_frame_pop(frame);
        frame = back;
        LOAD_FRAME();
    }
    goto error;
}
