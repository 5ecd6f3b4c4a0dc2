/* dict.c: the dict type, its views and iterators.
 *
 * Layout (OuDict in ouro.h): a compact, insertion-ordered table.
 *   indices[0..nindices)  hash slots: -1 empty, -2 dummy (deleted), else an entry number.
 *   entries[0..used)      entries in insertion order; a deleted one has key == OU_UNDEF.
 * Both arrays live in ONE allocation owned by `indices` (entries points inside it), so a dict
 * costs two mallocs, not three. `cap` is the number of entries the current index table may
 * take before a resize: 2/3 of nindices when the table is built (CPython's USABLE_FRACTION),
 * lowered by popitem when it reclaims trailing deleted entries, so that live + dummy slots
 * never fill the index table (a probe always ends at an empty slot).
 * Probing is CPython's: i = hash & mask, then i = 5*i + 1 + (perturb >>= 5). A resize
 * (when used reaches cap) makes the table the smallest power of two >= 3 * count, at least 8,
 * and drops deleted entries. `version` takes a fresh value from a global counter on every
 * mutation, so (dict, version) identifies a state even across frees and reallocations. */
#include "container.h"

#include <stdlib.h>

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DICT_MINSIZE 8
#define PERTURB_SHIFT 5

/* Not static: the interpreter's attribute caches (vm/interp.c) store into instance dicts
 * directly and take a fresh version from the same counter. */
uint64_t dict_global_version;
static Value s_missing, s_keys;

static inline void bump(OuDict *d) { d->version = ++dict_global_version; }

/* Tables of the minimum size (every new dict, every instance dict) are recycled through a
 * small free list instead of going back to malloc. Blocks on it are owned by nobody else and
 * are freed at exit. */
#define DICT_BLOCK_FREE_MAX 80
static void *free_blocks[DICT_BLOCK_FREE_MAX];
static int nfree_blocks;

static void free_block_list(void) {
    while (nfree_blocks > 0) ou_mem_free(free_blocks[--nfree_blocks]);
}

static void table_free(int64_t *indices, int64_t size) {
    if (size == DICT_MINSIZE && nfree_blocks < DICT_BLOCK_FREE_MAX) free_blocks[nfree_blocks++] = indices;
    else ou_mem_free(indices);
}

/* Allocate a table of `size` index slots for `d` (its old table is left to the caller). */
static int dict_alloc_table(OuDict *d, int64_t size) {
    int64_t cap = (size << 1) / 3;
    char *block;
    if (size == DICT_MINSIZE && nfree_blocks > 0)
        block = free_blocks[--nfree_blocks];
    else
        block = ou_mem_alloc((size_t)size * sizeof(int64_t) + (size_t)cap * sizeof(OuDictEntry));
    if (!block) return -1;
    d->indices = (int64_t *)block;
    memset(d->indices, 0xff, (size_t)size * sizeof(int64_t)); /* all DKIX_EMPTY */
    d->entries = (OuDictEntry *)(block + (size_t)size * sizeof(int64_t));
    d->nindices = size;
    d->cap = cap;
    d->used = d->count = 0;
    return 0;
}

static OuDict *dict_alloc(OuType *type) {
    size_t size = type->basicsize > sizeof(OuDict) ? type->basicsize : sizeof(OuDict);
    OuDict *d = ou_obj_alloc(type, size);
    if (!d) return NULL;
    if (dict_alloc_table(d, DICT_MINSIZE) < 0) {
        ou_decref(MK_OBJ(d));
        return NULL;
    }
    bump(d);
    return d;
}

Value ou_dict_new(void) {
    OuDict *d = dict_alloc(&ou_dict_type);
    return d ? MK_OBJ(d) : OU_ERR;
}

/* First index slot for `hash` that holds no live entry (empty or dummy). */
static int64_t find_empty_slot(OuDict *d, int64_t hash) {
    uint64_t mask = (uint64_t)d->nindices - 1, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (d->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

static int dict_resize(OuDict *d, int64_t minsize) {
    int64_t size = DICT_MINSIZE;
    while (size < minsize) size <<= 1;
    int64_t *old_block = d->indices;
    OuDictEntry *old = d->entries;
    int64_t old_used = d->used, old_size = d->nindices;
    if (dict_alloc_table(d, size) < 0) {
        d->indices = old_block; /* dict_alloc_table touched nothing before failing */
        return -1;
    }
    int64_t n = 0;
    for (int64_t i = 0; i < old_used; i++) {
        if (IS_UNDEF(old[i].key)) continue;
        d->entries[n] = old[i];
        d->indices[find_empty_slot(d, old[i].hash)] = n;
        n++;
    }
    d->used = d->count = n;
    table_free(old_block, old_size);
    return 0;
}

/* Entry number of `key`, -1 if absent, -2 on error. A comparison may run Python code that
 * mutates the dict: then the version changed and the probe restarts from scratch. */
static int64_t lookup_ix(OuDict *d, Value key, int64_t hash) {
restart:;
    uint64_t mask = (uint64_t)d->nindices - 1, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = d->indices[i];
        if (ix == DKIX_EMPTY) return -1;
        if (ix >= 0) {
            OuDictEntry *e = &d->entries[ix];
            Value sk = e->key;
            if (sk == key) return ix;
            if (e->hash == hash) {
                if (IS_STR(sk) && IS_STR(key)) {
                    if (ou_str_eq(sk, key)) return ix;
                } else {
                    uint64_t ver = d->version;
                    ou_incref(sk);
                    int eq = ct_eq(sk, key);
                    ou_decref(sk);
                    if (eq < 0) return -2;
                    if (d->version != ver) goto restart;
                    if (eq) return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

Value ct_dict_lookup(OuDict *d, Value key, int64_t hash) {
    int64_t ix = lookup_ix(d, key, hash);
    if (ix >= 0) return d->entries[ix].value;
    return ix == -1 ? OU_UNDEF : OU_ERR;
}

Value ou_dict_get(Value dv, Value key) {
    OuDict *d = AS_DICT(dv);
    int64_t hash = ct_hash(key);
    if (hash == -1) return OU_ERR;
    return ct_dict_lookup(d, key, hash);
}

Value ou_dict_get_str(Value d, const char *key) {
    /* Short keys are looked up through a str built on the C stack (immortal count, never
     * escapes this function), so that lookups by C name do not allocate. */
    size_t n = strlen(key);
    if (n < 120) {
        union {
            OuStr s;
            char raw[sizeof(OuStr) + 128];
        } buf;
        OuStr *s = &buf.s;
        s->ob.rc = 1u << 30;
        s->ob.gcflags = OU_GCF_IMMORTAL;
        s->ob.type = &ou_str_type;
        int64_t nchars = 0;
        for (size_t i = 0; i < n; i++) nchars += ((unsigned char)key[i] & 0xC0) != 0x80;
        s->ob.aux = nchars == (int64_t)n ? OU_STR_ASCII : 0;
        s->len = (int64_t)n;
        s->nchars = nchars;
        s->hash = -1;
        memcpy(s->data, key, n + 1);
        Value v = ou_dict_get(d, MK_OBJ(s));
        if (IS_ERR(v)) {
            ou_err_clear();
            return OU_UNDEF;
        }
        return v;
    }
    Value k = ou_str_cstr(key);
    if (IS_ERR(k)) {
        ou_err_clear();
        return OU_UNDEF;
    }
    Value v = ou_dict_get(d, k);
    ou_decref(k);
    if (IS_ERR(v)) {
        ou_err_clear();
        return OU_UNDEF;
    }
    return v;
}

/* Insert or replace; increfs key and value. An existing key object is kept (as CPython). */
int ct_dict_set_hash(Value dv, Value key, int64_t hash, Value v) {
    OuDict *d = AS_DICT(dv);
    int64_t ix = lookup_ix(d, key, hash);
    if (ix == -2) return -1;
    if (ix >= 0) {
        OuDictEntry *e = &d->entries[ix];
        Value old = e->value;
        e->value = ou_newref(v);
        bump(d);
        ou_decref(old);
        return 0;
    }
    if (d->used >= d->cap && dict_resize(d, d->count * 3) < 0) return -1;
    int64_t slot = find_empty_slot(d, hash);
    d->indices[slot] = d->used;
    OuDictEntry *e = &d->entries[d->used++];
    e->hash = hash;
    e->key = ou_newref(key);
    e->value = ou_newref(v);
    d->count++;
    bump(d);
    return 0;
}

int ou_dict_set(Value d, Value key, Value v) {
    int64_t hash = ct_hash(key);
    if (hash == -1) return -1;
    return ct_dict_set_hash(d, key, hash, v);
}

int ou_dict_set_str(Value d, const char *key, Value v) {
    Value k = ou_str_cstr(key);
    if (IS_ERR(k)) return -1;
    int rc = ou_dict_set(d, k, v);
    ou_decref(k);
    return rc;
}

/* Unlink entry ix (found at index slot `slot`), returning its key and value (owned). */
static void dict_unlink(OuDict *d, int64_t ix, Value *key, Value *value) {
    OuDictEntry *e = &d->entries[ix];
    uint64_t mask = (uint64_t)d->nindices - 1, perturb = (uint64_t)e->hash, i = (uint64_t)e->hash & mask;
    while (d->indices[i] != ix) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    d->indices[i] = DKIX_DUMMY;
    *key = e->key;
    *value = e->value;
    e->key = e->value = OU_UNDEF;
    d->count--;
    bump(d);
}

/* Remove key: 1 removed (*out gets the value, owned), 0 absent, -1 error. */
static int dict_pop_hash(OuDict *d, Value key, int64_t hash, Value *out) {
    int64_t ix = lookup_ix(d, key, hash);
    if (ix == -2) return -1;
    if (ix == -1) return 0;
    Value k, v;
    dict_unlink(d, ix, &k, &v);
    ou_decref(k);
    *out = v;
    return 1;
}

Value ou_dict_pop(Value d, Value key) {
    int64_t hash = ct_hash(key);
    if (hash == -1) return OU_ERR;
    Value v;
    int r = dict_pop_hash(AS_DICT(d), key, hash, &v);
    if (r < 0) return OU_ERR;
    return r ? v : OU_UNDEF;
}

int ou_dict_del(Value d, Value key) {
    Value v = ou_dict_pop(d, key);
    if (IS_ERR(v)) return -1;
    if (IS_UNDEF(v)) {
        ou_err_set_value(ou_KeyError, key);
        return -1;
    }
    ou_decref(v);
    return 0;
}

bool ou_dict_next(Value dv, int64_t *pos, Value *key, Value *value) {
    OuDict *d = AS_DICT(dv);
    int64_t i = *pos;
    while (i < d->used && IS_UNDEF(d->entries[i].key)) i++;
    if (i >= d->used) {
        *pos = i;
        return false;
    }
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = i + 1;
    return true;
}

bool ct_dict_next_hash(Value dv, int64_t *pos, Value *key, Value *value, int64_t *hash) {
    if (!ou_dict_next(dv, pos, key, value)) return false;
    if (hash) *hash = AS_DICT(dv)->entries[*pos - 1].hash;
    return true;
}

/* Empty the dict. The old table is detached first and released afterwards, since releasing
 * keys and values may run __del__ methods that look at (or refill) the dict. */
static void dict_clear_all(OuDict *d) {
    if (d->count == 0 && d->used == 0) return;
    int64_t *old_block = d->indices;
    OuDictEntry *old = d->entries;
    int64_t n = d->used, old_size = d->nindices;
    if (dict_alloc_table(d, DICT_MINSIZE) < 0) {
        ou_err_clear(); /* out of memory: keep the contents rather than corrupt the dict */
        d->indices = old_block;
        return;
    }
    bump(d);
    for (int64_t i = 0; i < n; i++) {
        if (IS_UNDEF(old[i].key)) continue;
        ou_decref(old[i].key);
        ou_decref(old[i].value);
    }
    table_free(old_block, old_size);
}

Value ou_dict_copy(Value dv) {
    OuDict *src = AS_DICT(dv);
    OuDict *d = dict_alloc(&ou_dict_type);
    if (!d) return OU_ERR;
    if (src->count > 0) {
        /* A compact source of the right shape is copied wholesale (no rehash). */
        int64_t size = DICT_MINSIZE;
        while ((size << 1) / 3 < src->count) size <<= 1;
        if (size != d->nindices) {
            table_free(d->indices, d->nindices);
            if (dict_alloc_table(d, size) < 0) {
                d->indices = NULL;
                d->nindices = 0;
                ou_decref(MK_OBJ(d));
                return OU_ERR;
            }
        }
        for (int64_t i = 0; i < src->used; i++) {
            OuDictEntry *e = &src->entries[i];
            if (IS_UNDEF(e->key)) continue;
            OuDictEntry *ne = &d->entries[d->used];
            ne->hash = e->hash;
            ne->key = ou_newref(e->key);
            ne->value = ou_newref(e->value);
            d->indices[find_empty_slot(d, e->hash)] = d->used++;
        }
        d->count = d->used;
    }
    return MK_OBJ(d);
}

Value ou_dict_keys_list(Value dv) {
    OuDict *d = AS_DICT(dv);
    Value l = ou_list_new(d->count);
    if (IS_ERR(l)) return OU_ERR;
    int64_t n = 0;
    for (int64_t i = 0; i < d->used; i++)
        if (!IS_UNDEF(d->entries[i].key)) ou_list_set_steal(l, n++, ou_newref(d->entries[i].key));
    return l;
}

/* ------------------------------------------------------------------------------------------ */
/* update(): from a dict, a mapping (has keys()), or an iterable of pairs. */

static int dict_merge_dict(Value d, Value other) {
    if (d == other) return 0;
    OuDict *o = AS_DICT(other);
    if (AS_DICT(d)->count == 0 && o->count > 0) {
        /* Presize, so that the entries are not rehashed several times on the way. */
        int64_t need = o->count + o->count / 2 + 1;
        if (dict_resize(AS_DICT(d), need) < 0) return -1;
    }
    for (int64_t i = 0; i < o->used; i++) {
        OuDictEntry *e = &o->entries[i];
        if (IS_UNDEF(e->key)) continue;
        Value k = ou_newref(e->key), v = ou_newref(e->value);
        int64_t h = e->hash;
        int rc = ct_dict_set_hash(d, k, h, v);
        ou_decref(k);
        ou_decref(v);
        if (rc < 0) return -1;
    }
    return 0;
}

static int dict_merge_mapping(Value d, Value other) {
    Value keys = ou_call_method(other, "keys", NULL, 0);
    if (IS_ERR(keys)) return -1;
    Value it = ou_iter(keys);
    ou_decref(keys);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        if (IS_ERR(k)) goto fail;
        Value v = ou_getitem(other, k);
        if (IS_ERR(v)) {
            ou_decref(k);
            goto fail;
        }
        int rc = ou_dict_set(d, k, v);
        ou_decref(k);
        ou_decref(v);
        if (rc < 0) goto fail;
    }
    ou_decref(it);
    return 0;
fail:
    ou_decref(it);
    return -1;
}

static int dict_merge_pairs(Value d, Value seq) {
    Value it = ou_iter(seq);
    if (IS_ERR(it)) return -1;
    for (int64_t n = 0;; n++) {
        Value item = ou_next(it);
        if (IS_UNDEF(item)) break;
        if (IS_ERR(item)) goto fail;
        Value fast = (IS_TUPLE(item) || IS_LIST(item)) ? ou_newref(item) : ou_sequence_list(item);
        ou_decref(item);
        if (IS_ERR(fast)) {
            if (ou_err_matches(ou_TypeError)) {
                ou_err_clear();
                ou_err_format(ou_TypeError,
                              "cannot convert dictionary update sequence element #%lld to a sequence",
                              (long long)n);
            }
            goto fail;
        }
        int64_t len = IS_TUPLE(fast) ? AS_TUPLE(fast)->len : AS_LIST(fast)->len;
        if (len != 2) {
            ou_decref(fast);
            ou_err_format(ou_ValueError, "dictionary update sequence element #%lld has length %lld; 2 is required",
                          (long long)n, (long long)len);
            goto fail;
        }
        Value *kv = IS_TUPLE(fast) ? AS_TUPLE(fast)->items : AS_LIST(fast)->items;
        Value k = ou_newref(kv[0]), v = ou_newref(kv[1]);
        ou_decref(fast);
        int rc = ou_dict_set(d, k, v);
        ou_decref(k);
        ou_decref(v);
        if (rc < 0) goto fail;
    }
    ou_decref(it);
    return 0;
fail:
    ou_decref(it);
    return -1;
}

/* The one-argument form of dict() and dict.update(). */
static int dict_update_arg(Value d, Value other) {
    if (ou_instance_of(other, &ou_dict_type) && ou_typeof(other)->iter == ou_dict_type.iter)
        return dict_merge_dict(d, other);
    Value k = ou_getattr_opt(other, s_keys);
    if (IS_ERR(k)) return -1;
    if (!IS_UNDEF(k)) {
        ou_decref(k);
        return dict_merge_mapping(d, other);
    }
    return dict_merge_pairs(d, other);
}

int ou_dict_update(Value d, Value other) { return dict_update_arg(d, other); }

int ct_dict_merge_kwargs(Value d, Value *vals, Value kwnames) {
    int n = ct_nkw(kwnames);
    for (int i = 0; i < n; i++)
        if (ou_dict_set(d, AS_TUPLE(kwnames)->items[i], vals[i]) < 0) return -1;
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Slots. */

static void dict_dealloc(OuObject *o) {
    OuDict *d = (OuDict *)o;
    for (int64_t i = 0; i < d->used; i++) {
        if (IS_UNDEF(d->entries[i].key)) continue;
        ou_decref(d->entries[i].key);
        ou_decref(d->entries[i].value);
    }
    if (d->indices) table_free(d->indices, d->nindices);
    ou_obj_free(o);
}

static int dict_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuDict *d = (OuDict *)o;
    for (int64_t i = 0; i < d->used; i++) {
        if (IS_UNDEF(d->entries[i].key)) continue;
        CT_VISIT(d->entries[i].key);
        CT_VISIT(d->entries[i].value);
    }
    return 0;
}

static void dict_clear_slot(OuObject *o) { dict_clear_all((OuDict *)o); }

static Value dict_repr(Value self) {
    OuDict *d = AS_DICT(self);
    if (d->count == 0) return ou_str_cstr("{}");
    int r = ou_repr_enter(self);
    if (r < 0) return OU_ERR;
    if (r > 0) return ou_str_cstr("{...}");
    CtBuf b;
    ct_buf_init(&b);
    bool first = true;
    if (ct_buf_puts(&b, "{") < 0) goto fail;
    for (int64_t i = 0; i < d->used; i++) {
        OuDictEntry *e = &d->entries[i];
        if (IS_UNDEF(e->key)) continue;
        if (!first && ct_buf_puts(&b, ", ") < 0) goto fail;
        first = false;
        Value k = ou_newref(e->key), v = ou_newref(e->value);
        int rc = ct_buf_put_repr(&b, k);
        if (rc == 0) rc = ct_buf_puts(&b, ": ");
        if (rc == 0) rc = ct_buf_put_repr(&b, v);
        ou_decref(k);
        ou_decref(v);
        if (rc < 0) goto fail;
    }
    if (ct_buf_puts(&b, "}") < 0) goto fail;
    ou_repr_leave(self);
    return ct_buf_finish(&b);
fail:
    ou_repr_leave(self);
    ct_buf_free(&b);
    return OU_ERR;
}

/* 1 if equal, 0 if not, -1 on error. */
static int dict_equal(OuDict *a, OuDict *b) {
    if (a->count != b->count) return 0;
    for (int64_t i = 0; i < a->used; i++) {
        OuDictEntry *e = &a->entries[i];
        if (IS_UNDEF(e->key)) continue;
        Value k = ou_newref(e->key), av = ou_newref(e->value);
        Value bv = ct_dict_lookup(b, k, e->hash);
        int r;
        if (IS_ERR(bv)) r = -1;
        else if (IS_UNDEF(bv)) r = 0;
        else {
            ou_incref(bv);
            r = ct_eq(av, bv);
            ou_decref(bv);
        }
        ou_decref(k);
        ou_decref(av);
        if (r <= 0) return r;
    }
    return 1;
}

static Value dict_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !ou_instance_of(a, &ou_dict_type) ||
        !ou_instance_of(b, &ou_dict_type))
        return ou_newref(ou_NotImplemented);
    int r = dict_equal(AS_DICT(a), AS_DICT(b));
    if (r < 0) return OU_ERR;
    return MK_BOOL(op == OU_EQ ? r : !r);
}

static Value dict_binop(Value a, Value b, int op, bool reflected) {
    if ((op & ~OU_BIN_INPLACE) != OU_BIN_OR || reflected) return ou_newref(ou_NotImplemented);
    if (op & OU_BIN_INPLACE) {
        if (!ou_instance_of(a, &ou_dict_type)) return ou_newref(ou_NotImplemented);
        if (dict_update_arg(a, b) < 0) return OU_ERR;
        return ou_newref(a);
    }
    if (!ou_instance_of(a, &ou_dict_type) || !ou_instance_of(b, &ou_dict_type))
        return ou_newref(ou_NotImplemented);
    Value r = ou_dict_copy(a);
    if (IS_ERR(r)) return OU_ERR;
    if (dict_update_arg(r, b) < 0) {
        ou_decref(r);
        return OU_ERR;
    }
    return r;
}

static int64_t dict_len(Value self) { return AS_DICT(self)->count; }

static Value dict_getitem(Value self, Value key) {
    OuDict *d = AS_DICT(self);
    int64_t hash = ct_hash(key);
    if (hash == -1) return OU_ERR;
    Value v = ct_dict_lookup(d, key, hash);
    if (IS_ERR(v)) return OU_ERR;
    if (!IS_UNDEF(v)) return ou_newref(v);
    if (d->ob.type != &ou_dict_type) {
        Value missing = ou_type_lookup(d->ob.type, s_missing);
        if (!IS_UNDEF(missing)) {
            Value args[2] = {self, key};
            ou_incref(missing);
            Value r = ou_call(missing, args, 2, OU_UNDEF);
            ou_decref(missing);
            return r;
        }
    }
    return ou_err_set_value(ou_KeyError, key);
}

static int dict_setitem(Value self, Value key, Value v) {
    if (IS_UNDEF(v)) return ou_dict_del(self, key);
    return ou_dict_set(self, key, v);
}

static int dict_contains(Value self, Value key) {
    Value v = ou_dict_get(self, key);
    if (IS_ERR(v)) return -1;
    return !IS_UNDEF(v);
}

static Value dict_iter(Value self);

static Value dict_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    OuDict *d = dict_alloc(type);
    return d ? MK_OBJ(d) : OU_ERR;
}

static int dict_init_slot(Value self, Value *args, int nargs, Value kwnames) {
    int nkw = ct_nkw(kwnames);
    if (ct_args_range("dict", nargs, 0, 1) < 0) return -1;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0) return -1;
    if (nkw && ct_dict_merge_kwargs(self, args + nargs, kwnames) < 0) return -1;
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Methods. */

#define SELF AS_DICT(args[0])

static Value m_get(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "get") < 0 || ct_args_range("get", nargs - 1, 1, 2) < 0) return OU_ERR;
    Value v = ou_dict_get(args[0], args[1]);
    if (IS_ERR(v)) return OU_ERR;
    if (IS_UNDEF(v)) return nargs > 2 ? ou_newref(args[2]) : OU_NONE;
    return ou_newref(v);
}

static Value m_setdefault(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "setdefault") < 0 || ct_args_range("setdefault", nargs - 1, 1, 2) < 0)
        return OU_ERR;
    int64_t hash = ct_hash(args[1]);
    if (hash == -1) return OU_ERR;
    Value v = ct_dict_lookup(SELF, args[1], hash);
    if (IS_ERR(v)) return OU_ERR;
    if (!IS_UNDEF(v)) return ou_newref(v);
    Value dflt = nargs > 2 ? args[2] : OU_NONE;
    if (ct_dict_set_hash(args[0], args[1], hash, dflt) < 0) return OU_ERR;
    return ou_newref(dflt);
}

static Value m_pop(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "pop") < 0 || ct_args_range("pop", nargs - 1, 1, 2) < 0) return OU_ERR;
    Value v = ou_dict_pop(args[0], args[1]);
    if (IS_ERR(v)) return OU_ERR;
    if (IS_UNDEF(v)) {
        if (nargs > 2) return ou_newref(args[2]);
        return ou_err_set_value(ou_KeyError, args[1]);
    }
    return v;
}

static Value m_popitem(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.popitem") < 0 || ct_args_none("dict.popitem", nargs - 1) < 0) return OU_ERR;
    OuDict *d = SELF;
    if (d->count == 0) {
        Value msg = ou_str_cstr("popitem(): dictionary is empty");
        if (IS_ERR(msg)) return OU_ERR;
        ou_err_set_value(ou_KeyError, msg);
        ou_decref(msg);
        return OU_ERR;
    }
    int64_t i = d->used - 1;
    while (IS_UNDEF(d->entries[i].key)) i--;
    Value k, v;
    dict_unlink(d, i, &k, &v);
    /* Reclaim the trailing deleted entries, lowering cap alike so that no index slot that
     * now holds a dummy can be counted as free (see the header comment). */
    d->cap -= d->used - i;
    d->used = i;
    Value t = ou_tuple_new(2);
    if (IS_ERR(t)) {
        ou_decref(k);
        ou_decref(v);
        return OU_ERR;
    }
    ou_tuple_set_steal(t, 0, k);
    ou_tuple_set_steal(t, 1, v);
    return t;
}

static Value make_view(OuType *type, Value d);

static Value m_keys(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.keys") < 0 || ct_args_none("dict.keys", nargs - 1) < 0) return OU_ERR;
    return make_view(&ct_dictkeys_type, args[0]);
}
static Value m_values(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.values") < 0 || ct_args_none("dict.values", nargs - 1) < 0) return OU_ERR;
    return make_view(&ct_dictvalues_type, args[0]);
}
static Value m_items(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.items") < 0 || ct_args_none("dict.items", nargs - 1) < 0) return OU_ERR;
    return make_view(&ct_dictitems_type, args[0]);
}

static Value m_update(Value *args, int nargs, Value kwnames) {
    if (ct_args_range("update", nargs - 1, 0, 1) < 0) return OU_ERR;
    if (nargs > 1 && dict_update_arg(args[0], args[1]) < 0) return OU_ERR;
    if (ct_dict_merge_kwargs(args[0], args + nargs, kwnames) < 0) return OU_ERR;
    return OU_NONE;
}

static Value m_clear(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.clear") < 0 || ct_args_none("dict.clear", nargs - 1) < 0) return OU_ERR;
    dict_clear_all(SELF);
    return OU_NONE;
}

static Value m_copy(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "dict.copy") < 0 || ct_args_none("dict.copy", nargs - 1) < 0) return OU_ERR;
    return ou_dict_copy(args[0]);
}

/* dict.fromkeys(iterable, value=None), a classmethod: args[0] is the class. */
static Value m_fromkeys(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "fromkeys") < 0 || ct_args_range("fromkeys", nargs - 1, 1, 2) < 0) return OU_ERR;
    Value cls = args[0], value = nargs > 2 ? args[2] : OU_NONE;
    Value d = (cls == MK_OBJ(&ou_dict_type)) ? ou_dict_new() : ou_call0(cls);
    if (IS_ERR(d)) return OU_ERR;
    Value it = ou_iter(args[1]);
    if (IS_ERR(it)) goto fail;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        int rc = IS_ERR(k) ? -1 : ou_setitem(d, k, value);
        ou_decref(k);
        if (rc < 0) {
            ou_decref(it);
            goto fail;
        }
    }
    ou_decref(it);
    return d;
fail:
    ou_decref(d);
    return OU_ERR;
}

static Value m_init(Value *args, int nargs, Value kwnames) {
    return dict_init_slot(args[0], args + 1, nargs - 1, kwnames) < 0 ? OU_ERR : OU_NONE;
}
static Value m_len(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->count); }
static Value m_getitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return dict_getitem(args[0], args[1]);
}
static Value m_setitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 2) < 0) return OU_ERR;
    return ou_dict_set(args[0], args[1], args[2]) < 0 ? OU_ERR : OU_NONE;
}
static Value m_delitem(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return ou_dict_del(args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
}
static Value m_contains(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    int r = dict_contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value m_iter(Value *args, int nargs, Value kwnames) { return dict_iter(args[0]); }
static Value m_repr(Value *args, int nargs, Value kwnames) { return dict_repr(args[0]); }
static Value m_eq(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return dict_richcmp(args[0], args[1], OU_EQ);
}
static Value m_reversed(Value *args, int nargs, Value kwnames);

static const OuMethodDef dict_methods[] = {
    {"get", m_get, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", m_setdefault, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", m_pop, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", m_popitem, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", m_keys, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, "D.items() -> a set-like object providing a view on D's items"},
    {"update", m_update, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"clear", m_clear, "D.clear() -> None.  Remove all items from D."},
    {"copy", m_copy, "D.copy() -> a shallow copy of D"},
    {"__init__", m_init, NULL},
    {"__len__", m_len, NULL},
    {"__getitem__", m_getitem, NULL},
    {"__setitem__", m_setitem, NULL},
    {"__delitem__", m_delitem, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {"__repr__", m_repr, NULL},
    {"__eq__", m_eq, NULL},
    {"__reversed__", m_reversed, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* Iterators. They remember the live count at creation: a different count at any step means
 * the dict changed size, which raises RuntimeError from then on (the state is sticky). The
 * items iterator reuses its result tuple when nobody else holds it (the common
 * `for k, v in d.items()` unpacks and drops it), saving an allocation per step. */

typedef struct {
    OuObject ob;
    Value dict;     /* OU_UNDEF once exhausted */
    int64_t pos;    /* next entry number (reverse: current entry number) */
    int64_t expect; /* live count expected, -1 after a size change was seen */
    int64_t left;   /* items still to yield: finding one more means keys were replaced */
    Value result;   /* items iterator: reusable (key, value) tuple, or OU_UNDEF */
    bool reverse;
} DictIter;

static void dictiter_dealloc(OuObject *o) {
    DictIter *it = (DictIter *)o;
    ou_decref(it->dict);
    ou_decref(it->result);
    ou_obj_free(o);
}
static int dictiter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((DictIter *)o)->dict);
    CT_VISIT(((DictIter *)o)->result);
    return 0;
}
static void dictiter_clear(OuObject *o) {
    DictIter *it = (DictIter *)o;
    Value d = it->dict, r = it->result;
    it->dict = it->result = OU_UNDEF;
    ou_decref(d);
    ou_decref(r);
}
static Value iter_self(Value self) { return ou_newref(self); }

/* Advance to the next live entry; NULL at the end or on error (exception set then). */
static OuDictEntry *dictiter_step(DictIter *it, bool *err) {
    *err = false;
    if (IS_UNDEF(it->dict)) return NULL;
    OuDict *d = AS_DICT(it->dict);
    if (it->expect != d->count) {
        it->expect = -1;
        ou_err_format(ou_RuntimeError, "dictionary changed size during iteration");
        *err = true;
        return NULL;
    }
    if (it->reverse) {
        while (it->pos >= 0 && (it->pos >= d->used || IS_UNDEF(d->entries[it->pos].key))) it->pos--;
        if (it->pos >= 0 && it->left > 0) {
            it->left--;
            return &d->entries[it->pos--];
        }
    } else {
        while (it->pos < d->used && IS_UNDEF(d->entries[it->pos].key)) it->pos++;
        if (it->pos < d->used) {
            /* Same size but more items than there were: keys were deleted and added. */
            if (it->left == 0) {
                ou_err_format(ou_RuntimeError, "dictionary keys changed during iteration");
                *err = true;
            } else {
                it->left--;
                return &d->entries[it->pos++];
            }
        }
    }
    Value dv = it->dict;
    it->dict = OU_UNDEF;
    ou_decref(dv);
    return NULL;
}

static Value dictiter_keys_next(Value self) {
    bool err;
    OuDictEntry *e = dictiter_step((DictIter *)AS_OBJ(self), &err);
    if (!e) return err ? OU_ERR : OU_UNDEF;
    return ou_newref(e->key);
}
static Value dictiter_values_next(Value self) {
    bool err;
    OuDictEntry *e = dictiter_step((DictIter *)AS_OBJ(self), &err);
    if (!e) return err ? OU_ERR : OU_UNDEF;
    return ou_newref(e->value);
}
static Value dictiter_items_next(Value self) {
    DictIter *it = (DictIter *)AS_OBJ(self);
    bool err;
    OuDictEntry *e = dictiter_step(it, &err);
    if (!e) return err ? OU_ERR : OU_UNDEF;
    Value k = ou_newref(e->key), v = ou_newref(e->value);
    Value t = it->result;
    if (IS_OBJ(t) && AS_OBJ(t)->rc == 1) {
        OuTuple *tp = AS_TUPLE(t);
        Value ok = tp->items[0], ov = tp->items[1];
        tp->items[0] = k;
        tp->items[1] = v;
        ou_decref(ok);
        ou_decref(ov);
        return ou_newref(t);
    }
    t = ou_tuple_new(2);
    if (IS_ERR(t)) {
        ou_decref(k);
        ou_decref(v);
        return OU_ERR;
    }
    ou_tuple_set_steal(t, 0, k);
    ou_tuple_set_steal(t, 1, v);
    Value old = it->result;
    it->result = ou_newref(t);
    ou_decref(old);
    return t;
}

#define DICTITER_TYPE(var, tname, nextfn)                                                       \
    OuType var = {                                                                              \
        .ob = CT_STATIC_HEAD,                                                                   \
        .name = tname,                                                                          \
        .flags = OU_TPFLAG_GC,                                                                  \
        .basicsize = sizeof(DictIter),                                                          \
        .dealloc = dictiter_dealloc,                                                            \
        .traverse = dictiter_traverse,                                                          \
        .clear = dictiter_clear,                                                                \
        .iter = iter_self,                                                                      \
        .next = nextfn,                                                                         \
    }
DICTITER_TYPE(ct_dictiter_keys_type, "dict_keyiterator", dictiter_keys_next);
DICTITER_TYPE(ct_dictiter_values_type, "dict_valueiterator", dictiter_values_next);
DICTITER_TYPE(ct_dictiter_items_type, "dict_itemiterator", dictiter_items_next);
static DICTITER_TYPE(dictiter_rkeys_type, "dict_reversekeyiterator", dictiter_keys_next);
static DICTITER_TYPE(dictiter_rvalues_type, "dict_reversevalueiterator", dictiter_values_next);
static DICTITER_TYPE(dictiter_ritems_type, "dict_reverseitemiterator", dictiter_items_next);

static Value dictiter_new(OuType *type, Value d, bool reverse) {
    DictIter *it = ou_obj_alloc(type, sizeof(DictIter));
    if (!it) return OU_ERR;
    it->dict = ou_newref(d);
    it->expect = it->left = AS_DICT(d)->count;
    it->result = OU_UNDEF;
    it->reverse = reverse;
    it->pos = reverse ? AS_DICT(d)->used - 1 : 0;
    return MK_OBJ(it);
}

static Value dict_iter(Value self) { return dictiter_new(&ct_dictiter_keys_type, self, false); }

static Value m_reversed(Value *args, int nargs, Value kwnames) {
    return dictiter_new(&dictiter_rkeys_type, args[0], true);
}

/* ------------------------------------------------------------------------------------------ */
/* Views: dict_keys, dict_values, dict_items. Each holds its dict. */

typedef struct { OuObject ob; Value dict; } DictView;

static void view_dealloc(OuObject *o) {
    ou_decref(((DictView *)o)->dict);
    ou_obj_free(o);
}
static int view_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((DictView *)o)->dict);
    return 0;
}
static void view_clear(OuObject *o) {
    DictView *v = (DictView *)o;
    Value d = v->dict;
    v->dict = OU_NONE;
    ou_decref(d);
}

static Value make_view(OuType *type, Value d) {
    DictView *v = ou_obj_alloc(type, sizeof(DictView));
    if (!v) return OU_ERR;
    v->dict = ou_newref(d);
    return MK_OBJ(v);
}

#define VIEW_DICT(self) (((DictView *)AS_OBJ(self))->dict)

static int64_t view_len(Value self) {
    Value d = VIEW_DICT(self);
    return IS_OBJ(d) ? AS_DICT(d)->count : 0;
}

static Value view_iter(Value self) {
    OuType *t = AS_OBJ(self)->type;
    OuType *it = t == &ct_dictkeys_type     ? &ct_dictiter_keys_type
                 : t == &ct_dictvalues_type ? &ct_dictiter_values_type
                                            : &ct_dictiter_items_type;
    return dictiter_new(it, VIEW_DICT(self), false);
}

static Value view_reversed(Value *args, int nargs, Value kwnames) {
    OuType *t = AS_OBJ(args[0])->type;
    OuType *it = t == &ct_dictkeys_type     ? &dictiter_rkeys_type
                 : t == &ct_dictvalues_type ? &dictiter_rvalues_type
                                            : &dictiter_ritems_type;
    return dictiter_new(it, VIEW_DICT(args[0]), true);
}

static Value view_repr(Value self) {
    int r = ou_repr_enter(self);
    if (r < 0) return OU_ERR;
    if (r > 0) return ou_str_cstr("...");
    Value l = ou_sequence_list(self);
    Value s = OU_ERR;
    if (!IS_ERR(l)) {
        s = ou_str_printf("%s(%R)", AS_OBJ(self)->type->name, l);
        ou_decref(l);
    }
    ou_repr_leave(self);
    return s;
}

static int keys_contains(Value self, Value key) { return dict_contains(VIEW_DICT(self), key); }

static int values_contains(Value self, Value x) {
    Value it = view_iter(self);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value v = ou_next(it);
        if (IS_UNDEF(v)) break;
        if (IS_ERR(v)) {
            ou_decref(it);
            return -1;
        }
        int eq = ct_eq(v, x);
        ou_decref(v);
        if (eq != 0) {
            ou_decref(it);
            return eq;
        }
    }
    ou_decref(it);
    return 0;
}

static int items_contains(Value self, Value x) {
    if (!IS_TUPLE(x) || AS_TUPLE(x)->len != 2) return 0;
    Value v = ou_dict_get(VIEW_DICT(self), AS_TUPLE(x)->items[0]);
    if (IS_ERR(v)) return -1;
    if (IS_UNDEF(v)) return 0;
    ou_incref(v);
    int r = ct_eq(v, AS_TUPLE(x)->items[1]);
    ou_decref(v);
    return r;
}

/* Set operations and comparisons of keys and items views work on set(view). */
static bool is_setlike_view(Value v) {
    return ou_is_type(v, &ct_dictkeys_type) || ou_is_type(v, &ct_dictitems_type);
}

static Value view_binop(Value a, Value b, int op, bool reflected) {
    int bop = op & ~OU_BIN_INPLACE;
    if (bop != OU_BIN_AND && bop != OU_BIN_OR && bop != OU_BIN_SUB && bop != OU_BIN_XOR)
        return ou_newref(ou_NotImplemented);
    Value sa = ou_set_new(a);
    if (IS_ERR(sa)) return OU_ERR;
    Value sb = ou_set_new(b);
    if (IS_ERR(sb)) {
        ou_decref(sa);
        return OU_ERR;
    }
    Value r = ou_binop(sa, sb, bop);
    ou_decref(sa);
    ou_decref(sb);
    return r;
}

static Value view_richcmp(Value a, Value b, int op) {
    if (!is_setlike_view(a) || !(is_setlike_view(b) || ct_is_anyset(b)))
        return ou_newref(ou_NotImplemented);
    Value sa = ou_set_new(a);
    if (IS_ERR(sa)) return OU_ERR;
    Value sb = ou_set_new(b);
    if (IS_ERR(sb)) {
        ou_decref(sa);
        return OU_ERR;
    }
    Value r = ou_richcmp(sa, sb, op);
    ou_decref(sa);
    ou_decref(sb);
    return r;
}

static Value view_mapping(Value self) { return ou_newref(VIEW_DICT(self)); }

static Value view_getattr(Value self, Value name) {
    if (ou_str_eq_cstr(name, "mapping")) return view_mapping(self);
    return ou_generic_getattr(self, name);
}

static Value view_isdisjoint(Value *args, int nargs, Value kwnames) {
    if (ct_args_one("isdisjoint", nargs - 1) < 0) return OU_ERR;
    Value it = ou_iter(args[1]);
    if (IS_ERR(it)) return OU_ERR;
    for (;;) {
        Value v = ou_next(it);
        if (IS_UNDEF(v)) break;
        if (IS_ERR(v)) {
            ou_decref(it);
            return OU_ERR;
        }
        int c = ou_contains(args[0], v);
        ou_decref(v);
        if (c != 0) {
            ou_decref(it);
            return c < 0 ? OU_ERR : OU_FALSE;
        }
    }
    ou_decref(it);
    return OU_TRUE;
}

static const OuMethodDef view_methods[] = {
    {"__reversed__", view_reversed, NULL},
    {NULL, NULL, NULL},
};
static const OuMethodDef setview_methods[] = {
    {"__reversed__", view_reversed, NULL},
    {"isdisjoint", view_isdisjoint, NULL},
    {NULL, NULL, NULL},
};

#define VIEW_TYPE(var, tname, containsfn, cmpfn, binopfn)                                     \
    OuType var = {                                                                              \
        .ob = CT_STATIC_HEAD,                                                                   \
        .name = tname,                                                                          \
        .flags = OU_TPFLAG_GC,                                                                  \
        .basicsize = sizeof(DictView),                                                          \
        .dealloc = view_dealloc,                                                                \
        .traverse = view_traverse,                                                              \
        .clear = view_clear,                                                                    \
        .repr = view_repr,                                                                      \
        .richcmp = cmpfn,                                                                       \
        .binop = binopfn,                                                                       \
        .iter = view_iter,                                                                      \
        .len = view_len,                                                                        \
        .contains = containsfn,                                                                 \
        .getattr = view_getattr,                                                                \
    }
VIEW_TYPE(ct_dictkeys_type, "dict_keys", keys_contains, view_richcmp, view_binop);
VIEW_TYPE(ct_dictvalues_type, "dict_values", values_contains, NULL, NULL);
VIEW_TYPE(ct_dictitems_type, "dict_items", items_contains, view_richcmp, view_binop);

/* ------------------------------------------------------------------------------------------ */

OuType ou_dict_type = {
    .ob = CT_STATIC_HEAD,
    .name = "dict",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuDict),
    .dealloc = dict_dealloc,
    .traverse = dict_traverse,
    .clear = dict_clear_slot,
    .repr = dict_repr,
    .hash = ct_unhashable,
    .richcmp = dict_richcmp,
    .binop = dict_binop,
    .iter = dict_iter,
    .len = dict_len,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .contains = dict_contains,
    .new = dict_new_slot,
    .init = dict_init_slot,
};

int vm_init_dict(void) {
    static bool registered;
    if (!registered && atexit(free_block_list) == 0) registered = true;
    s_missing = ou_str_intern("__missing__");
    s_keys = ou_str_intern("keys");
    if (IS_ERR(s_missing) || IS_ERR(s_keys)) return -1;
    OuType *types[] = {&ou_dict_type, &ct_dictiter_keys_type, &ct_dictiter_values_type,
                       &ct_dictiter_items_type, &dictiter_rkeys_type, &dictiter_rvalues_type,
                       &dictiter_ritems_type, &ct_dictkeys_type, &ct_dictvalues_type,
                       &ct_dictitems_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (ou_type_ready(types[i]) < 0) return -1;
    if (ou_add_functions(ou_dict_type.dict, dict_methods, OU_UNDEF) < 0) return -1;
    if (ct_add_classmethod(&ou_dict_type, "fromkeys", m_fromkeys) < 0) return -1;
    if (ou_add_functions(ct_dictkeys_type.dict, setview_methods, OU_UNDEF) < 0) return -1;
    if (ou_add_functions(ct_dictitems_type.dict, setview_methods, OU_UNDEF) < 0) return -1;
    if (ou_add_functions(ct_dictvalues_type.dict, view_methods, OU_UNDEF) < 0) return -1;
    return ou_dict_set_str(ou_dict_type.dict, "__hash__", OU_NONE);
}
