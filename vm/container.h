/* container.h: internal interface shared by the container files of vm/ (list.c, tuple.c,
 * dict.c, set.c, range.c, iterobject.c, container.c). Prefix ct_ for the shared helpers.
 * Nothing outside these files should include it: the public entry points are in ouro.h. */
#ifndef OU_CONTAINER_H
#define OU_CONTAINER_H

#include "ouro.h"

/* Header of a static (immortal) object: the huge count can never drop to zero. */
#define CT_STATIC_HEAD {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .aux = 0, .type = &ou_type_type}

/* traverse helper: visit an object child, stop the walk on a nonzero answer. */
#define CT_VISIT(v)                                                                            \
    do {                                                                                        \
        Value vv_ = (v);                                                                        \
        if (IS_OBJ(vv_)) {                                                                      \
            int r_ = visit(AS_OBJ(vv_), arg);                                                   \
            if (r_) return r_;                                                              \
        }                                                                                       \
    } while (0)

/* Argument checks with CPython's messages. Each returns 0, or -1 with TypeError set.
 * `nargs` excludes self. */
int ct_no_kw(Value kwnames, const char *fname);                 /* "f() takes no keyword arguments" */
int ct_args_one(const char *fname, int nargs);   /* METH_O: "f() takes exactly one argument (n given)" */
int ct_args_none(const char *fname, int nargs);  /* METH_NOARGS: "f() takes no arguments (n given)" */
int ct_args_range(const char *fname, int nargs, int min, int max); /* "f expected at most 1 argument, got 2" */
/* Slot wrappers (__len__, __setitem__...): "expected 1 argument, got 2". */
int ct_args_wrap(int nargs, int n);
/* The number of keyword arguments passed with kwnames (0 when OU_UNDEF). */
static inline int ct_nkw(Value kwnames) { return IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len; }

/* A growable byte buffer for building reprs without a malloc per piece. */
typedef struct {
    char *p;
    int64_t len, cap;
    char inl[256];
} CtBuf;
void ct_buf_init(CtBuf *b);
int ct_buf_put(CtBuf *b, const char *s, int64_t n); /* 0/-1 (MemoryError) */
static inline int ct_buf_puts(CtBuf *b, const char *s) { return ct_buf_put(b, s, (int64_t)strlen(s)); }
int ct_buf_put_str(CtBuf *b, Value s);            /* appends a str's text */
int ct_buf_put_repr(CtBuf *b, Value v);           /* appends repr(v); -1 if repr raised */
Value ct_buf_finish(CtBuf *b);                    /* new str; frees the buffer either way */
void ct_buf_free(CtBuf *b);

/* Hash of a value with the two commonest key kinds inline: small ints hash to themselves
 * (-1 -> -2, as in CPython) and str caches its hash. -1 on error. */
static inline int64_t ct_hash(Value v) {
    if (IS_SMALLINT(v)) {
        int64_t i = AS_SMALLINT(v);
        return i == -1 ? -2 : i;
    }
    if (IS_STR(v)) {
        int64_t h = AS_STR(v)->hash;
        return h != -1 ? h : ou_str_hash(v);
    }
    return ou_hash(v);
}

/* Equality as containers test it (CPython's PyObject_RichCompareBool): identity first. NaNs
 * are immediates here, so the identity test is bitwise and `n in [n]` holds as in CPython. */
static inline int ct_eq(Value a, Value b) { return a == b ? 1 : ou_equal(a, b); }

/* Raise TypeError "unhashable type: 'T'" and return -1 (hash slot of mutable containers). */
int64_t ct_unhashable(Value self);

/* Set a method dict entry that wraps a C function as a classmethod (dict.fromkeys). */
int ct_add_classmethod(OuType *t, const char *name, ou_cfunc fn);

/* list.c */
int ct_list_extend(Value list, Value iterable);   /* 0/-1 */
Value ct_list_repeat(Value list, int64_t n);
extern OuType ct_listiter_type, ct_listreviter_type;

/* tuple.c */
extern OuType ct_tupleiter_type;
int64_t ct_tuple_hash(Value t);

/* dict.c */
extern OuType ct_dictkeys_type, ct_dictvalues_type, ct_dictitems_type;
extern OuType ct_dictiter_keys_type, ct_dictiter_values_type, ct_dictiter_items_type;
/* Lookup with a precomputed hash: borrowed value, OU_UNDEF if absent, OU_ERR on error. */
Value ct_dict_lookup(OuDict *d, Value key, int64_t hash);
int ct_dict_set_hash(Value d, Value key, int64_t hash, Value v);   /* increfs both */
/* Walk entries like ou_dict_next but also yield the cached hash. */
bool ct_dict_next_hash(Value d, int64_t *pos, Value *key, Value *value, int64_t *hash);
int ct_dict_merge_kwargs(Value d, Value *vals, Value kwnames); /* d[kwnames[i]] = vals[i] */

/* set.c */
bool ct_is_anyset(Value v);                       /* set, frozenset or a subclass */
int ct_set_add_hash(Value s, Value key, int64_t hash);

/* genericalias.c: list[int] and friends; called by vm_init_iter. 0/-1. */
int ct_init_genericalias(void);

/* iterobject.c: the sequence iterator is also used by list/tuple reversed(). */
extern OuType ct_seqiter_type;

#endif
