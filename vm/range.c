/* range.c: range (with its int64 iterator) and slice, and ou_slice_indices.
 *
 * A range stores start, stop, step (step != 0) and its length, all int64: range arguments
 * beyond int64 raise OverflowError (CPython accepts them). The iterator counts down a
 * remaining-items counter, so no comparison against stop (and no overflow past it) is ever
 * needed. */
#include "container.h"
#include "interp.h"

static Value s_index;

/* Integer value of v for range arguments and slice bounds: int, bool or __index__. 1 when it
 * is an integer, 0 when it is not (no exception), -1 on error. */
static int index_value(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) {
        *out = AS_SMALLINT(v);
        return 1;
    }
    if (ou_int_value(v, out)) return 1;
    if (IS_OBJ(v) && !IS_UNDEF(ou_type_lookup(ou_typeof(v), s_index))) return ou_index(v, out) < 0 ? -1 : 1;
    return 0;
}

/* Number of items of range(start, stop, step), step != 0. */
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
    uint64_t n;
    if (step > 0) {
        if (start >= stop) return 0;
        n = ((uint64_t)stop - (uint64_t)start - 1) / (uint64_t)step + 1;
    } else {
        if (start <= stop) return 0;
        n = ((uint64_t)start - (uint64_t)stop - 1) / (0 - (uint64_t)step) + 1;
    }
    return n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

static OuRange *range_alloc(int64_t start, int64_t stop, int64_t step) {
    OuRange *r = ou_obj_alloc(&ou_range_type, sizeof(OuRange));
    if (!r) return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = range_length(start, stop, step);
    return r;
}

Value ou_range_new(int64_t start, int64_t stop, int64_t step) {
    if (step == 0) return ou_err_format(ou_ValueError, "range() arg 3 must not be zero");
    OuRange *r = range_alloc(start, stop, step);
    return r ? MK_OBJ(r) : OU_ERR;
}

#define RANGE(v) ((OuRange *)AS_OBJ(v))

static Value range_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "range") < 0 || ct_args_range("range", nargs, 1, 3) < 0) return OU_ERR;
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++) {
        int k = index_value(args[i], &v[i]);
        if (k < 0) return OU_ERR;
        if (k == 0)
            return ou_err_format(ou_TypeError, "'%s' object cannot be interpreted as an integer",
                                 OU_TYPE_NAME(args[i]));
    }
    if (nargs == 1) return ou_range_new(0, v[0], 1);
    return ou_range_new(v[0], v[1], nargs == 3 ? v[2] : 1);
}

static Value range_repr(Value self) {
    OuRange *r = RANGE(self);
    if (r->step == 1) return ou_str_printf("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return ou_str_printf("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                         (long long)r->step);
}

static int64_t range_len(Value self) { return RANGE(self)->len; }

static int range_truth(Value self) { return RANGE(self)->len != 0; }

static Value range_item(OuRange *r, int64_t i) { return ou_int(r->start + i * r->step); }

static Value range_getitem(Value self, Value key) {
    OuRange *r = RANGE(self);
    int64_t i;
    int k = ou_index_item(key, &i);
    if (k < 0 && ou_err_matches(ou_IndexError)) { /* beyond int64: out of any range here */
        ou_err_clear();
        return ou_err_format(ou_IndexError, "range object index out of range");
    }
    if (k > 0) {
        if (i < 0) i += r->len;
        if (i < 0 || i >= r->len) return ou_err_format(ou_IndexError, "range object index out of range");
        return range_item(r, i);
    }
    if (k < 0) return OU_ERR;
    if (ou_is_type(key, &ou_slice_type)) {
        int64_t start, stop, step;
        if (ou_slice_indices(key, r->len, &start, &stop, &step) < 0) return OU_ERR;
        return ou_range_new(r->start + start * r->step, r->start + stop * r->step, r->step * step);
    }
    return ou_err_format(ou_TypeError, "range indices must be integers or slices, not %s",
                         OU_TYPE_NAME(key));
}

/* Position of integer x in r, or -1. */
static int64_t range_find_int(OuRange *r, int64_t x) {
    if (r->len == 0) return -1;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
    uint64_t diff = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
    uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
    if (diff % st) return -1;
    return (int64_t)(diff / st);
}

static bool exact_int(Value v) { return IS_SMALLINT(v) || IS_BOOL(v) || IS_BOXINT(v); }

/* Position of x (any object, compared with ==), -1 absent, -2 error. */
static int64_t range_find(OuRange *r, Value x) {
    int64_t iv;
    if (exact_int(x)) return ou_int_value(x, &iv) ? range_find_int(r, iv) : -1; /* big: absent */
    for (int64_t i = 0; i < r->len; i++) {
        Value item = range_item(r, i);
        if (IS_ERR(item)) return -2;
        int eq = ct_eq(item, x);
        ou_decref(item);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

static int range_contains(Value self, Value x) {
    int64_t i = range_find(RANGE(self), x);
    return i == -2 ? -1 : i >= 0;
}

/* Two ranges are equal when they produce the same sequence. */
static Value range_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !ou_is_type(a, &ou_range_type) || !ou_is_type(b, &ou_range_type))
        return ou_newref(ou_NotImplemented);
    OuRange *x = RANGE(a), *y = RANGE(b);
    bool eq;
    if (x->len != y->len) eq = false;
    else if (x->len == 0) eq = true;
    else if (x->start != y->start) eq = false;
    else if (x->len == 1) eq = true;
    else eq = x->step == y->step;
    return MK_BOOL(op == OU_EQ ? eq : !eq);
}

/* CPython hashes a range as the tuple (len, start, step), with None for the parts that do
 * not matter (start and step of an empty range, step of a one-item range). */
static int64_t range_hash(Value self) {
    OuRange *r = RANGE(self);
    Value len = ou_int(r->len);
    Value start = r->len ? ou_int(r->start) : OU_NONE;
    Value step = r->len > 1 ? ou_int(r->step) : OU_NONE;
    Value t = ou_tuple_pack(3, len, start, step);
    ou_decref(len);
    ou_decref(start);
    ou_decref(step);
    if (IS_ERR(t)) return -1;
    int64_t h = ct_tuple_hash(t);
    ou_decref(t);
    return h;
}

static Value range_getattr(Value self, Value name) {
    OuRange *r = RANGE(self);
    if (ou_str_eq_cstr(name, "start")) return ou_int(r->start);
    if (ou_str_eq_cstr(name, "stop")) return ou_int(r->stop);
    if (ou_str_eq_cstr(name, "step")) return ou_int(r->step);
    return ou_generic_getattr(self, name);
}

/* ------------------------------------------------------------------------------------------ */
/* Iterator: next value and the number of values still to produce. */

typedef VmRangeIter RangeIter; /* interp.h: FOR_ITER steps it inline */

static void rangeiter_dealloc(OuObject *o) { ou_obj_free(o); }
static Value iter_self(Value self) { return ou_newref(self); }
static Value rangeiter_next(Value self) {
    RangeIter *it = (RangeIter *)AS_OBJ(self);
    if (it->left <= 0) return OU_UNDEF;
    int64_t v = it->next;
    it->left--;
    it->next = (int64_t)((uint64_t)v + (uint64_t)it->step); /* may wrap after the last item */
    if (SMALLINT_FITS(v)) return MK_SMALLINT(v);
    return ou_int(v);
}

OuType vm_rangeiter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "range_iterator",
    .basicsize = sizeof(RangeIter),
    .dealloc = rangeiter_dealloc,
    .iter = iter_self,
    .next = rangeiter_next,
};

static Value rangeiter_new(int64_t start, int64_t step, int64_t len) {
    RangeIter *it = ou_obj_alloc(&vm_rangeiter_type, sizeof(RangeIter));
    if (!it) return OU_ERR;
    it->next = start;
    it->step = step;
    it->left = len;
    return MK_OBJ(it);
}

static Value range_iter(Value self) {
    OuRange *r = RANGE(self);
    return rangeiter_new(r->start, r->step, r->len);
}

/* ------------------------------------------------------------------------------------------ */
/* Methods. */

static Value m_index(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "range.index") < 0 || ct_args_one("range.index", nargs - 1) < 0) return OU_ERR;
    int64_t i = range_find(RANGE(args[0]), args[1]);
    if (i == -2) return OU_ERR;
    if (i < 0) {
        if (exact_int(args[1])) return ou_err_format(ou_ValueError, "%R is not in range", args[1]);
        return ou_err_format(ou_ValueError, "sequence.index(x): x not in sequence");
    }
    return ou_int(i);
}

static Value m_count(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "range.count") < 0 || ct_args_one("range.count", nargs - 1) < 0) return OU_ERR;
    OuRange *r = RANGE(args[0]);
    if (exact_int(args[1])) {
        int64_t i = range_find(r, args[1]);
        return MK_SMALLINT(i >= 0);
    }
    int64_t c = 0;
    for (int64_t i = 0; i < r->len; i++) {
        Value item = range_item(r, i);
        if (IS_ERR(item)) return OU_ERR;
        int eq = ct_eq(item, args[1]);
        ou_decref(item);
        if (eq < 0) return OU_ERR;
        c += eq;
    }
    return ou_int(c);
}

static Value m_reversed(Value *args, int nargs, Value kwnames) {
    OuRange *r = RANGE(args[0]);
    int64_t last = (int64_t)((uint64_t)r->start + (uint64_t)(r->len - 1) * (uint64_t)r->step);
    return rangeiter_new(r->len ? last : r->start, -r->step, r->len);
}

static Value m_len(Value *args, int nargs, Value kwnames) { return ou_int(RANGE(args[0])->len); }
static Value m_getitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return range_getitem(args[0], args[1]);
}
static Value m_contains(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    int r = range_contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value m_iter(Value *args, int nargs, Value kwnames) { return range_iter(args[0]); }

static const OuMethodDef range_methods[] = {
    {"index", m_index, "Return index of value."},
    {"count", m_count, "Return number of occurrences of value."},
    {"__reversed__", m_reversed, "Return a reverse iterator."},
    {"__len__", m_len, NULL},
    {"__getitem__", m_getitem, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {NULL, NULL, NULL},
};

OuType ou_range_type = {
    .ob = CT_STATIC_HEAD,
    .name = "range",
    .basicsize = sizeof(OuRange),
    .dealloc = rangeiter_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcmp = range_richcmp,
    .truth = range_truth,
    .iter = range_iter,
    .getattr = range_getattr,
    .len = range_len,
    .getitem = range_getitem,
    .contains = range_contains,
    .new = range_new_slot,
};

/* ------------------------------------------------------------------------------------------ */
/* slice. */

#define SLICE(v) ((OuSlice *)AS_OBJ(v))

Value ou_slice_new(Value start, Value stop, Value step) {
    OuSlice *s = ou_obj_alloc(&ou_slice_type, sizeof(OuSlice));
    if (!s) return OU_ERR;
    s->start = ou_newref(start);
    s->stop = ou_newref(stop);
    s->step = ou_newref(step);
    return MK_OBJ(s);
}

static int slice_bound(Value v, int64_t *out) {
    if (IS_BOXINT(v) && !ou_int_value(v, out)) {
        /* Beyond int64: clamped, as CPython clamps slice bounds to the ssize_t range. */
        *out = ou_int_sign(v) < 0 ? INT64_MIN : INT64_MAX;
        return 0;
    }
    int k = index_value(v, out);
    if (k > 0) return 0;
    if (k == 0)
        ou_err_format(ou_TypeError, "slice indices must be integers or None or have an __index__ method");
    return -1;
}

int64_t ou_slice_indices(Value slice, int64_t len, int64_t *startp, int64_t *stopp, int64_t *stepp) {
    int64_t start, stop;
    if (ou_slice_unpack(slice, &start, &stop, stepp) < 0) return -1;
    return ou_slice_adjust(len, start, stop, *stepp, startp, stopp);
}

int ou_slice_unpack(Value slice, int64_t *startp, int64_t *stopp, int64_t *stepp) {
    OuSlice *s = SLICE(slice);
    int64_t start, stop, step;
    if (IS_NONE(s->step)) {
        step = 1;
    } else {
        if (slice_bound(s->step, &step) < 0) return -1;
        if (step == 0) {
            ou_err_format(ou_ValueError, "slice step cannot be zero");
            return -1;
        }
        if (step < -INT64_MAX) step = -INT64_MAX; /* so that -step cannot overflow */
    }
    if (IS_NONE(s->start)) start = step < 0 ? INT64_MAX : 0;
    else if (slice_bound(s->start, &start) < 0) return -1;
    if (IS_NONE(s->stop)) stop = step < 0 ? INT64_MIN : INT64_MAX;
    else if (slice_bound(s->stop, &stop) < 0) return -1;
    *startp = start;
    *stopp = stop;
    *stepp = step;
    return 0;
}

int64_t ou_slice_adjust(int64_t len, int64_t start, int64_t stop, int64_t step, int64_t *startp,
                        int64_t *stopp) {
    if (start < 0) {
        start += len;
        if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) {
        start = step < 0 ? len - 1 : len;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) {
        stop = step < 0 ? len - 1 : len;
    }
    *startp = start;
    *stopp = stop;
    /* Steps of 1 and -1 (nearly every slice) need no division: a 64-bit divide costs more
     * than the rest of this function, and fannkuch's flips call it twice per flip. */
    if (step == 1) return start < stop ? stop - start : 0;
    if (step == -1) return stop < start ? start - stop : 0;
    if (step < 0) return stop < start ? (start - stop - 1) / (-step) + 1 : 0;
    return start < stop ? (stop - start - 1) / step + 1 : 0;
}

static void slice_dealloc(OuObject *o) {
    OuSlice *s = (OuSlice *)o;
    ou_decref(s->start);
    ou_decref(s->stop);
    ou_decref(s->step);
    ou_obj_free(o);
}

static int slice_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuSlice *s = (OuSlice *)o;
    CT_VISIT(s->start);
    CT_VISIT(s->stop);
    CT_VISIT(s->step);
    return 0;
}

static void slice_clear(OuObject *o) {
    OuSlice *s = (OuSlice *)o;
    Value a = s->start, b = s->stop, c = s->step;
    s->start = s->stop = s->step = OU_NONE;
    ou_decref(a);
    ou_decref(b);
    ou_decref(c);
}

static Value slice_repr(Value self) {
    OuSlice *s = SLICE(self);
    return ou_str_printf("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static Value slice_as_tuple(Value v) {
    OuSlice *s = SLICE(v);
    return ou_tuple_pack(3, s->start, s->stop, s->step);
}

static Value slice_richcmp(Value a, Value b, int op) {
    if (!ou_is_type(a, &ou_slice_type) || !ou_is_type(b, &ou_slice_type)) return ou_newref(ou_NotImplemented);
    Value x = slice_as_tuple(a);
    if (IS_ERR(x)) return OU_ERR;
    Value y = slice_as_tuple(b);
    if (IS_ERR(y)) {
        ou_decref(x);
        return OU_ERR;
    }
    Value r = ou_richcmp(x, y, op);
    ou_decref(x);
    ou_decref(y);
    return r;
}

static Value slice_getattr(Value self, Value name) {
    OuSlice *s = SLICE(self);
    if (ou_str_eq_cstr(name, "start")) return ou_newref(s->start);
    if (ou_str_eq_cstr(name, "stop")) return ou_newref(s->stop);
    if (ou_str_eq_cstr(name, "step")) return ou_newref(s->step);
    return ou_generic_getattr(self, name);
}

static Value slice_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "slice") < 0 || ct_args_range("slice", nargs, 1, 3) < 0) return OU_ERR;
    if (nargs == 1) return ou_slice_new(OU_NONE, args[0], OU_NONE);
    return ou_slice_new(args[0], args[1], nargs == 3 ? args[2] : OU_NONE);
}

static Value m_indices(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "slice.indices") < 0 || ct_args_one("slice.indices", nargs - 1) < 0) return OU_ERR;
    int64_t len;
    int k = index_value(args[1], &len);
    if (k < 0) return OU_ERR;
    if (k == 0)
        return ou_err_format(ou_TypeError, "'%s' object cannot be interpreted as an integer",
                             OU_TYPE_NAME(args[1]));
    if (len < 0) return ou_err_format(ou_ValueError, "length should not be negative");
    int64_t start, stop, step;
    if (ou_slice_indices(args[0], len, &start, &stop, &step) < 0) return OU_ERR;
    Value a = ou_int(start), b = ou_int(stop), c = ou_int(step);
    Value t = ou_tuple_pack(3, a, b, c);
    ou_decref(a);
    ou_decref(b);
    ou_decref(c);
    return t;
}

static const OuMethodDef slice_methods[] = {
    {"indices", m_indices, "S.indices(len) -> (start, stop, stride)"},
    {NULL, NULL, NULL},
};

OuType ou_slice_type = {
    .ob = CT_STATIC_HEAD,
    .name = "slice",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(OuSlice),
    .dealloc = slice_dealloc,
    .traverse = slice_traverse,
    .clear = slice_clear,
    .repr = slice_repr,
    .hash = ct_unhashable,
    .richcmp = slice_richcmp,
    .getattr = slice_getattr,
    .new = slice_new_slot,
};

int vm_init_range(void) {
    s_index = ou_str_intern("__index__");
    if (IS_ERR(s_index)) return -1;
    if (ou_type_ready(&ou_range_type) < 0 || ou_type_ready(&vm_rangeiter_type) < 0 ||
        ou_type_ready(&ou_slice_type) < 0)
        return -1;
    if (ou_add_functions(ou_range_type.dict, range_methods, OU_UNDEF) < 0) return -1;
    return ou_add_functions(ou_slice_type.dict, slice_methods, OU_UNDEF);
}
