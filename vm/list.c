/* list.c: the list type, its iterators and list.sort.
 *
 * Invariants (beside OuList in ouro.h): items[0..len) are owned references, cap >= len, and
 * items is NULL exactly when cap is 0. While list.sort runs, the list is emptied (len 0,
 * items NULL) so that a key function or comparison that mutates it is detected afterwards. */
#include "container.h"
#include "interp.h"

static Value s_index; /* interned "__index__" */

/* ------------------------------------------------------------------------------------------ */
/* Storage. */

/* Make room for at least `need` items. The over-allocation (need/8 + 6, rounded to 4) is
 * CPython's, giving amortized O(1) appends with little waste for big lists. */
static int list_reserve(OuList *l, int64_t need) {
    if (need <= l->cap) return 0;
    if (need > (INT64_C(1) << 56)) {
        ou_err_nomemory();
        return -1;
    }
    int64_t ncap = (need + (need >> 3) + 6) & ~(int64_t)3;
    Value *p = ou_mem_realloc(l->items, (size_t)ncap * sizeof(Value));
    if (!p) return -1;
    l->items = p;
    l->cap = ncap;
    return 0;
}

/* An exact or subclass list of len items. Unless `raw`, the items are zeroed: 0 is the
 * immediate 0.0, so a list dropped before its creator filled every slot (an error midway)
 * releases nothing that it does not own. A raw list's creator fills every slot before anything
 * else can see the list or fail. */
static OuList *list_alloc_ex(OuType *type, int64_t len, bool raw) {
    size_t size = type->basicsize > sizeof(OuList) ? type->basicsize : sizeof(OuList);
    OuList *l = ou_obj_alloc(type, size);
    if (!l) return NULL;
    if (len > 0) {
        l->items = ou_mem_alloc((size_t)len * sizeof(Value));
        if (!l->items) {
            ou_decref(MK_OBJ(l));
            return NULL;
        }
        if (!raw) memset(l->items, 0, (size_t)len * sizeof(Value));
        l->cap = len;
    }
    l->len = len;
    return l;
}
static OuList *list_alloc(OuType *type, int64_t len) {
    return list_alloc_ex(type, len, false);
}

Value ou_list_new(int64_t len) {
    if (len < 0) len = 0;
    OuList *l = list_alloc(&ou_list_type, len);
    return l ? MK_OBJ(l) : OU_ERR;
}

Value ou_list_from(const Value *items, int64_t n) {
    OuList *l = list_alloc(&ou_list_type, n);
    if (!l) return OU_ERR;
    for (int64_t i = 0; i < n; i++) l->items[i] = ou_newref(items[i]);
    return MK_OBJ(l);
}

int ou_list_append_steal(Value list, Value v) {
    OuList *l = AS_LIST(list);
    if (l->len == l->cap && list_reserve(l, l->len + 1) < 0) {
        ou_decref(v);
        return -1;
    }
    l->items[l->len++] = v;
    return 0;
}

int ou_list_append(Value list, Value v) { return ou_list_append_steal(list, ou_newref(v)); }

int ct_list_extend(Value list, Value iterable) {
    OuList *l = AS_LIST(list);
    if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
        /* Read the source after reserving: for l.extend(l) both are the same array. */
        int64_t n = IS_LIST(iterable) ? AS_LIST(iterable)->len : AS_TUPLE(iterable)->len;
        if (list_reserve(l, l->len + n) < 0) return -1;
        const Value *src = IS_LIST(iterable) ? AS_LIST(iterable)->items : AS_TUPLE(iterable)->items;
        for (int64_t i = 0; i < n; i++) l->items[l->len + i] = ou_newref(src[i]);
        l->len += n;
        return 0;
    }
    Value it = ou_iter(iterable);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value v = ou_next(it);
        if (IS_UNDEF(v)) break;
        if (IS_ERR(v) || ou_list_append_steal(list, v) < 0) {
            ou_decref(it);
            return -1;
        }
    }
    ou_decref(it);
    return 0;
}

/* Drop every item; decrefs run after the list is already empty, since a __del__ may look. */
static void list_clear_items(OuList *l) {
    Value *items = l->items;
    int64_t n = l->len;
    l->items = NULL;
    l->len = l->cap = 0;
    /* Last item first, like CPython: observable through __del__ order. */
    for (int64_t i = n - 1; i >= 0; i--) ou_decref(items[i]);
    ou_mem_free(items);
}

Value ct_list_repeat(Value list, int64_t n) {
    OuList *src = AS_LIST(list);
    int64_t len = src->len;
    if (n <= 0 || len == 0) return ou_list_new(0);
    if (len > INT64_MAX / n || len * n > (INT64_C(1) << 56)) return ou_err_nomemory();
    OuList *r = list_alloc(&ou_list_type, len * n);
    if (!r) return OU_ERR;
    for (int64_t k = 0; k < n; k++)
        for (int64_t i = 0; i < len; i++) r->items[k * len + i] = ou_newref(src->items[i]);
    return MK_OBJ(r);
}

/* ------------------------------------------------------------------------------------------ */
/* Indices. */

/* Integer value of an index key: int, bool or anything with __index__. Returns 1 when it is
 * an integer, 0 when it is not (no exception), -1 on error inside __index__. */
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

static bool is_slice(Value v) { return ou_is_type(v, &ou_slice_type); }

/* ------------------------------------------------------------------------------------------ */
/* Slots. */

static void list_dealloc(OuObject *o) {
    OuList *l = (OuList *)o;
    for (int64_t i = l->len - 1; i >= 0; i--) ou_decref(l->items[i]);
    ou_mem_free(l->items);
    ou_obj_free(o);
}

static int list_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuList *l = (OuList *)o;
    for (int64_t i = 0; i < l->len; i++) CT_VISIT(l->items[i]);
    return 0;
}

static void list_clear(OuObject *o) { list_clear_items((OuList *)o); }

static Value list_repr(Value self) {
    OuList *l = AS_LIST(self);
    if (l->len == 0) return ou_str_cstr("[]");
    int r = ou_repr_enter(self);
    if (r < 0) return OU_ERR;
    if (r > 0) return ou_str_cstr("[...]");
    CtBuf b;
    ct_buf_init(&b);
    if (ct_buf_puts(&b, "[") < 0) goto fail;
    for (int64_t i = 0; i < l->len; i++) {
        if (i > 0 && ct_buf_puts(&b, ", ") < 0) goto fail;
        Value item = ou_newref(l->items[i]);
        int rc = ct_buf_put_repr(&b, item);
        ou_decref(item);
        if (rc < 0) goto fail;
    }
    if (ct_buf_puts(&b, "]") < 0) goto fail;
    ou_repr_leave(self);
    return ct_buf_finish(&b);
fail:
    ou_repr_leave(self);
    ct_buf_free(&b);
    return OU_ERR;
}

/* Lexicographic comparison shared with tuple.c's shape: find the first differing position
 * with ==, then compare there (or compare lengths when one is a prefix of the other). */
static Value list_richcmp(Value a, Value b, int op) {
    if (!ou_instance_of(a, &ou_list_type) || !ou_instance_of(b, &ou_list_type))
        return ou_newref(ou_NotImplemented);
    OuList *x = AS_LIST(a), *y = AS_LIST(b);
    if (x->len != y->len && (op == OU_EQ || op == OU_NE)) return MK_BOOL(op == OU_NE);
    int64_t i = 0;
    for (; i < x->len && i < y->len; i++) {
        Value p = ou_newref(x->items[i]), q = ou_newref(y->items[i]);
        int eq = ct_eq(p, q);
        ou_decref(p);
        ou_decref(q);
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
    Value p = ou_newref(x->items[i]), q = ou_newref(y->items[i]);
    Value r = ou_richcmp(p, q, op);
    ou_decref(p);
    ou_decref(q);
    return r;
}

static bool type_has(Value v, const char *name) {
    OuType *t = ou_typeof(v);
    if (!(t->flags & OU_TPFLAG_HEAPTYPE)) return false;
    Value n = ou_str_intern(name);
    return !IS_ERR(n) && !IS_UNDEF(ou_type_lookup(t, n));
}

static Value list_binop(Value a, Value b, int op, bool reflected) {
    bool inplace = (op & OU_BIN_INPLACE) != 0;
    int bop = op & ~OU_BIN_INPLACE;
    if (bop == OU_BIN_ADD) {
        if (reflected || !ou_instance_of(a, &ou_list_type)) return ou_newref(ou_NotImplemented);
        if (inplace) {
            if (ct_list_extend(a, b) < 0) return OU_ERR;
            return ou_newref(a);
        }
        if (!ou_instance_of(b, &ou_list_type)) {
            if (type_has(b, "__radd__")) return ou_newref(ou_NotImplemented);
            return ou_err_format(ou_TypeError, "can only concatenate list (not \"%s\") to list",
                                 OU_TYPE_NAME(b));
        }
        OuList *x = AS_LIST(a), *y = AS_LIST(b);
        OuList *r = list_alloc(&ou_list_type, x->len + y->len);
        if (!r) return OU_ERR;
        for (int64_t i = 0; i < x->len; i++) r->items[i] = ou_newref(x->items[i]);
        for (int64_t i = 0; i < y->len; i++) r->items[x->len + i] = ou_newref(y->items[i]);
        return MK_OBJ(r);
    }
    if (bop == OU_BIN_MUL) {
        bool a_list = ou_instance_of(a, &ou_list_type);
        Value seq = a_list ? a : b, num = a_list ? b : a;
        int64_t n;
        int k = index_value(num, &n);
        if (k < 0) return OU_ERR;
        if (k == 0) {
            if (reflected || type_has(num, "__rmul__")) return ou_newref(ou_NotImplemented);
            return ou_err_format(ou_TypeError, "can't multiply sequence by non-int of type '%s'",
                                 OU_TYPE_NAME(num));
        }
        if (inplace && a_list) {
            OuList *l = AS_LIST(seq);
            if (n <= 0 || l->len == 0) {
                list_clear_items(l);
                return ou_newref(seq);
            }
            int64_t len = l->len;
            if (len > INT64_MAX / n || len * n > (INT64_C(1) << 56)) return ou_err_nomemory();
            if (list_reserve(l, len * n) < 0) return OU_ERR;
            for (int64_t j = 1; j < n; j++)
                for (int64_t i = 0; i < len; i++) l->items[j * len + i] = ou_newref(l->items[i]);
            l->len = len * n;
            return ou_newref(seq);
        }
        return ct_list_repeat(seq, n);
    }
    return ou_newref(ou_NotImplemented);
}

static Value list_iter(Value self);

static int64_t list_len(Value self) { return AS_LIST(self)->len; }

Value vm_list_slice(Value list, int64_t start, int64_t step, int64_t n) {
    OuList *l = AS_LIST(list);
    /* Raw: the loop below fills every item and nothing in it can fail. */
    OuList *r = list_alloc_ex(&ou_list_type, n, true);
    if (!r) return OU_ERR;
    for (int64_t i = 0, j = start; i < n; i++, j += step) r->items[i] = ou_newref(l->items[j]);
    return MK_OBJ(r);
}

/* The bounds' __index__ methods may change the list: its length is read after them. */
static Value list_slice_get(OuList *l, Value key) {
    int64_t start, stop, step;
    if (ou_slice_unpack(key, &start, &stop, &step) < 0) return OU_ERR;
    int64_t n = ou_slice_adjust(l->len, start, stop, step, &start, &stop);
    return vm_list_slice(MK_OBJ(l), start, step, n);
}

static Value list_getitem(Value self, Value key) {
    OuList *l = AS_LIST(self);
    int64_t i;
    int k = ou_index_item(key, &i);
    if (k > 0) {
        if (i < 0) i += l->len;
        if ((uint64_t)i >= (uint64_t)l->len) return ou_err_format(ou_IndexError, "list index out of range");
        return ou_newref(l->items[i]);
    }
    if (k < 0) return OU_ERR;
    if (is_slice(key)) return list_slice_get(l, key);
    return ou_err_format(ou_TypeError, "list indices must be integers or slices, not %s",
                         OU_TYPE_NAME(key));
}

/* Replace items[lo..hi) (0 <= lo <= hi <= len) by the n values of src (borrowed). */
static int list_replace_range(OuList *l, int64_t lo, int64_t hi, const Value *src, int64_t n) {
    /* The replaced items are released last (their __del__ may look at the list), from a copy
     * that is on the C stack when it is small. */
    Value small[16];
    int64_t old = hi - lo;
    Value *dead = small;
    if (old > (int64_t)(sizeof small / sizeof small[0])) {
        dead = ou_mem_alloc((size_t)old * sizeof(Value));
        if (!dead) return -1;
    }
    if (old > 0) memcpy(dead, l->items + lo, (size_t)old * sizeof(Value));
    int64_t delta = n - old;
    if (delta > 0 && list_reserve(l, l->len + delta) < 0) {
        if (dead != small) ou_mem_free(dead);
        return -1;
    }
    if (delta != 0)
        memmove(l->items + hi + delta, l->items + hi, (size_t)(l->len - hi) * sizeof(Value));
    for (int64_t i = 0; i < n; i++) l->items[lo + i] = ou_newref(src[i]);
    l->len += delta;
    for (int64_t i = old - 1; i >= 0; i--) ou_decref(dead[i]);
    if (dead != small) ou_mem_free(dead);
    return 0;
}

int vm_list_setslice(Value list, int64_t start, int64_t step, int64_t slen, Value v) {
    OuList *l = AS_LIST(list);
    if (IS_UNDEF(v)) { /* deletion */
        if (step == 1) return list_replace_range(l, start, start + slen, NULL, 0);
        if (slen == 0) return 0;
        if (step < 0) {
            start = start + step * (slen - 1);
            step = -step;
        }
        Value *dead = ou_mem_alloc((size_t)slen * sizeof(Value));
        if (!dead) return -1;
        int64_t w = start, nd = 0;
        for (int64_t r = start; r < l->len; r++) {
            if (nd < slen && r == start + nd * step) dead[nd++] = l->items[r];
            else l->items[w++] = l->items[r];
        }
        l->len = w;
        for (int64_t i = 0; i < nd; i++) ou_decref(dead[i]);
        ou_mem_free(dead);
        return 0;
    }
    /* Take a snapshot of the source as a list (also covers l[:] = l). */
    Value seq;
    if (IS_TUPLE(v) || (IS_LIST(v) && AS_LIST(v) != l)) {
        seq = ou_newref(v);
    } else {
        seq = ou_sequence_list(v);
        if (IS_ERR(seq)) {
            if (ou_err_matches(ou_TypeError)) {
                ou_err_clear();
                ou_err_format(ou_TypeError, step == 1 ? "can only assign an iterable"
                                                      : "must assign iterable to extended slice");
            }
            return -1;
        }
    }
    const Value *src = IS_TUPLE(seq) ? AS_TUPLE(seq)->items : AS_LIST(seq)->items;
    int64_t n = IS_TUPLE(seq) ? AS_TUPLE(seq)->len : AS_LIST(seq)->len;
    int rc = 0;
    /* Iterating v ran Python code, which may have resized the list since the indices were
     * computed: a simple slice is clamped to the new length (as CPython does); an extended
     * slice that no longer fits is an error (CPython writes out of bounds there). */
    if (step == 1) {
        if (start > l->len) start = l->len;
        if (slen > l->len - start) slen = l->len - start;
        rc = list_replace_range(l, start, start + slen, src, n);
    } else if (slen > 0 && (step > 0 ? start + (slen - 1) * step : start) >= l->len) {
        ou_err_format(ou_RuntimeError, "list modified during slice assignment");
        rc = -1;
    } else if (n != slen) {
        ou_err_format(ou_ValueError, "attempt to assign sequence of size %lld to extended slice of size %lld",
                      (long long)n, (long long)slen);
        rc = -1;
    } else {
        for (int64_t i = 0, j = start; i < n; i++, j += step) {
            Value old = l->items[j];
            l->items[j] = ou_newref(src[i]);
            ou_decref(old);
        }
    }
    ou_decref(seq);
    return rc;
}

static int list_slice_set(OuList *l, Value key, Value v) {
    int64_t start, stop, step;
    if (ou_slice_unpack(key, &start, &stop, &step) < 0) return -1;
    int64_t slen = ou_slice_adjust(l->len, start, stop, step, &start, &stop);
    return vm_list_setslice(MK_OBJ(l), start, step, slen, v);
}

static int list_setitem(Value self, Value key, Value v) {
    OuList *l = AS_LIST(self);
    int64_t i;
    int k = ou_index_item(key, &i);
    if (k > 0) {
        if (i < 0) i += l->len;
        if ((uint64_t)i >= (uint64_t)l->len) {
            ou_err_format(ou_IndexError, "list assignment index out of range");
            return -1;
        }
        Value old = l->items[i];
        if (IS_UNDEF(v)) {
            memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
            l->len--;
        } else {
            l->items[i] = ou_newref(v);
        }
        ou_decref(old);
        return 0;
    }
    if (k < 0) return -1;
    if (is_slice(key)) return list_slice_set(l, key, v);
    ou_err_format(ou_TypeError, "list indices must be integers or slices, not %s", OU_TYPE_NAME(key));
    return -1;
}

static int list_contains(Value self, Value x) {
    OuList *l = AS_LIST(self);
    for (int64_t i = 0; i < l->len; i++) {
        Value item = l->items[i];
        if (item == x) return 1;
        ou_incref(item);
        int eq = ct_eq(item, x);
        ou_decref(item);
        if (eq != 0) return eq;
    }
    return 0;
}

static Value list_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    OuList *l = list_alloc(type, 0);
    return l ? MK_OBJ(l) : OU_ERR;
}

static int list_init_slot(Value self, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list") < 0 || ct_args_range("list", nargs, 0, 1) < 0) return -1;
    list_clear_items(AS_LIST(self));
    return nargs == 1 ? ct_list_extend(self, args[0]) : 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Sorting: a stable bottom-up merge sort over (key, value) pairs, with binary insertion sort
 * for short runs and a skip when two runs are already in order (sorted input costs n
 * comparisons). The comparison is picked once per sort: all small ints (radix sorted when
 * there are many: radix_sort_int), all floats and all exact str compare inline, exact tuples
 * item by item (lt_tuple); anything else goes through ou_richcmp_bool(OU_LT). Every element
 * stays in the array at all times, so an error midway leaves a permutation. */

typedef struct { Value key, val; } SortItem;
typedef int (*sort_lt)(Value a, Value b); /* 1 if a < b, 0 if not, -1 on error */

static int lt_int(Value a, Value b) { return AS_SMALLINT(a) < AS_SMALLINT(b); }
static int lt_float(Value a, Value b) { return AS_FLOAT(a) < AS_FLOAT(b); }
static int lt_str(Value a, Value b) {
    /* Byte order of UTF-8 is code-point order, so memcmp agrees with str comparison. */
    int64_t m = ou_str_len(a), n = ou_str_len(b);
    int c = memcmp(ou_str_data(a), ou_str_data(b), (size_t)(m < n ? m : n));
    return c < 0 || (c == 0 && m < n);
}
static int lt_generic(Value a, Value b) { return ou_richcmp_bool(a, b, OU_LT); }
/* Exact tuples, as tuple comparison does it: the first pair of items that differ decides
 * (identical items are equal, as CPython's identity shortcut has it, even NaNs), else the
 * shorter tuple is less. Small ints, floats and exact strs compare inline. */
static int lt_tuple(Value a, Value b) {
    OuTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    for (int64_t i = 0; i < n; i++) {
        Value p = x->items[i], q = y->items[i];
        if (p == q) continue;
        if (IS_SMALLINT(p) && IS_SMALLINT(q)) return AS_SMALLINT(p) < AS_SMALLINT(q);
        if (IS_FLOAT(p) && IS_FLOAT(q)) {
            if (AS_FLOAT(p) == AS_FLOAT(q)) continue;
            return AS_FLOAT(p) < AS_FLOAT(q);
        }
        if (IS_STR(p) && IS_STR(q)) {
            if (ou_str_eq(p, q)) continue;
            return lt_str(p, q);
        }
        int eq = ou_richcmp_bool(p, q, OU_EQ);
        if (eq < 0) return -1;
        if (!eq) return ou_richcmp_bool(p, q, OU_LT);
    }
    return x->len < y->len;
}

#define SORT_RUN 32

/* The sort routines are inlined into one copy per comparison (merge_sort_int and friends
 * below), so the comparisons of small ints, floats and strs compile to inline code instead of
 * an indirect call each. */
#define SORT_INLINE static inline __attribute__((always_inline))

SORT_INLINE int insertion_sort(SortItem *a, int64_t lo, int64_t hi, sort_lt lt) {
    for (int64_t i = lo + 1; i < hi; i++) {
        SortItem x = a[i];
        int64_t l = lo, h = i;
        while (l < h) {
            int64_t mid = l + (h - l) / 2;
            int c = lt(x.key, a[mid].key);
            if (c < 0) return -1;
            if (c) h = mid;
            else l = mid + 1;
        }
        memmove(a + l + 1, a + l, (size_t)(i - l) * sizeof(SortItem));
        a[l] = x;
    }
    return 0;
}

/* Merge a[lo..mid) and a[mid..hi), stable; tmp holds at least mid - lo items. */
SORT_INLINE int merge(SortItem *a, SortItem *tmp, int64_t lo, int64_t mid, int64_t hi, sort_lt lt) {
    int c = lt(a[mid].key, a[mid - 1].key);
    if (c <= 0) return c; /* already in order (or error with nothing moved) */
    int64_t n1 = mid - lo;
    memcpy(tmp, a + lo, (size_t)n1 * sizeof(SortItem));
    int64_t i = 0, j = mid, k = lo;
    int rc = 0;
    while (i < n1 && j < hi) {
        c = lt(a[j].key, tmp[i].key);
        if (c < 0) {
            rc = -1;
            break;
        }
        a[k++] = c ? a[j++] : tmp[i++];
    }
    /* The rest of the right run is already in place; put back what remains of the left. */
    memcpy(a + k, tmp + i, (size_t)(n1 - i) * sizeof(SortItem));
    return rc;
}

SORT_INLINE int merge_sort(SortItem *a, int64_t n, sort_lt lt) {
    for (int64_t lo = 0; lo < n; lo += SORT_RUN) {
        int64_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;
        if (insertion_sort(a, lo, hi, lt) < 0) return -1;
    }
    if (n <= SORT_RUN) return 0;
    /* A left run may hold up to n - 1 items (the last merge of an uneven bottom-up pass). */
    SortItem *tmp = ou_mem_alloc((size_t)n * sizeof(SortItem));
    if (!tmp) return -1;
    for (int64_t w = SORT_RUN; w < n; w *= 2) {
        for (int64_t lo = 0; lo + w < n; lo += 2 * w) {
            int64_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            if (merge(a, tmp, lo, lo + w, hi, lt) < 0) {
                ou_mem_free(tmp);
                return -1;
            }
        }
    }
    ou_mem_free(tmp);
    return 0;
}

/* Small-int keys, at least RADIX_MIN of them: a least-significant-digit radix sort, one byte a
 * pass, over only the bytes in which the keys differ (keys below 2^17: three passes). It is
 * stable, as list.sort must be, and never compares, so it cannot fail but for memory: the
 * n log n comparisons of a merge sort become a few linear passes (sorting 50,000 ints: about
 * 780,000 comparisons). The key's sign bit is flipped so that unsigned byte order is numeric. */
#define RADIX_MIN 256

static inline uint64_t radix_key(Value k) {
    return (uint64_t)AS_SMALLINT(k) ^ (UINT64_C(1) << 63);
}

static int radix_sort_int(SortItem *a, int64_t n) {
    uint64_t k0 = radix_key(a[0].key), differ = 0;
    for (int64_t i = 1; i < n; i++) differ |= radix_key(a[i].key) ^ k0;
    if (!differ) return 0;
    SortItem *tmp = ou_mem_alloc((size_t)n * sizeof(SortItem));
    if (!tmp) return -1;
    SortItem *src = a, *dst = tmp;
    for (unsigned shift = 0; shift < 64; shift += 8) {
        if (!((differ >> shift) & 255)) continue; /* every key has this byte: no order in it */
        uint32_t pos[256] = {0}; /* n < 2^32: a longer list could not have been allocated */
        for (int64_t i = 0; i < n; i++) pos[(radix_key(src[i].key) >> shift) & 255]++;
        uint32_t sum = 0;
        for (int d = 0; d < 256; d++) {
            uint32_t c = pos[d];
            pos[d] = sum;
            sum += c;
        }
        for (int64_t i = 0; i < n; i++) dst[pos[(radix_key(src[i].key) >> shift) & 255]++] = src[i];
        SortItem *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, (size_t)n * sizeof(SortItem));
    ou_mem_free(tmp);
    return 0;
}

static int merge_sort_int(SortItem *a, int64_t n) {
    if (n >= RADIX_MIN) return radix_sort_int(a, n);
    return merge_sort(a, n, lt_int);
}
static int merge_sort_float(SortItem *a, int64_t n) { return merge_sort(a, n, lt_float); }
static int merge_sort_str(SortItem *a, int64_t n) { return merge_sort(a, n, lt_str); }
static int merge_sort_tuple(SortItem *a, int64_t n) { return merge_sort(a, n, lt_tuple); }
static int merge_sort_generic(SortItem *a, int64_t n) { return merge_sort(a, n, lt_generic); }

static void reverse_items(SortItem *a, int64_t n) {
    for (int64_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

Value ou_list_sort(Value list, Value key, bool reverse) {
    OuList *l = AS_LIST(list);
    int64_t n = l->len, cap = l->cap;
    Value *items = l->items;
    l->len = l->cap = 0;
    l->items = NULL;
    bool has_key = !IS_UNDEF(key) && !IS_NONE(key);
    int rc = 0;
    SortItem *a = NULL;
    if (n > 0) {
        a = ou_mem_alloc((size_t)n * sizeof(SortItem));
        if (!a) rc = -1;
    }
    int64_t nkeys = 0;
    if (rc == 0) {
        for (int64_t i = 0; i < n; i++) {
            a[i].val = items[i];
            if (has_key) {
                a[i].key = ou_call1(key, items[i]);
                if (IS_ERR(a[i].key)) {
                    rc = -1;
                    break;
                }
                nkeys++;
            } else {
                a[i].key = items[i];
            }
        }
    }
    if (rc == 0 && n > 1) {
        bool all_int = true, all_float = true, all_str = true, all_tuple = true;
        for (int64_t i = 0; i < n; i++) {
            Value k = a[i].key;
            all_int &= IS_SMALLINT(k);
            all_float &= IS_FLOAT(k);
            all_str &= IS_STR(k);
            all_tuple &= IS_TUPLE(k);
        }
        int (*sort)(SortItem *, int64_t) = all_int ? merge_sort_int : all_float ? merge_sort_float
                                           : all_str ? merge_sort_str : all_tuple ? merge_sort_tuple
                                                                             : merge_sort_generic;
        /* Reversing around a stable sort keeps equal items in their original order. */
        if (reverse) reverse_items(a, n);
        rc = sort(a, n);
        if (reverse) reverse_items(a, n);
        for (int64_t i = 0; i < n; i++) items[i] = a[i].val;
    }
    if (has_key)
        for (int64_t i = 0; i < nkeys; i++) ou_decref(a[i].key);
    ou_mem_free(a);
    bool modified = l->items != NULL || l->len != 0;
    if (modified) list_clear_items(l);
    l->items = items;
    l->len = n;
    l->cap = cap;
    if (rc < 0) return OU_ERR;
    if (modified) return ou_err_format(ou_ValueError, "list modified during sort");
    return OU_NONE;
}

/* ------------------------------------------------------------------------------------------ */
/* Methods: args[0] is self; the user's argument count is nargs - 1. */

#define SELF AS_LIST(args[0])

static Value m_append(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.append") < 0 || ct_args_one("list.append", nargs - 1) < 0) return OU_ERR;
    return ou_list_append(args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_extend(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.extend") < 0 || ct_args_one("list.extend", nargs - 1) < 0) return OU_ERR;
    return ct_list_extend(args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_insert(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "insert") < 0 || ct_args_range("insert", nargs - 1, 2, 2) < 0) return OU_ERR;
    int64_t i;
    if (ou_index(args[1], &i) < 0) return OU_ERR;
    OuList *l = SELF;
    if (i < 0) {
        i += l->len;
        if (i < 0) i = 0;
    }
    if (i > l->len) i = l->len;
    if (list_reserve(l, l->len + 1) < 0) return OU_ERR;
    memmove(l->items + i + 1, l->items + i, (size_t)(l->len - i) * sizeof(Value));
    l->items[i] = ou_newref(args[2]);
    l->len++;
    return OU_NONE;
}

static Value m_pop(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "pop") < 0 || ct_args_range("pop", nargs - 1, 0, 1) < 0) return OU_ERR;
    OuList *l = SELF;
    int64_t i = -1;
    if (nargs > 1 && ou_index(args[1], &i) < 0) return OU_ERR;
    if (l->len == 0) return ou_err_format(ou_IndexError, "pop from empty list");
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) return ou_err_format(ou_IndexError, "pop index out of range");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    return v;
}

/* Position of the first item == x in [lo, hi), -1 if none, -2 on error. */
static int64_t list_find(OuList *l, Value x, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi && i < l->len; i++) {
        Value item = ou_newref(l->items[i]);
        int eq = ct_eq(item, x);
        ou_decref(item);
        if (eq < 0) return -2;
        if (eq) return i;
    }
    return -1;
}

static Value m_remove(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.remove") < 0 || ct_args_one("list.remove", nargs - 1) < 0) return OU_ERR;
    OuList *l = SELF;
    int64_t i = list_find(l, args[1], 0, l->len);
    if (i == -2) return OU_ERR;
    if (i < 0) return ou_err_format(ou_ValueError, "list.remove(x): x not in list");
    Value v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
    l->len--;
    ou_decref(v);
    return OU_NONE;
}

/* start/stop arguments of index(): ints or __index__, clamped like slice bounds. */
static int slice_bound(Value v, int64_t len, int64_t *out) {
    int64_t i;
    int k = index_value(v, &i);
    if (k < 0) return -1;
    if (k == 0) {
        ou_err_format(ou_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (i < 0) {
        i += len;
        if (i < 0) i = 0;
    }
    *out = i;
    return 0;
}

static Value m_index(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "index") < 0 || ct_args_range("index", nargs - 1, 1, 3) < 0) return OU_ERR;
    OuList *l = SELF;
    int64_t lo = 0, hi = INT64_MAX;
    if (nargs > 2 && slice_bound(args[2], l->len, &lo) < 0) return OU_ERR;
    if (nargs > 3 && slice_bound(args[3], l->len, &hi) < 0) return OU_ERR;
    int64_t i = list_find(l, args[1], lo, hi);
    if (i == -2) return OU_ERR;
    if (i < 0) return ou_err_format(ou_ValueError, "%R is not in list", args[1]);
    return MK_SMALLINT(i);
}

static Value m_count(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.count") < 0 || ct_args_one("list.count", nargs - 1) < 0) return OU_ERR;
    OuList *l = SELF;
    int64_t c = 0;
    for (int64_t i = 0; i < l->len; i++) {
        Value item = ou_newref(l->items[i]);
        int eq = ct_eq(item, args[1]);
        ou_decref(item);
        if (eq < 0) return OU_ERR;
        c += eq;
    }
    return MK_SMALLINT(c);
}

static Value m_clear(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.clear") < 0 || ct_args_none("list.clear", nargs - 1) < 0) return OU_ERR;
    list_clear_items(SELF);
    return OU_NONE;
}

static Value m_copy(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.copy") < 0 || ct_args_none("list.copy", nargs - 1) < 0) return OU_ERR;
    return ou_list_from(SELF->items, SELF->len);
}

static Value m_reverse(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "list.reverse") < 0 || ct_args_none("list.reverse", nargs - 1) < 0) return OU_ERR;
    OuList *l = SELF;
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        Value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return OU_NONE;
}

static Value m_sort(Value *args, int nargs, Value kwnames) {
    if (nargs > 1) return ou_err_format(ou_TypeError, "sort() takes no positional arguments");
    Value key = OU_NONE, rev = OU_FALSE;
    int nkw = ct_nkw(kwnames);
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        if (ou_str_eq_cstr(name, "key")) key = args[nargs + k];
        else if (ou_str_eq_cstr(name, "reverse")) rev = args[nargs + k];
        else return ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for sort()", name);
    }
    int r;
    if (IS_BOOL(rev)) {
        r = rev == OU_TRUE;
    } else {
        int64_t iv;
        if (!ou_int_value(rev, &iv))
            return ou_err_format(ou_TypeError, "'%s' object cannot be interpreted as an integer",
                                 OU_TYPE_NAME(rev));
        r = iv != 0;
    }
    return ou_list_sort(args[0], key, r);
}

static Value m_reversed(Value *args, int nargs, Value kwnames);

static Value m_init(Value *args, int nargs, Value kwnames) {
    return list_init_slot(args[0], args + 1, nargs - 1, kwnames) < 0 ? OU_ERR : OU_NONE;
}
static Value m_len(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 0) < 0) return OU_ERR;
    return MK_SMALLINT(SELF->len);
}
static Value m_getitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return list_getitem(args[0], args[1]);
}
static Value m_setitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 2) < 0) return OU_ERR;
    return list_setitem(args[0], args[1], args[2]) < 0 ? OU_ERR : OU_NONE;
}
static Value m_delitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return list_setitem(args[0], args[1], OU_UNDEF) < 0 ? OU_ERR : OU_NONE;
}
static Value m_contains(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    int r = list_contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value m_iter(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 0) < 0) return OU_ERR;
    return list_iter(args[0]);
}
static Value m_repr(Value *args, int nargs, Value kwnames) { return list_repr(args[0]); }
static Value m_add(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return list_binop(args[0], args[1], OU_BIN_ADD, false);
}
static Value m_iadd(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return list_binop(args[0], args[1], OU_BIN_ADD | OU_BIN_INPLACE, false);
}
static Value m_eq(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return list_richcmp(args[0], args[1], OU_EQ);
}

static const OuMethodDef list_methods[] = {
    {"append", m_append, "Append object to the end of the list."},
    {"extend", m_extend, "Extend list by appending elements from the iterable."},
    {"insert", m_insert, "Insert object before index."},
    {"pop", m_pop, "Remove and return item at index (default last)."},
    {"remove", m_remove, "Remove first occurrence of value."},
    {"index", m_index, "Return first index of value."},
    {"count", m_count, "Return number of occurrences of value."},
    {"clear", m_clear, "Remove all items from list."},
    {"copy", m_copy, "Return a shallow copy of the list."},
    {"reverse", m_reverse, "Reverse *IN PLACE*."},
    {"sort", m_sort, "Sort the list in ascending order and return None."},
    {"__reversed__", m_reversed, "Return a reverse iterator over the list."},
    {"__init__", m_init, NULL},
    {"__len__", m_len, NULL},
    {"__getitem__", m_getitem, NULL},
    {"__setitem__", m_setitem, NULL},
    {"__delitem__", m_delitem, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {"__repr__", m_repr, NULL},
    {"__add__", m_add, NULL},
    {"__iadd__", m_iadd, NULL},
    {"__eq__", m_eq, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* Iterators: the list is held until exhaustion, then dropped (seq = OU_UNDEF), so a finished
 * iterator stays finished even if the list grows afterwards, as in CPython. */

typedef VmListIter ListIter; /* interp.h: FOR_ITER steps it inline */

static void listiter_dealloc(OuObject *o) {
    ou_decref(((ListIter *)o)->seq);
    ou_obj_free(o);
}
static int listiter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((ListIter *)o)->seq);
    return 0;
}
static void listiter_clear(OuObject *o) {
    ListIter *it = (ListIter *)o;
    Value s = it->seq;
    it->seq = OU_UNDEF;
    ou_decref(s);
}
static Value iter_self(Value self) { return ou_newref(self); }

static Value listiter_next(Value self) {
    ListIter *it = (ListIter *)AS_OBJ(self);
    if (IS_UNDEF(it->seq)) return OU_UNDEF;
    OuList *l = AS_LIST(it->seq);
    if (it->index < l->len) return ou_newref(l->items[it->index++]);
    listiter_clear(&it->ob);
    return OU_UNDEF;
}

static Value listreviter_next(Value self) {
    ListIter *it = (ListIter *)AS_OBJ(self);
    if (IS_UNDEF(it->seq)) return OU_UNDEF;
    OuList *l = AS_LIST(it->seq);
    if (it->index >= 0 && it->index < l->len) return ou_newref(l->items[it->index--]);
    listiter_clear(&it->ob);
    return OU_UNDEF;
}

OuType ct_listiter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "list_iterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(ListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .iter = iter_self,
    .next = listiter_next,
};

OuType ct_listreviter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "list_reverseiterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(ListIter),
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .clear = listiter_clear,
    .iter = iter_self,
    .next = listreviter_next,
};

static Value list_iter(Value self) {
    ListIter *it = ou_obj_alloc(&ct_listiter_type, sizeof(ListIter));
    if (!it) return OU_ERR;
    it->seq = ou_newref(self);
    it->index = 0;
    return MK_OBJ(it);
}

static Value m_reversed(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 0) < 0) return OU_ERR;
    ListIter *it = ou_obj_alloc(&ct_listreviter_type, sizeof(ListIter));
    if (!it) return OU_ERR;
    it->seq = ou_newref(args[0]);
    it->index = SELF->len - 1;
    return MK_OBJ(it);
}

/* ------------------------------------------------------------------------------------------ */

OuType ou_list_type = {
    .ob = CT_STATIC_HEAD,
    .name = "list",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuList),
    .dealloc = list_dealloc,
    .traverse = list_traverse,
    .clear = list_clear,
    .repr = list_repr,
    .hash = ct_unhashable,
    .richcmp = list_richcmp,
    .binop = list_binop,
    .iter = list_iter,
    .len = list_len,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .contains = list_contains,
    .new = list_new_slot,
    .init = list_init_slot,
};

int vm_init_list(void) {
    s_index = ou_str_intern("__index__");
    if (IS_ERR(s_index)) return -1;
    if (ou_type_ready(&ou_list_type) < 0 || ou_type_ready(&ct_listiter_type) < 0 ||
        ou_type_ready(&ct_listreviter_type) < 0)
        return -1;
    if (ou_add_functions(ou_list_type.dict, list_methods, OU_UNDEF) < 0) return -1;
    /* Mutable containers say so the Python way too: list.__hash__ is None. */
    return ou_dict_set_str(ou_list_type.dict, "__hash__", OU_NONE);
}
