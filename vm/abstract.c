/* abstract.c: the abstract operations of include/ouro.h (repr, hash, comparison, arithmetic,
 * attributes, items, iteration, calls, isinstance). Each dispatches on the slots of the
 * operands' types; heap types have slot_* functions (vm/class.c) that call the dunders, so this
 * file never looks at a dunder except where CPython's protocol does (the reflected-operand
 * rules, __instancecheck__). Messages are CPython 3.11's, word for word.
 */
#include <stdlib.h>

#include "objmodel.h"

#define NOT_IMPL(v) ((v) == ou_NotImplemented)

/* ---- calls ------------------------------------------------------------------------------ */

static int nkwargs(Value kwnames) { return IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len; }

Value ou_call(Value f, Value *args, int nargs, Value kwnames) {
    if (IS_OBJ(f)) {
        OuType *t = AS_OBJ(f)->type;
        if (t == &ou_function_type)
            return vm_call_function((OuFunction *)AS_OBJ(f), args, nargs, kwnames);
        if (t->call) return t->call(f, args, nargs, kwnames);
    }
    return ou_err_format(ou_TypeError, "'%s' object is not callable", OU_TYPE_NAME(f));
}

Value ou_call0(Value f) { return ou_call(f, NULL, 0, OU_UNDEF); }
Value ou_call1(Value f, Value a) { return ou_call(f, &a, 1, OU_UNDEF); }
Value ou_call2(Value f, Value a, Value b) {
    Value args[2] = {a, b};
    return ou_call(f, args, 2, OU_UNDEF);
}

Value om_call_self(Value func, Value self, Value *args, int nargs, Value kwnames) {
    Value buf[8];
    int total = nargs + nkwargs(kwnames);
    Value *a = buf;
    if (total + 1 > 8) {
        a = ou_mem_alloc((size_t)(total + 1) * sizeof(Value));
        if (!a) return OU_ERR;
    }
    a[0] = self;
    if (total) memcpy(a + 1, args, (size_t)total * sizeof(Value));
    Value r = ou_call(func, a, nargs + 1, kwnames);
    if (a != buf) ou_mem_free(a);
    return r;
}

Value om_call_special(Value self, Value name, Value *args, int nargs) {
    OuType *t = ou_typeof(self);
    Value f = om_lookup(t, name, NULL);
    if (IS_UNDEF(f)) return OU_UNDEF;
    OuType *ft = ou_typeof(f);
    Value r;
    ou_incref(f); /* the class dict may change while the method runs */
    if (ft == &ou_function_type ||
        (ft == &ou_cfunction_type && IS_UNDEF(((OuCFunction *)AS_OBJ(f))->self))) {
        r = om_call_self(f, self, args, nargs, OU_UNDEF);
    } else if (ft->descr_get) {
        Value bound = ft->descr_get(f, self, MK_OBJ(t));
        if (IS_ERR(bound)) {
            ou_decref(f);
            return OU_ERR;
        }
        r = ou_call(bound, args, nargs, OU_UNDEF);
        ou_decref(bound);
    } else {
        r = ou_call(f, args, nargs, OU_UNDEF);
    }
    ou_decref(f);
    return r;
}

Value ou_call_tuple_dict(Value f, Value args, Value kwargs) {
    if (!IS_TUPLE(args)) return ou_err_format(ou_TypeError, "argument list must be a tuple");
    int nargs = (int)AS_TUPLE(args)->len;
    if (IS_UNDEF(kwargs) || IS_NONE(kwargs) || AS_DICT(kwargs)->count == 0)
        return ou_call(f, AS_TUPLE(args)->items, nargs, OU_UNDEF);
    int nkw = (int)AS_DICT(kwargs)->count;
    Value *a = ou_mem_alloc((size_t)(nargs + nkw) * sizeof(Value));
    if (!a) return OU_ERR;
    Value names = ou_tuple_new(nkw);
    if (IS_ERR(names)) {
        ou_mem_free(a);
        return OU_ERR;
    }
    memcpy(a, AS_TUPLE(args)->items, (size_t)nargs * sizeof(Value));
    int64_t pos = 0;
    int i = 0;
    Value k, v;
    while (ou_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
        if (!IS_STR(k)) {
            /* Fill the rest so the tuple can be released safely. */
            for (int j = i; j < nkw; j++) ou_tuple_set_steal(names, j, OU_NONE);
            ou_decref(names);
            ou_mem_free(a);
            return ou_err_format(ou_TypeError, "keywords must be strings");
        }
        ou_tuple_set_steal(names, i, ou_newref(k));
        a[nargs + i] = v;
        i++;
    }
    for (int j = i; j < nkw; j++) ou_tuple_set_steal(names, j, OU_NONE);
    Value r = ou_call(f, a, nargs, names);
    ou_decref(names);
    ou_mem_free(a);
    return r;
}

/* C callers name methods with string literals; remembering the interned str per literal
 * address saves a hash of the name on every call. */
static Value cstr_name(const char *name) {
    enum { N = 64 };
    static const char *keys[N];
    static Value vals[N];
    uintptr_t h = ((uintptr_t)name >> 3) % N;
    /* The text is compared too: a caller may pass a reused buffer rather than a literal. */
    if (keys[h] == name && strcmp(ou_str_data(vals[h]), name) == 0) return vals[h];
    Value s = ou_str_intern(name);
    if (IS_ERR(s)) return OU_ERR;
    /* The intern table keeps the string alive until vm_fini_str: the cache borrows it. */
    ou_decref(s);
    keys[h] = name;
    vals[h] = s;
    return s;
}

Value ou_call_method(Value obj, const char *name, Value *args, int nargs) {
    Value n = cstr_name(name);
    if (IS_ERR(n)) return OU_ERR;
    OuType *t = ou_typeof(obj);
    /* Special methods are looked up on the type only, as CPython does (so format(int) finds
     * type's __format__, not int's unbound one). */
    if (name[0] == '_' && name[1] == '_') {
        Value r = om_call_special(obj, n, args, nargs);
        if (!IS_UNDEF(r)) return r;
    }
    /* Fast path: a plain function found on the type and not shadowed by the instance dict is
     * called with obj prepended, without creating a bound method. */
    if (t->getattr == ou_generic_getattr) {
        Value f = om_lookup(t, n, NULL);
        if (!IS_UNDEF(f) && ou_typeof(f) == &ou_function_type) {
            Value *dp = om_dictptr(obj);
            if (!dp || (VM_IS_SHAPE(*dp) ? vm_shape_index(VM_AS_SHAPE(*dp), n) < 0
                                         : !IS_OBJ(*dp) || IS_UNDEF(ou_dict_get(*dp, n)))) {
                ou_incref(f);
                Value r = om_call_self(f, obj, args, nargs, OU_UNDEF);
                ou_decref(f);
                return r;
            }
        }
    }
    Value m = ou_getattr(obj, n);
    if (IS_ERR(m)) return OU_ERR;
    Value r = ou_call(m, args, nargs, OU_UNDEF);
    ou_decref(m);
    return r;
}

/* ---- repr, str, hash ---------------------------------------------------------------------- */

Value ou_repr(Value v) {
    /* int's repr neither recurses nor returns a non-str: no guard for the commonest case. */
    if (IS_SMALLINT(v)) return ou_int_type.repr(v);
    OuType *t = ou_typeof(v);
    if (!t->repr) return om_object_repr(v);
    if (ou_enter_recursive_call(" while getting the repr of an object") < 0) return OU_ERR;
    Value r = t->repr(v);
    ou_leave_recursive_call();
    if (IS_ERR(r)) return OU_ERR;
    if (!IS_STR(r) && !ou_instance_of(r, &ou_str_type)) {
        Value e = ou_err_format(ou_TypeError, "__repr__ returned non-string (type %s)",
                                OU_TYPE_NAME(r));
        ou_decref(r);
        return e;
    }
    return r;
}

Value ou_to_str(Value v) {
    if (IS_STR(v)) return ou_newref(v);
    if (IS_SMALLINT(v)) return ou_int_type.repr(v);
    OuType *t = ou_typeof(v);
    if (!t->str) return ou_repr(v);
    if (ou_enter_recursive_call(" while getting the str of an object") < 0) return OU_ERR;
    Value r = t->str(v);
    ou_leave_recursive_call();
    if (IS_ERR(r)) return OU_ERR;
    if (!IS_STR(r) && !ou_instance_of(r, &ou_str_type)) {
        Value e = ou_err_format(ou_TypeError, "__str__ returned non-string (type %s)",
                                OU_TYPE_NAME(r));
        ou_decref(r);
        return e;
    }
    return r;
}

int64_t ou_hash(Value v) {
    if (IS_STR(v)) return ou_str_hash(v);
    OuType *t = ou_typeof(v);
    if (!t->hash) {
        ou_err_format(ou_TypeError, "unhashable type: '%s'", t->name);
        return -1;
    }
    return t->hash(v);
}

/* ---- comparison --------------------------------------------------------------------------- */

static const int swapped_op[] = {OU_GT, OU_GE, OU_EQ, OU_NE, OU_LT, OU_LE};
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

static Value richcmp_slow(Value a, Value b, int op) {
    OuType *ta = ou_typeof(a), *tb = ou_typeof(b);
    bool checked_reverse = false;
    Value r;
    if (ta != tb && tb->richcmp && ou_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->richcmp(b, a, swapped_op[op]);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    if (ta->richcmp) {
        r = ta->richcmp(a, b, op);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    if (!checked_reverse && tb->richcmp) {
        r = tb->richcmp(b, a, swapped_op[op]);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    if (op == OU_EQ) return MK_BOOL(a == b);
    if (op == OU_NE) return MK_BOOL(a != b);
    return ou_err_format(ou_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                         cmp_symbols[op], ta->name, tb->name);
}

Value ou_richcmp(Value a, Value b, int op) {
    if (IS_SMALLINT(a) && IS_SMALLINT(b)) {
        int64_t x = AS_SMALLINT(a), y = AS_SMALLINT(b);
        switch (op) {
        case OU_LT: return MK_BOOL(x < y);
        case OU_LE: return MK_BOOL(x <= y);
        case OU_EQ: return MK_BOOL(x == y);
        case OU_NE: return MK_BOOL(x != y);
        case OU_GT: return MK_BOOL(x > y);
        default: return MK_BOOL(x >= y);
        }
    }
    if (IS_FLOAT(a) && IS_FLOAT(b)) {
        double x = AS_FLOAT(a), y = AS_FLOAT(b);
        switch (op) {
        case OU_LT: return MK_BOOL(x < y);
        case OU_LE: return MK_BOOL(x <= y);
        case OU_EQ: return MK_BOOL(x == y);
        case OU_NE: return MK_BOOL(x != y);
        case OU_GT: return MK_BOOL(x > y);
        default: return MK_BOOL(x >= y);
        }
    }
    if (ou_enter_recursive_call(" in comparison") < 0) return OU_ERR;
    Value r = richcmp_slow(a, b, op);
    ou_leave_recursive_call();
    return r;
}

int ou_richcmp_bool(Value a, Value b, int op) {
    /* Identity implies equality for containers (CPython's PyObject_RichCompareBool). */
    if (a == b && IS_OBJ(a)) {
        if (op == OU_EQ) return 1;
        if (op == OU_NE) return 0;
    }
    Value r = ou_richcmp(a, b, op);
    if (IS_ERR(r)) return -1;
    if (r == OU_TRUE) return 1;
    if (r == OU_FALSE) return 0;
    int t = ou_truthy(r);
    ou_decref(r);
    return t;
}

int ou_equal(Value a, Value b) {
    if (a == b && !IS_FLOAT(a)) return 1;
    if (IS_STR(a) && IS_STR(b)) return ou_str_eq(a, b);
    return ou_richcmp_bool(a, b, OU_EQ);
}

/* ---- truth, length ------------------------------------------------------------------------ */

int ou_truthy(Value v) {
    if (v == OU_TRUE) return 1;
    if (v == OU_FALSE || v == OU_NONE) return 0;
    if (IS_SMALLINT(v)) return AS_SMALLINT(v) != 0;
    if (IS_FLOAT(v)) return AS_FLOAT(v) != 0.0;
    OuType *t = ou_typeof(v);
    if (t->truth) return t->truth(v);
    if (t->len) {
        int64_t n = t->len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int64_t ou_len(Value v) {
    OuType *t = ou_typeof(v);
    if (!t->len) {
        ou_err_format(ou_TypeError, "object of type '%s' has no len()", t->name);
        return -1;
    }
    return t->len(v);
}

/* ---- arithmetic --------------------------------------------------------------------------- */

const char *const om_binop_symbols[OU_BIN_COUNT] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
};

/* CPython's binary_op1: the left operand's slot, unless the right operand's type is a proper
 * subclass of the left's, whose reflected method then goes first. Slots receive the operands
 * in expression order; `reflected` tells a slot it was reached as the right operand. */
static Value binop1(Value a, Value b, int op) {
    OuType *ta = ou_typeof(a), *tb = ou_typeof(b);
    Value (*slotv)(Value, Value, int, bool) = ta->binop;
    Value (*slotw)(Value, Value, int, bool) = ta != tb ? tb->binop : NULL;
    Value r;
    if (slotv) {
        if (slotw && ou_is_subtype(tb, ta)) {
            r = slotw(a, b, op, true);
            if (!NOT_IMPL(r)) return r;
            ou_decref(r);
            slotw = NULL;
        }
        r = slotv(a, b, op, false);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    if (slotw) {
        r = slotw(a, b, op, true);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    return ou_NotImplemented;
}

Value ou_binop(Value a, Value b, int op) {
    int base = op & ~OU_BIN_INPLACE;
    Value r;
    if (base == OU_BIN_ADD || base == OU_BIN_MUL) {
        /* In CPython str, list and tuple implement + and * as sequence concatenation and
         * repetition, tried only after both operands' numeric slots; so the right operand's
         * __radd__/__rmul__ runs before their "can only concatenate" errors. */
        OuType *ta = ou_typeof(a), *tb = ou_typeof(b);
        if ((ta == &ou_str_type || ta == &ou_list_type || ta == &ou_tuple_type) &&
            om_is_heap(tb) && tb->binop && !ou_is_subtype(tb, ta)) {
            r = tb->binop(a, b, base, true);
            if (!NOT_IMPL(r)) return r;
            ou_decref(r);
        }
    }
    if (op & OU_BIN_INPLACE) {
        OuType *ta = ou_typeof(a);
        if (ta->binop) {
            r = ta->binop(a, b, op, false);
            if (!NOT_IMPL(r)) return r;
            ou_decref(r);
        }
    }
    r = binop1(a, b, base);
    if (!NOT_IMPL(r)) return r;
    const char *eq = (op & OU_BIN_INPLACE) ? "=" : "";
    if (base == OU_BIN_POW && !(op & OU_BIN_INPLACE))
        return ou_err_format(ou_TypeError,
                             "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                             OU_TYPE_NAME(a), OU_TYPE_NAME(b));
    return ou_err_format(ou_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                         om_binop_symbols[base], eq, OU_TYPE_NAME(a), OU_TYPE_NAME(b));
}

Value ou_unaryop(Value a, int op) {
    OuType *t = ou_typeof(a);
    if (t->unaryop) {
        Value r = t->unaryop(a, op);
        if (!NOT_IMPL(r)) return r;
        ou_decref(r);
    }
    static const char *const sym[] = {"-", "+", "~"};
    return ou_err_format(ou_TypeError, "bad operand type for unary %s: '%s'", sym[op], t->name);
}

/* ---- attributes --------------------------------------------------------------------------- */

static int check_name(Value name) {
    if (IS_STR(name)) return 0;
    ou_err_format(ou_TypeError, "attribute name must be string, not '%s'", OU_TYPE_NAME(name));
    return -1;
}

Value ou_getattr(Value o, Value name) {
    if (check_name(name) < 0) return OU_ERR;
    OuType *t = ou_typeof(o);
    if (t->getattr && t->getattr != ou_generic_getattr) return t->getattr(o, name);
    return om_generic_getattr_opt(o, name, false);
}

Value ou_getattr_cstr(Value o, const char *name) {
    Value n = cstr_name(name);
    if (IS_ERR(n)) return OU_ERR;
    return ou_getattr(o, n);
}

Value ou_getattr_opt(Value o, Value name) {
    if (check_name(name) < 0) return OU_ERR;
    OuType *t = ou_typeof(o);
    if (!t->getattr || t->getattr == ou_generic_getattr)
        return om_generic_getattr_opt(o, name, true);
    Value r = t->getattr(o, name);
    if (IS_ERR(r) && ou_err_matches(ou_AttributeError)) {
        ou_err_clear();
        return OU_UNDEF;
    }
    return r;
}

int ou_hasattr(Value o, Value name) {
    Value r = ou_getattr_opt(o, name);
    if (IS_ERR(r)) return -1;
    if (IS_UNDEF(r)) return 0;
    ou_decref(r);
    return 1;
}

int ou_setattr(Value o, Value name, Value v) {
    if (check_name(name) < 0) return -1;
    OuType *t = ou_typeof(o);
    if (t->setattr) return t->setattr(o, name, v);
    return ou_generic_setattr(o, name, v);
}

/* ---- items -------------------------------------------------------------------------------- */

Value ou_getitem(Value o, Value key) {
    OuType *t = ou_typeof(o);
    if (t->getitem) return t->getitem(o, key);
    if (ou_is_subtype(t, &ou_type_type)) {
        /* Generic aliases: Class[item] calls __class_getitem__ when the class defines it. */
        if (om_names_init() < 0) return OU_ERR;
        Value f = om_lookup(AS_TYPE(o), om.class_getitem, NULL);
        if (!IS_UNDEF(f)) {
            Value m = ou_getattr(o, om.class_getitem);
            if (IS_ERR(m)) return OU_ERR;
            Value r = ou_call1(m, key);
            ou_decref(m);
            return r;
        }
        return ou_err_format(ou_TypeError, "type '%s' is not subscriptable", AS_TYPE(o)->name);
    }
    return ou_err_format(ou_TypeError, "'%s' object is not subscriptable", t->name);
}

int ou_setitem(Value o, Value key, Value v) {
    OuType *t = ou_typeof(o);
    if (t->setitem) return t->setitem(o, key, v);
    if (IS_UNDEF(v)) {
        /* CPython words it "doesn't" for read-only sequences, "does not" for the rest. */
        if (!t->getitem || t == &ou_mappingproxy_type) {
            ou_err_format(ou_TypeError, "'%s' object does not support item deletion", t->name);
            return -1;
        }
        ou_err_format(ou_TypeError, "'%s' object doesn't support item deletion", t->name);
        return -1;
    }
    ou_err_format(ou_TypeError, "'%s' object does not support item assignment", t->name);
    return -1;
}

int ou_delitem(Value o, Value key) { return ou_setitem(o, key, OU_UNDEF); }

int ou_contains(Value container, Value item) {
    OuType *t = ou_typeof(container);
    if (t->contains) return t->contains(container, item);
    if (!t->iter && !t->getitem) {
        ou_err_format(ou_TypeError, "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    Value it = ou_iter(container);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value x = ou_next(it);
        if (IS_ERR(x)) {
            ou_decref(it);
            return -1;
        }
        if (IS_UNDEF(x)) break;
        int eq = ou_equal(x, item);
        ou_decref(x);
        if (eq != 0) {
            ou_decref(it);
            return eq;
        }
    }
    ou_decref(it);
    return 0;
}

/* ---- iteration ---------------------------------------------------------------------------- */

Value ou_iter(Value v) {
    OuType *t = ou_typeof(v);
    if (t->iter) {
        Value it = t->iter(v);
        if (IS_ERR(it)) return OU_ERR;
        if (!ou_typeof(it)->next) {
            Value e = ou_err_format(ou_TypeError, "iter() returned non-iterator of type '%s'",
                                    OU_TYPE_NAME(it));
            ou_decref(it);
            return e;
        }
        return it;
    }
    if (t->getitem && !ou_is_subtype(t, &ou_dict_type)) return ou_seqiter_new(v);
    return ou_err_format(ou_TypeError, "'%s' object is not iterable", t->name);
}

Value ou_next(Value it) {
    OuType *t = ou_typeof(it);
    if (!t->next) return ou_err_format(ou_TypeError, "'%s' object is not an iterator", t->name);
    return t->next(it);
}

Value ou_sequence_list(Value iterable) {
    if (IS_LIST(iterable))
        return ou_list_from(AS_LIST(iterable)->items, AS_LIST(iterable)->len);
    if (IS_TUPLE(iterable))
        return ou_list_from(AS_TUPLE(iterable)->items, AS_TUPLE(iterable)->len);
    Value it = ou_iter(iterable);
    if (IS_ERR(it)) return OU_ERR;
    Value list = ou_list_new(0);
    if (IS_ERR(list)) {
        ou_decref(it);
        return OU_ERR;
    }
    for (;;) {
        Value x = ou_next(it);
        if (IS_UNDEF(x)) break;
        if (IS_ERR(x) || ou_list_append_steal(list, x) < 0) {
            ou_decref(it);
            ou_decref(list);
            return OU_ERR;
        }
    }
    ou_decref(it);
    return list;
}

Value ou_sequence_tuple(Value iterable) {
    if (IS_TUPLE(iterable)) return ou_newref(iterable);
    if (IS_LIST(iterable))
        return ou_tuple_from(AS_LIST(iterable)->items, AS_LIST(iterable)->len);
    Value list = ou_sequence_list(iterable);
    if (IS_ERR(list)) return OU_ERR;
    Value t = ou_tuple_from(AS_LIST(list)->items, AS_LIST(list)->len);
    ou_decref(list);
    return t;
}

/* ---- isinstance --------------------------------------------------------------------------- */

bool ou_is_subtype(OuType *a, OuType *b) {
    if (a == b || b == &ou_object_type) return true;
    /* The question every raise, except clause and traceback entry asks: the flag answers it
     * (every subclass of BaseException has BaseException's layout, hence the flag). */
    if (b == ou_BaseException) return (a->flags & OU_TPFLAG_EXC) != 0;
    if (IS_TUPLE(a->mro)) {
        OuTuple *m = AS_TUPLE(a->mro);
        for (int64_t i = 0; i < m->len; i++)
            if (AS_TYPE(m->items[i]) == b) return true;
        return false;
    }
    /* Not ready yet (or being torn down): follow the solid-base chain. */
    for (OuType *t = a; t; t = t->base)
        if (t == b) return true;
    return false;
}

bool ou_instance_of(Value v, OuType *t) { return ou_is_subtype(ou_typeof(v), t); }

static bool is_type_value(Value v) {
    return IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_type_type);
}

int ou_isinstance(Value v, Value cls) {
    if (is_type_value(cls)) {
        OuType *c = AS_TYPE(cls);
        if (ou_instance_of(v, c)) return 1;
        /* A metaclass may define __instancecheck__ (ABCs and friends). */
        OuType *meta = AS_OBJ(cls)->type;
        if (meta != &ou_type_type && om_names_ready) {
            Value r = om_call_special(cls, om.instancecheck, &v, 1);
            if (IS_ERR(r)) return -1;
            if (!IS_UNDEF(r)) {
                int t = ou_truthy(r);
                ou_decref(r);
                return t;
            }
        }
        /* As CPython's default check, also v.__class__ when it may differ from type(v): a
         * weak proxy forwards it to its referent, and a class may define its own. */
        OuType *vt = ou_typeof(v);
        if (vt->getattr == ou_generic_getattr && IS_UNDEF(om_lookup(vt, om.class_, NULL)))
            return 0;
        Value icls = ou_getattr(v, om.class_);
        if (IS_ERR(icls)) {
            if (!ou_err_matches(ou_AttributeError)) return -1;
            ou_err_clear();
            return 0;
        }
        int r = is_type_value(icls) && AS_TYPE(icls) != vt && ou_is_subtype(AS_TYPE(icls), c);
        ou_decref(icls);
        return r;
    }
    if (IS_TUPLE(cls)) {
        OuTuple *tp = AS_TUPLE(cls);
        for (int64_t i = 0; i < tp->len; i++) {
            int r = ou_isinstance(v, tp->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    ou_err_format(ou_TypeError,
                  "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

/* ---- repr recursion guard ----------------------------------------------------------------- */

/* The objects whose repr is in progress, innermost last. Reprs nest only as deep as the data,
 * and the recursion guard of ou_repr bounds that, so a plain array suffices. It starts in
 * repr_small and moves to the heap only for deep nesting; once the outermost repr is done the
 * heap copy is released, so no allocation is left at exit. */
static Value repr_small[32];
static Value *repr_stack = repr_small;
static int repr_n, repr_cap = 32;

int ou_repr_enter(Value v) {
    for (int i = repr_n - 1; i >= 0; i--)
        if (repr_stack[i] == v) return 1;
    if (repr_n == repr_cap) {
        int cap = repr_cap * 2;
        Value *p = malloc((size_t)cap * sizeof *p);
        if (!p) {
            ou_err_nomemory();
            return -1;
        }
        memcpy(p, repr_stack, (size_t)repr_n * sizeof *p);
        if (repr_stack != repr_small) free(repr_stack);
        repr_stack = p;
        repr_cap = cap;
    }
    repr_stack[repr_n++] = v;
    return 0;
}

void ou_repr_leave(Value v) {
    for (int i = repr_n - 1; i >= 0; i--) {
        if (repr_stack[i] == v) {
            memmove(repr_stack + i, repr_stack + i + 1, (size_t)(repr_n - i - 1) * sizeof(Value));
            repr_n--;
            if (repr_n == 0 && repr_stack != repr_small) {
                free(repr_stack);
                repr_stack = repr_small;
                repr_cap = 32;
            }
            return;
        }
    }
}
