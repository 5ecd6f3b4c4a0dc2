/* tuple.c: the tuple type, its iterator, and the empty-tuple singleton.
 *
 * A tuple's items are fixed at creation (ou_tuple_new fills them before anyone else sees the
 * tuple). There is exactly one empty exact tuple, ou_empty_tuple, so `()` never allocates. */
#include "container.h"

Value ou_empty_tuple = OU_UNDEF;
static Value s_index;

static OuTuple *tuple_alloc(OuType *type, int64_t n) {
    if (n < 0 || n > (INT64_C(1) << 56) / (int64_t)sizeof(Value)) {
        ou_err_nomemory();
        return NULL;
    }
    size_t base = type->basicsize > sizeof(OuTuple) ? type->basicsize : sizeof(OuTuple);
    /* A subclass instance keeps its dict in the word after the items (OU_DICTOFFSET_TAIL). */
    size_t tail = type->dictoffset < 0 ? sizeof(Value) : 0;
    OuTuple *t = ou_obj_alloc(type, base + (size_t)n * sizeof(Value) + tail);
    if (!t) return NULL;
    t->len = n;
    return t;
}

Value ou_tuple_new(int64_t len) {
    if (len <= 0 && !IS_UNDEF(ou_empty_tuple)) return ou_newref(ou_empty_tuple);
    OuTuple *t = tuple_alloc(&ou_tuple_type, len);
    return t ? MK_OBJ(t) : OU_ERR;
}

Value ou_tuple_from(const Value *items, int64_t n) {
    Value t = ou_tuple_new(n);
    if (IS_ERR(t)) return OU_ERR;
    for (int64_t i = 0; i < n; i++) AS_TUPLE(t)->items[i] = ou_newref(items[i]);
    return t;
}

Value ou_tuple_pack(int n, ...) {
    Value t = ou_tuple_new(n);
    if (IS_ERR(t)) return OU_ERR;
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) AS_TUPLE(t)->items[i] = ou_newref(va_arg(ap, Value));
    va_end(ap);
    return t;
}

static int index_value(Value key, int64_t *out) {
    if (IS_SMALLINT(key)) {
        *out = AS_SMALLINT(key);
        return 1;
    }
    if (ou_int_value(key, out)) return 1;
    if (IS_OBJ(key) && !IS_UNDEF(ou_type_lookup(ou_typeof(key), s_index)))
        return ou_index(key, out) < 0 ? -1 : 1;
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Slots. */

static void tuple_dealloc(OuObject *o) {
    OuTuple *t = (OuTuple *)o;
    for (int64_t i = t->len - 1; i >= 0; i--) ou_decref(t->items[i]);
    ou_obj_free(o);
}

static int tuple_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuTuple *t = (OuTuple *)o;
    for (int64_t i = 0; i < t->len; i++) CT_VISIT(t->items[i]);
    return 0;
}

/* A tuple cannot shrink, so clearing replaces items by None (immediates, no references). */
static void tuple_clear(OuObject *o) {
    OuTuple *t = (OuTuple *)o;
    for (int64_t i = 0; i < t->len; i++) {
        Value v = t->items[i];
        t->items[i] = OU_NONE;
        ou_decref(v);
    }
}

static Value tuple_repr(Value self) {
    OuTuple *t = AS_TUPLE(self);
    if (t->len == 0) return ou_str_cstr("()");
    int r = ou_repr_enter(self);
    if (r < 0) return OU_ERR;
    if (r > 0) return ou_str_cstr("(...)");
    CtBuf b;
    ct_buf_init(&b);
    if (ct_buf_puts(&b, "(") < 0) goto fail;
    for (int64_t i = 0; i < t->len; i++) {
        if (i > 0 && ct_buf_puts(&b, ", ") < 0) goto fail;
        if (ct_buf_put_repr(&b, t->items[i]) < 0) goto fail;
    }
    if (ct_buf_puts(&b, t->len == 1 ? ",)" : ")") < 0) goto fail;
    ou_repr_leave(self);
    return ct_buf_finish(&b);
fail:
    ou_repr_leave(self);
    ct_buf_free(&b);
    return OU_ERR;
}

/* CPython 3.11's tuplehash (an xxHash-style mix of the item hashes), so that dicts and sets
 * keyed by tuples lay out, and iterate, exactly as in CPython. */
#define XXPRIME_1 UINT64_C(11400714785074694791)
#define XXPRIME_2 UINT64_C(14029467366897019727)
#define XXPRIME_5 UINT64_C(2870177450012600261)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

int64_t ct_tuple_hash(Value self) {
    OuTuple *t = AS_TUPLE(self);
    uint64_t acc = XXPRIME_5;
    for (int64_t i = 0; i < t->len; i++) {
        Value item = t->items[i];
        int64_t h;
        if (IS_OBJ(item) && !IS_STR(item)) {
            /* Nested tuples recurse on the C stack: hash(a tuple nested 200,000 deep) is a
             * RecursionError here (CPython 3.11 overflows its stack and crashes). */
            if (ou_enter_recursive_call(" while hashing a tuple") < 0) return -1;
            h = ct_hash(item);
            ou_leave_recursive_call();
        } else {
            h = ct_hash(item);
        }
        if (h == -1) return -1;
        acc += (uint64_t)h * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)t->len ^ (XXPRIME_5 ^ UINT64_C(3527539));
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

static Value tuple_richcmp(Value a, Value b, int op) {
    if (!ou_instance_of(a, &ou_tuple_type) || !ou_instance_of(b, &ou_tuple_type))
        return ou_newref(ou_NotImplemented);
    OuTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
    if (x->len != y->len && (op == OU_EQ || op == OU_NE)) return MK_BOOL(op == OU_NE);
    int64_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        int eq = ct_eq(x->items[i], y->items[i]);
        if (eq < 0) return OU_ERR;
        if (!eq) break;
    }
    if (i >= x->len || i >= y->len) {
        int64_t m = x->len, n = y->len;
        bool r;
        switch (op) {
        case OU_LT: r = m < n; break;
        case OU_LE: r = m <= n; break;
        case OU_EQ: r = m == n; break;
        case OU_NE: r = m != n; break;
        case OU_GT: r = m > n; break;
        default: r = m >= n; break;
        }
        return MK_BOOL(r);
    }
    if (op == OU_EQ) return OU_FALSE;
    if (op == OU_NE) return OU_TRUE;
    return ou_richcmp(x->items[i], y->items[i], op);
}

static bool type_has(Value v, const char *name) {
    OuType *t = ou_typeof(v);
    if (!(t->flags & OU_TPFLAG_HEAPTYPE)) return false;
    Value n = ou_str_intern(name);
    return !IS_ERR(n) && !IS_UNDEF(ou_type_lookup(t, n));
}

static Value tuple_binop(Value a, Value b, int op, bool reflected) {
    int bop = op & ~OU_BIN_INPLACE;
    if (bop == OU_BIN_ADD) {
        if (reflected || !ou_instance_of(a, &ou_tuple_type)) return ou_newref(ou_NotImplemented);
        if (!ou_instance_of(b, &ou_tuple_type)) {
            if (type_has(b, "__radd__")) return ou_newref(ou_NotImplemented);
            return ou_err_format(ou_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                                 OU_TYPE_NAME(b));
        }
        OuTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
        if (y->len == 0 && IS_TUPLE(a)) return ou_newref(a);
        if (x->len == 0 && IS_TUPLE(b)) return ou_newref(b);
        Value r = ou_tuple_new(x->len + y->len);
        if (IS_ERR(r)) return OU_ERR;
        for (int64_t i = 0; i < x->len; i++) AS_TUPLE(r)->items[i] = ou_newref(x->items[i]);
        for (int64_t i = 0; i < y->len; i++) AS_TUPLE(r)->items[x->len + i] = ou_newref(y->items[i]);
        return r;
    }
    if (bop == OU_BIN_MUL) {
        bool a_tup = ou_instance_of(a, &ou_tuple_type);
        Value seq = a_tup ? a : b, num = a_tup ? b : a;
        int64_t n;
        int k = index_value(num, &n);
        if (k < 0) return OU_ERR;
        if (k == 0) {
            if (reflected || type_has(num, "__rmul__")) return ou_newref(ou_NotImplemented);
            return ou_err_format(ou_TypeError, "can't multiply sequence by non-int of type '%s'",
                                 OU_TYPE_NAME(num));
        }
        OuTuple *t = AS_TUPLE(seq);
        if (n == 1 && IS_TUPLE(seq)) return ou_newref(seq);
        if (n <= 0 || t->len == 0) return ou_tuple_new(0);
        if (t->len > INT64_MAX / n || t->len * n > (INT64_C(1) << 50)) return ou_err_nomemory();
        Value r = ou_tuple_new(t->len * n);
        if (IS_ERR(r)) return OU_ERR;
        for (int64_t j = 0; j < n; j++)
            for (int64_t i = 0; i < t->len; i++)
                AS_TUPLE(r)->items[j * t->len + i] = ou_newref(t->items[i]);
        return r;
    }
    return ou_newref(ou_NotImplemented);
}

static int64_t tuple_len(Value self) { return AS_TUPLE(self)->len; }

static Value tuple_getitem(Value self, Value key) {
    OuTuple *t = AS_TUPLE(self);
    int64_t i;
    int k = ou_index_item(key, &i);
    if (k > 0) {
        if (i < 0) i += t->len;
        if ((uint64_t)i >= (uint64_t)t->len) return ou_err_format(ou_IndexError, "tuple index out of range");
        return ou_newref(t->items[i]);
    }
    if (k < 0) return OU_ERR;
    if (ou_is_type(key, &ou_slice_type)) {
        int64_t start, stop, step;
        int64_t n = ou_slice_indices(key, t->len, &start, &stop, &step);
        if (n < 0) return OU_ERR;
        if (n == t->len && step == 1 && IS_TUPLE(self)) return ou_newref(self);
        Value r = ou_tuple_new(n);
        if (IS_ERR(r)) return OU_ERR;
        for (int64_t j = 0, p = start; j < n; j++, p += step)
            AS_TUPLE(r)->items[j] = ou_newref(t->items[p]);
        return r;
    }
    return ou_err_format(ou_TypeError, "tuple indices must be integers or slices, not %s",
                         OU_TYPE_NAME(key));
}

static int tuple_contains(Value self, Value x) {
    OuTuple *t = AS_TUPLE(self);
    for (int64_t i = 0; i < t->len; i++) {
        if (t->items[i] == x) return 1;
        int eq = ct_eq(t->items[i], x);
        if (eq != 0) return eq;
    }
    return 0;
}

/* tuple(iterable) for the exact type and for subclasses (which get a fresh copy). */
static Value tuple_make(OuType *type, Value iterable) {
    if (type == &ou_tuple_type) {
        if (IS_UNDEF(iterable)) return ou_tuple_new(0);
        if (IS_TUPLE(iterable)) return ou_newref(iterable);
        return ou_sequence_tuple(iterable);
    }
    Value tmp = IS_UNDEF(iterable) ? ou_tuple_new(0) : ou_sequence_tuple(iterable);
    if (IS_ERR(tmp)) return OU_ERR;
    OuTuple *src = AS_TUPLE(tmp);
    OuTuple *t = tuple_alloc(type, src->len);
    if (t)
        for (int64_t i = 0; i < src->len; i++) t->items[i] = ou_newref(src->items[i]);
    ou_decref(tmp);
    return t ? MK_OBJ(t) : OU_ERR;
}

static Value tuple_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "tuple") < 0 || ct_args_range("tuple", nargs, 0, 1) < 0) return OU_ERR;
    return tuple_make(type, nargs ? args[0] : OU_UNDEF);
}

/* ------------------------------------------------------------------------------------------ */
/* Methods. */

static Value m_index(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "index") < 0 || ct_args_range("index", nargs - 1, 1, 3) < 0) return OU_ERR;
    OuTuple *t = AS_TUPLE(args[0]);
    int64_t lo = 0, hi = t->len;
    for (int a = 2; a < nargs; a++) {
        int64_t v;
        int k = index_value(args[a], &v);
        if (k < 0) return OU_ERR;
        if (k == 0)
            return ou_err_format(ou_TypeError, "slice indices must be integers or have an __index__ method");
        if (v < 0) {
            v += t->len;
            if (v < 0) v = 0;
        }
        if (a == 2) lo = v;
        else hi = v;
    }
    for (int64_t i = lo; i < hi && i < t->len; i++) {
        int eq = ct_eq(t->items[i], args[1]);
        if (eq < 0) return OU_ERR;
        if (eq) return MK_SMALLINT(i);
    }
    return ou_err_format(ou_ValueError, "tuple.index(x): x not in tuple");
}

static Value m_count(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "tuple.count") < 0 || ct_args_one("tuple.count", nargs - 1) < 0) return OU_ERR;
    OuTuple *t = AS_TUPLE(args[0]);
    int64_t c = 0;
    for (int64_t i = 0; i < t->len; i++) {
        int eq = ct_eq(t->items[i], args[1]);
        if (eq < 0) return OU_ERR;
        c += eq;
    }
    return MK_SMALLINT(c);
}

static Value tuple_iter(Value self);

static Value m_len(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(AS_TUPLE(args[0])->len); }
static Value m_getitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return tuple_getitem(args[0], args[1]);
}
static Value m_contains(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    int r = tuple_contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value m_iter(Value *args, int nargs, Value kwnames) { return tuple_iter(args[0]); }
static Value m_repr(Value *args, int nargs, Value kwnames) { return tuple_repr(args[0]); }
static Value m_hash(Value *args, int nargs, Value kwnames) {
    int64_t h = ct_tuple_hash(args[0]);
    return h == -1 ? OU_ERR : ou_int(h);
}
static Value m_add(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return tuple_binop(args[0], args[1], OU_BIN_ADD, false);
}
static Value m_eq(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return tuple_richcmp(args[0], args[1], OU_EQ);
}
static Value m_getnewargs(Value *args, int nargs, Value kwnames) {
    OuTuple *t = AS_TUPLE(args[0]);
    Value copy = ou_tuple_from(t->items, t->len);
    if (IS_ERR(copy)) return OU_ERR;
    Value r = ou_tuple_pack(1, copy);
    ou_decref(copy);
    return r;
}

static const OuMethodDef tuple_methods[] = {
    {"index", m_index, "Return first index of value."},
    {"count", m_count, "Return number of occurrences of value."},
    {"__len__", m_len, NULL},
    {"__getitem__", m_getitem, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {"__repr__", m_repr, NULL},
    {"__hash__", m_hash, NULL},
    {"__add__", m_add, NULL},
    {"__eq__", m_eq, NULL},
    {"__getnewargs__", m_getnewargs, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* Iterator. */

typedef struct { OuObject ob; Value seq; int64_t index; } TupleIter;

static void tupleiter_dealloc(OuObject *o) {
    ou_decref(((TupleIter *)o)->seq);
    ou_obj_free(o);
}
static int tupleiter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((TupleIter *)o)->seq);
    return 0;
}
static void tupleiter_clear(OuObject *o) {
    TupleIter *it = (TupleIter *)o;
    Value s = it->seq;
    it->seq = OU_UNDEF;
    ou_decref(s);
}
static Value iter_self(Value self) { return ou_newref(self); }
static Value tupleiter_next(Value self) {
    TupleIter *it = (TupleIter *)AS_OBJ(self);
    if (IS_UNDEF(it->seq)) return OU_UNDEF;
    OuTuple *t = AS_TUPLE(it->seq);
    if (it->index < t->len) return ou_newref(t->items[it->index++]);
    tupleiter_clear(&it->ob);
    return OU_UNDEF;
}

OuType ct_tupleiter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "tuple_iterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(TupleIter),
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .clear = tupleiter_clear,
    .iter = iter_self,
    .next = tupleiter_next,
};

static Value tuple_iter(Value self) {
    TupleIter *it = ou_obj_alloc(&ct_tupleiter_type, sizeof(TupleIter));
    if (!it) return OU_ERR;
    it->seq = ou_newref(self);
    return MK_OBJ(it);
}

OuType ou_tuple_type = {
    .ob = CT_STATIC_HEAD,
    .name = "tuple",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuTuple),
    .itemsize = sizeof(Value),
    .dealloc = tuple_dealloc,
    .traverse = tuple_traverse,
    .clear = tuple_clear,
    .repr = tuple_repr,
    .hash = ct_tuple_hash,
    .richcmp = tuple_richcmp,
    .binop = tuple_binop,
    .iter = tuple_iter,
    .len = tuple_len,
    .getitem = tuple_getitem,
    .contains = tuple_contains,
    .new = tuple_new_slot,
};

int vm_init_tuple(void) {
    s_index = ou_str_intern("__index__");
    if (IS_ERR(s_index)) return -1;
    if (IS_UNDEF(ou_empty_tuple)) {
        OuTuple *t = tuple_alloc(&ou_tuple_type, 0);
        if (!t) return -1;
        ou_empty_tuple = MK_OBJ(t);
    }
    if (ou_type_ready(&ou_tuple_type) < 0 || ou_type_ready(&ct_tupleiter_type) < 0) return -1;
    return ou_add_functions(ou_tuple_type.dict, tuple_methods, OU_UNDEF);
}

void vm_fini_tuple(void) {
    Value t = ou_empty_tuple;
    ou_empty_tuple = OU_UNDEF;
    ou_decref(t);
}
