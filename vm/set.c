/* set.c: set and frozenset.
 *
 * Layout (OuSet in ouro.h): open addressing over table[0..mask]; an empty slot has key
 * OU_UNDEF and hash 0, a deleted (dummy) slot key OU_ERR and hash -1. count = live keys,
 * fill = live + dummies. The probe sequence, table sizes and resize points are CPython's
 * (up to LINEAR_PROBES neighbouring slots, then the perturbed jump; grow when fill reaches
 * 3/5 of the table, to 4 * count), and so are the algorithms of the set operations, because
 * the order in which a set iterates is observable (print({10, 100, 1000})).
 * For a frozenset `hash` caches its hash (-1 until computed); a mutable set has no hash, and
 * uses the field as pop()'s search finger (CPython's so->finger). */
#include "container.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY OU_ERR

static inline bool is_live(const OuSetEntry *e) { return !IS_UNDEF(e->key) && e->key != DUMMY; }

bool ct_is_anyset(Value v) {
    if (!IS_OBJ(v)) return false;
    OuType *t = AS_OBJ(v)->type;
    if (t == &ou_set_type || t == &ou_frozenset_type) return true;
    return (t->flags & OU_TPFLAG_HEAPTYPE) &&
           (ou_is_subtype(t, &ou_set_type) || ou_is_subtype(t, &ou_frozenset_type));
}
static inline bool is_frozen(Value v) {
    OuType *t = AS_OBJ(v)->type;
    return t == &ou_frozenset_type || (t != &ou_set_type && ou_is_subtype(t, &ou_frozenset_type));
}

static OuSetEntry *table_alloc(int64_t size) {
    OuSetEntry *t = ou_mem_alloc((size_t)size * sizeof(OuSetEntry));
    if (!t) return NULL;
    for (int64_t i = 0; i < size; i++) {
        t[i].hash = 0;
        t[i].key = OU_UNDEF;
    }
    return t;
}

static OuSet *set_alloc(OuType *type) {
    size_t size = type->basicsize > sizeof(OuSet) ? type->basicsize : sizeof(OuSet);
    OuSet *s = ou_obj_alloc(type, size);
    if (!s) return NULL;
    s->table = table_alloc(SET_MINSIZE);
    if (!s->table) {
        ou_decref(MK_OBJ(s));
        return NULL;
    }
    s->mask = SET_MINSIZE - 1;
    s->hash = ou_is_subtype(type, &ou_frozenset_type) ? -1 : 0;
    return s;
}

/* Place a key known to be absent into a table without dummies (no comparisons). */
static void insert_clean(OuSetEntry *table, uint64_t mask, Value key, int64_t hash) {
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        OuSetEntry *e = &table[i];
        if (IS_UNDEF(e->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (IS_UNDEF(e->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest power of two > minused slots (at least 8). */
static int set_table_resize(OuSet *s, int64_t minused) {
    int64_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    OuSetEntry *nt = table_alloc(newsize);
    if (!nt) return -1;
    OuSetEntry *old = s->table;
    int64_t oldsize = s->mask + 1;
    for (int64_t i = 0; i < oldsize; i++)
        if (is_live(&old[i])) insert_clean(nt, (uint64_t)newsize - 1, old[i].key, old[i].hash);
    s->table = nt;
    s->mask = newsize - 1;
    s->fill = s->count;
    ou_mem_free(old);
    return 0;
}

/* Add a key with its hash (increfs it on insertion). 0/-1. When the key turns out to be
 * absent, the last dummy slot met on the probe sequence is reused (CPython's freeslot). */
static int set_add_entry(OuSet *s, Value key, int64_t hash) {
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    OuSetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && IS_UNDEF(e->key)) goto found_unused_or_dummy;
            if (e->hash == hash) {
                Value sk = e->key;
                if (sk == key) return 0;
                if (IS_STR(sk) && IS_STR(key)) {
                    if (ou_str_eq(sk, key)) return 0;
                } else {
                    OuSetEntry *table = s->table;
                    ou_incref(sk);
                    int eq = ct_eq(sk, key);
                    ou_decref(sk);
                    if (eq < 0) return -1;
                    if (eq > 0) return 0;
                    if (table != s->table || e->key != sk) goto restart;
                    mask = (uint64_t)s->mask;
                }
            } else if (e->hash == -1) {
                freeslot = e; /* the LAST dummy seen wins, as in CPython 3.11 */
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        freeslot->key = ou_newref(key);
        freeslot->hash = hash;
        s->count++;
        return 0;
    }
    e->key = ou_newref(key);
    e->hash = hash;
    s->fill++;
    s->count++;
    if ((uint64_t)s->fill * 5 < mask * 3) return 0;
    return set_table_resize(s, s->count > 50000 ? s->count * 2 : s->count * 4);
}

/* The slot holding key, NULL if absent; *err is set on a comparison error. */
static OuSetEntry *set_lookkey(OuSet *s, Value key, int64_t hash, bool *err) {
    *err = false;
restart:;
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        OuSetEntry *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->hash == 0 && IS_UNDEF(e->key)) return NULL;
            if (e->hash == hash) {
                Value sk = e->key;
                if (sk == key) return e;
                if (IS_STR(sk) && IS_STR(key)) {
                    if (ou_str_eq(sk, key)) return e;
                } else {
                    OuSetEntry *table = s->table;
                    ou_incref(sk);
                    int eq = ct_eq(sk, key);
                    ou_decref(sk);
                    if (eq < 0) {
                        *err = true;
                        return NULL;
                    }
                    if (table != s->table || e->key != sk) goto restart;
                    if (eq > 0) return e;
                    mask = (uint64_t)s->mask;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_contains_entry(OuSet *s, Value key, int64_t hash) {
    bool err;
    OuSetEntry *e = set_lookkey(s, key, hash, &err);
    return err ? -1 : e != NULL;
}

/* 1 removed, 0 absent, -1 error. */
static int set_discard_entry(OuSet *s, Value key, int64_t hash) {
    bool err;
    OuSetEntry *e = set_lookkey(s, key, hash, &err);
    if (err) return -1;
    if (!e) return 0;
    Value old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->count--;
    ou_decref(old);
    return 1;
}

/* Hash of a key for lookups: an unhashable set is looked up as the equal frozenset, as in
 * CPython ({1} in {frozenset({1})}). *tmp receives that temporary (or OU_UNDEF). */
static int64_t lookup_hash(Value *key, Value *tmp) {
    *tmp = OU_UNDEF;
    int64_t h = ct_hash(*key);
    if (h != -1 || !ou_instance_of(*key, &ou_set_type) || !ou_err_matches(ou_TypeError)) return h;
    ou_err_clear();
    Value f = ou_frozenset_new(*key);
    if (IS_ERR(f)) return -1;
    h = ou_hash(f);
    if (h == -1) {
        ou_decref(f);
        return -1;
    }
    *tmp = *key = f;
    return h;
}

int ou_set_add(Value s, Value key) {
    int64_t h = ct_hash(key);
    if (h == -1) return -1;
    return set_add_entry((OuSet *)AS_OBJ(s), key, h);
}

int ct_set_add_hash(Value s, Value key, int64_t hash) { return set_add_entry((OuSet *)AS_OBJ(s), key, hash); }

int ou_set_contains(Value s, Value key) {
    Value tmp;
    int64_t h = lookup_hash(&key, &tmp);
    if (h == -1) return -1;
    int r = set_contains_entry((OuSet *)AS_OBJ(s), key, h);
    ou_decref(tmp);
    return r;
}

int ou_set_discard(Value s, Value key) {
    Value tmp;
    int64_t h = lookup_hash(&key, &tmp);
    if (h == -1) return -1;
    int r = set_discard_entry((OuSet *)AS_OBJ(s), key, h);
    ou_decref(tmp);
    return r;
}

bool ou_set_next(Value sv, int64_t *pos, Value *key) {
    OuSet *s = (OuSet *)AS_OBJ(sv);
    int64_t i = *pos;
    while (i <= s->mask && !is_live(&s->table[i])) i++;
    *pos = i + 1;
    if (i > s->mask) {
        *pos = i;
        return false;
    }
    if (key) *key = s->table[i].key;
    return true;
}

static OuSetEntry *set_next_entry(OuSet *s, int64_t *pos) {
    int64_t i = *pos;
    while (i <= s->mask && !is_live(&s->table[i])) i++;
    if (i > s->mask) {
        *pos = i;
        return NULL;
    }
    *pos = i + 1;
    return &s->table[i];
}

/* Empty the set, detaching the table before releasing the keys (see dict_clear_all). */
static void set_clear_internal(OuSet *s) {
    if (s->fill == 0) return;
    OuSetEntry *nt = table_alloc(SET_MINSIZE);
    if (!nt) {
        ou_err_clear();
        return;
    }
    OuSetEntry *old = s->table;
    int64_t oldsize = s->mask + 1;
    s->table = nt;
    s->mask = SET_MINSIZE - 1;
    s->fill = s->count = 0;
    for (int64_t i = 0; i < oldsize; i++)
        if (is_live(&old[i])) ou_decref(old[i].key);
    ou_mem_free(old);
}

/* ------------------------------------------------------------------------------------------ */
/* Bulk operations (CPython's algorithms, for identical iteration orders). */

static int set_merge(OuSet *s, OuSet *o) {
    if (s == o || o->count == 0) return 0;
    if ((s->fill + o->count) * 5 >= s->mask * 3) {
        if (set_table_resize(s, (s->count + o->count) * 2) < 0) return -1;
    }
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->count) {
        for (int64_t i = 0; i <= o->mask; i++) {
            if (is_live(&o->table[i])) {
                s->table[i].key = ou_newref(o->table[i].key);
                s->table[i].hash = o->table[i].hash;
            }
        }
        s->fill = s->count = o->count;
        return 0;
    }
    if (s->fill == 0) {
        for (int64_t i = 0; i <= o->mask; i++)
            if (is_live(&o->table[i]))
                insert_clean(s->table, (uint64_t)s->mask, ou_newref(o->table[i].key), o->table[i].hash);
        s->fill = s->count = o->count;
        return 0;
    }
    for (int64_t i = 0; i <= o->mask; i++) {
        if (!is_live(&o->table[i])) continue;
        Value k = ou_newref(o->table[i].key);
        int rc = set_add_entry(s, k, o->table[i].hash);
        ou_decref(k);
        if (rc < 0) return -1;
    }
    return 0;
}

static int set_update_internal(OuSet *s, Value other) {
    if (ct_is_anyset(other)) return set_merge(s, (OuSet *)AS_OBJ(other));
    if (IS_DICT(other)) {
        int64_t n = AS_DICT(other)->count;
        if ((s->fill + n) * 5 >= s->mask * 3 && set_table_resize(s, (s->count + n) * 2) < 0) return -1;
        int64_t pos = 0, h;
        Value k;
        while (ct_dict_next_hash(other, &pos, &k, NULL, &h)) {
            ou_incref(k);
            int rc = set_add_entry(s, k, h);
            ou_decref(k);
            if (rc < 0) return -1;
        }
        return 0;
    }
    Value it = ou_iter(other);
    if (IS_ERR(it)) return -1;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        int rc = IS_ERR(k) ? -1 : ou_set_add(MK_OBJ(s), k);
        ou_decref(k);
        if (rc < 0) {
            ou_decref(it);
            return -1;
        }
    }
    ou_decref(it);
    return 0;
}

/* A new set of the base type of `like` (set for set subclasses, frozenset likewise). */
static OuSet *new_set_basetype(Value like, Value iterable) {
    OuType *t = is_frozen(like) ? &ou_frozenset_type : &ou_set_type;
    OuSet *r = set_alloc(t);
    if (!r) return NULL;
    if (!IS_UNDEF(iterable) && set_update_internal(r, iterable) < 0) {
        ou_decref(MK_OBJ(r));
        return NULL;
    }
    return r;
}

Value ou_set_new(Value iterable) {
    OuSet *s = set_alloc(&ou_set_type);
    if (!s) return OU_ERR;
    if (!IS_UNDEF(iterable) && set_update_internal(s, iterable) < 0) {
        ou_decref(MK_OBJ(s));
        return OU_ERR;
    }
    return MK_OBJ(s);
}

Value ou_frozenset_new(Value iterable) {
    OuSet *s = set_alloc(&ou_frozenset_type);
    if (!s) return OU_ERR;
    if (!IS_UNDEF(iterable) && set_update_internal(s, iterable) < 0) {
        ou_decref(MK_OBJ(s));
        return OU_ERR;
    }
    return MK_OBJ(s);
}

static Value set_copy(Value so) {
    if (ou_is_type(so, &ou_frozenset_type)) return ou_newref(so);
    OuSet *r = new_set_basetype(so, so);
    return r ? MK_OBJ(r) : OU_ERR;
}

static Value set_intersection(Value so, Value other) {
    if (so == other) {
        OuSet *r = new_set_basetype(so, so);
        return r ? MK_OBJ(r) : OU_ERR;
    }
    OuSet *result = new_set_basetype(so, OU_UNDEF);
    if (!result) return OU_ERR;
    if (ct_is_anyset(other)) {
        OuSet *a = (OuSet *)AS_OBJ(so), *b = (OuSet *)AS_OBJ(other);
        if (b->count > a->count) {
            OuSet *t = a;
            a = b;
            b = t;
        }
        int64_t pos = 0;
        OuSetEntry *e;
        while ((e = set_next_entry(b, &pos))) {
            Value k = ou_newref(e->key);
            int64_t h = e->hash;
            int rv = set_contains_entry(a, k, h);
            if (rv > 0) rv = set_add_entry(result, k, h);
            ou_decref(k);
            if (rv < 0) goto fail;
        }
        return MK_OBJ(result);
    }
    Value it = ou_iter(other);
    if (IS_ERR(it)) goto fail;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        int rv = -1;
        if (!IS_ERR(k)) {
            int64_t h = ct_hash(k);
            if (h != -1) {
                rv = set_contains_entry((OuSet *)AS_OBJ(so), k, h);
                if (rv > 0) rv = set_add_entry(result, k, h);
            }
        }
        ou_decref(k);
        if (rv < 0) {
            ou_decref(it);
            goto fail;
        }
    }
    ou_decref(it);
    return MK_OBJ(result);
fail:
    ou_decref(MK_OBJ(result));
    return OU_ERR;
}

/* Exchange the tables of two sets (intersection_update builds the result aside). */
static void set_swap_bodies(OuSet *a, OuSet *b) {
    OuSetEntry *t = a->table;
    a->table = b->table;
    b->table = t;
    int64_t x;
    x = a->mask, a->mask = b->mask, b->mask = x;
    x = a->fill, a->fill = b->fill, b->fill = x;
    x = a->count, a->count = b->count, b->count = x;
}

static int set_intersection_update(Value so, Value other) {
    Value tmp = set_intersection(so, other);
    if (IS_ERR(tmp)) return -1;
    set_swap_bodies((OuSet *)AS_OBJ(so), (OuSet *)AS_OBJ(tmp));
    ou_decref(tmp);
    return 0;
}

static int set_difference_update_internal(OuSet *s, Value other) {
    if (MK_OBJ(s) == other) {
        set_clear_internal(s);
        return 0;
    }
    if (ct_is_anyset(other)) {
        Value o;
        if ((((OuSet *)AS_OBJ(other))->count >> 3) > s->count) {
            o = set_intersection(MK_OBJ(s), other);
            if (IS_ERR(o)) return -1;
        } else {
            o = ou_newref(other);
        }
        int64_t pos = 0;
        OuSetEntry *e;
        while ((e = set_next_entry((OuSet *)AS_OBJ(o), &pos))) {
            Value k = ou_newref(e->key);
            int rv = set_discard_entry(s, k, e->hash);
            ou_decref(k);
            if (rv < 0) {
                ou_decref(o);
                return -1;
            }
        }
        ou_decref(o);
    } else {
        Value it = ou_iter(other);
        if (IS_ERR(it)) return -1;
        for (;;) {
            Value k = ou_next(it);
            if (IS_UNDEF(k)) break;
            int rv = IS_ERR(k) ? -1 : ou_set_discard(MK_OBJ(s), k);
            ou_decref(k);
            if (rv < 0) {
                ou_decref(it);
                return -1;
            }
        }
        ou_decref(it);
    }
    if (s->fill - s->count <= s->mask / 4) return 0;
    return set_table_resize(s, s->count > 50000 ? s->count * 2 : s->count * 4);
}

static Value set_copy_and_difference(Value so, Value other) {
    OuSet *r = new_set_basetype(so, so);
    if (!r) return OU_ERR;
    if (set_difference_update_internal(r, other) < 0) {
        ou_decref(MK_OBJ(r));
        return OU_ERR;
    }
    return MK_OBJ(r);
}

static Value set_difference(Value so, Value other) {
    int64_t other_size;
    if (ct_is_anyset(other)) other_size = ((OuSet *)AS_OBJ(other))->count;
    else if (IS_DICT(other)) other_size = AS_DICT(other)->count;
    else return set_copy_and_difference(so, other);
    OuSet *s = (OuSet *)AS_OBJ(so);
    if ((s->count >> 2) > other_size) return set_copy_and_difference(so, other);
    OuSet *result = new_set_basetype(so, OU_UNDEF);
    if (!result) return OU_ERR;
    int64_t pos = 0;
    OuSetEntry *e;
    while ((e = set_next_entry(s, &pos))) {
        Value k = ou_newref(e->key);
        int64_t h = e->hash;
        int rv;
        if (IS_DICT(other)) {
            Value v = ct_dict_lookup(AS_DICT(other), k, h);
            rv = IS_ERR(v) ? -1 : !IS_UNDEF(v);
        } else {
            rv = set_contains_entry((OuSet *)AS_OBJ(other), k, h);
        }
        if (rv == 0) rv = set_add_entry(result, k, h);
        ou_decref(k);
        if (rv < 0) {
            ou_decref(MK_OBJ(result));
            return OU_ERR;
        }
    }
    return MK_OBJ(result);
}

static int set_symmetric_difference_update(OuSet *s, Value other) {
    if (MK_OBJ(s) == other) {
        set_clear_internal(s);
        return 0;
    }
    if (IS_DICT(other)) {
        int64_t pos = 0, h;
        Value k;
        while (ct_dict_next_hash(other, &pos, &k, NULL, &h)) {
            ou_incref(k);
            int rv = set_discard_entry(s, k, h);
            if (rv == 0) rv = set_add_entry(s, k, h);
            ou_decref(k);
            if (rv < 0) return -1;
        }
        return 0;
    }
    Value otherset;
    if (ct_is_anyset(other)) {
        otherset = ou_newref(other);
    } else {
        OuSet *o = new_set_basetype(MK_OBJ(s), other);
        if (!o) return -1;
        otherset = MK_OBJ(o);
    }
    int64_t pos = 0;
    OuSetEntry *e;
    while ((e = set_next_entry((OuSet *)AS_OBJ(otherset), &pos))) {
        Value k = ou_newref(e->key);
        int64_t h = e->hash;
        int rv = set_discard_entry(s, k, h);
        if (rv == 0) rv = set_add_entry(s, k, h);
        ou_decref(k);
        if (rv < 0) {
            ou_decref(otherset);
            return -1;
        }
    }
    ou_decref(otherset);
    return 0;
}

static Value set_symmetric_difference(Value so, Value other) {
    OuSet *o = new_set_basetype(so, other);
    if (!o) return OU_ERR;
    if (set_symmetric_difference_update(o, so) < 0) {
        ou_decref(MK_OBJ(o));
        return OU_ERR;
    }
    return MK_OBJ(o);
}

/* 1/0/-1: every element of a is in b (b any set). */
static int set_issubset_sets(OuSet *a, OuSet *b) {
    if (a->count > b->count) return 0;
    int64_t pos = 0;
    OuSetEntry *e;
    while ((e = set_next_entry(a, &pos))) {
        Value k = ou_newref(e->key);
        int rv = set_contains_entry(b, k, e->hash);
        ou_decref(k);
        if (rv <= 0) return rv;
    }
    return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Slots. */

static void set_dealloc(OuObject *o) {
    OuSet *s = (OuSet *)o;
    if (s->table) {
        for (int64_t i = 0; i <= s->mask; i++)
            if (is_live(&s->table[i])) ou_decref(s->table[i].key);
        ou_mem_free(s->table);
    }
    ou_obj_free(o);
}

static int set_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuSet *s = (OuSet *)o;
    for (int64_t i = 0; i <= s->mask; i++)
        if (is_live(&s->table[i])) CT_VISIT(s->table[i].key);
    return 0;
}

static void set_clear_slot(OuObject *o) { set_clear_internal((OuSet *)o); }

static Value set_repr(Value self) {
    OuSet *s = (OuSet *)AS_OBJ(self);
    OuType *t = s->ob.type;
    bool plain = t == &ou_set_type;
    if (s->count == 0) return ou_str_printf("%s()", t->name);
    int r = ou_repr_enter(self);
    if (r < 0) return OU_ERR;
    if (r > 0) return ou_str_printf("%s(...)", t->name);
    CtBuf b;
    ct_buf_init(&b);
    if (!plain && (ct_buf_puts(&b, t->name) < 0 || ct_buf_puts(&b, "(") < 0)) goto fail;
    if (ct_buf_puts(&b, "{") < 0) goto fail;
    int64_t pos = 0;
    OuSetEntry *e;
    bool first = true;
    while ((e = set_next_entry(s, &pos))) {
        if (!first && ct_buf_puts(&b, ", ") < 0) goto fail;
        first = false;
        Value k = ou_newref(e->key);
        int rc = ct_buf_put_repr(&b, k);
        ou_decref(k);
        if (rc < 0) goto fail;
    }
    if (ct_buf_puts(&b, plain ? "}" : "})") < 0) goto fail;
    ou_repr_leave(self);
    return ct_buf_finish(&b);
fail:
    ou_repr_leave(self);
    ct_buf_free(&b);
    return OU_ERR;
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ UINT64_C(89869747)) ^ (h << 16)) * UINT64_C(3644798167); }

/* CPython's frozenset_hash, computed over live entries only (equivalent to its version that
 * includes empty and dummy slots and then cancels them out). */
static int64_t frozenset_hash(Value self) {
    OuSet *s = (OuSet *)AS_OBJ(self);
    if (s->hash != -1) return s->hash;
    uint64_t hash = 0;
    for (int64_t i = 0; i <= s->mask; i++)
        if (is_live(&s->table[i])) hash ^= shuffle_bits((uint64_t)s->table[i].hash);
    hash ^= ((uint64_t)s->count + 1) * UINT64_C(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * UINT64_C(69069) + UINT64_C(907133923);
    if (hash == (uint64_t)-1) hash = UINT64_C(590923713);
    s->hash = (int64_t)hash;
    return s->hash;
}

static Value set_richcmp(Value a, Value b, int op) {
    if (!ct_is_anyset(a) || !ct_is_anyset(b)) return ou_newref(ou_NotImplemented);
    OuSet *x = (OuSet *)AS_OBJ(a), *y = (OuSet *)AS_OBJ(b);
    int r;
    switch (op) {
    case OU_EQ:
    case OU_NE:
        if (x->count != y->count) r = 0;
        else if (is_frozen(a) && is_frozen(b) && x->hash != -1 && y->hash != -1 && x->hash != y->hash) r = 0;
        else r = set_issubset_sets(x, y);
        if (r < 0) return OU_ERR;
        return MK_BOOL(op == OU_EQ ? r : !r);
    case OU_LE: r = set_issubset_sets(x, y); break;
    case OU_GE: r = set_issubset_sets(y, x); break;
    case OU_LT: r = x->count < y->count ? set_issubset_sets(x, y) : 0; break;
    default: r = x->count > y->count ? set_issubset_sets(y, x) : 0; break;
    }
    return r < 0 ? OU_ERR : MK_BOOL(r);
}

static Value set_binop(Value a, Value b, int op, bool reflected) {
    if (!ct_is_anyset(a) || !ct_is_anyset(b)) return ou_newref(ou_NotImplemented);
    int bop = op & ~OU_BIN_INPLACE;
    bool inplace = (op & OU_BIN_INPLACE) && !reflected && ou_instance_of(a, &ou_set_type);
    if (inplace) {
        OuSet *s = (OuSet *)AS_OBJ(a);
        int rc;
        switch (bop) {
        case OU_BIN_OR: rc = set_update_internal(s, b); break;
        case OU_BIN_AND: rc = set_intersection_update(a, b); break;
        case OU_BIN_SUB: rc = set_difference_update_internal(s, b); break;
        case OU_BIN_XOR: rc = set_symmetric_difference_update(s, b); break;
        default: return ou_newref(ou_NotImplemented);
        }
        return rc < 0 ? OU_ERR : ou_newref(a);
    }
    switch (bop) {
    case OU_BIN_OR: {
        OuSet *r = new_set_basetype(a, a);
        if (!r) return OU_ERR;
        if (a != b && set_update_internal(r, b) < 0) {
            ou_decref(MK_OBJ(r));
            return OU_ERR;
        }
        return MK_OBJ(r);
    }
    case OU_BIN_AND: return set_intersection(a, b);
    case OU_BIN_SUB: return set_difference(a, b);
    case OU_BIN_XOR: return set_symmetric_difference(a, b);
    default: return ou_newref(ou_NotImplemented);
    }
}

static int64_t set_len(Value self) { return ((OuSet *)AS_OBJ(self))->count; }

static int set_contains_slot(Value self, Value key) { return ou_set_contains(self, key); }

static Value set_iter(Value self);

static Value set_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    OuSet *s = set_alloc(type);
    return s ? MK_OBJ(s) : OU_ERR;
}

static int set_init_slot(Value self, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set") < 0 || ct_args_range("set", nargs, 0, 1) < 0) return -1;
    OuSet *s = (OuSet *)AS_OBJ(self);
    set_clear_internal(s);
    return nargs ? set_update_internal(s, args[0]) : 0;
}

static Value frozenset_new_slot(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "frozenset") < 0 || ct_args_range("frozenset", nargs, 0, 1) < 0) return OU_ERR;
    if (type == &ou_frozenset_type && nargs == 1 && ou_is_type(args[0], &ou_frozenset_type))
        return ou_newref(args[0]);
    OuSet *s = set_alloc(type);
    if (!s) return OU_ERR;
    if (nargs && set_update_internal(s, args[0]) < 0) {
        ou_decref(MK_OBJ(s));
        return OU_ERR;
    }
    return MK_OBJ(s);
}

/* ------------------------------------------------------------------------------------------ */
/* Methods. */

#define SELF ((OuSet *)AS_OBJ(args[0]))

static Value m_add(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.add") < 0 || ct_args_one("set.add", nargs - 1) < 0) return OU_ERR;
    return ou_set_add(args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_remove(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.remove") < 0 || ct_args_one("set.remove", nargs - 1) < 0) return OU_ERR;
    int r = ou_set_discard(args[0], args[1]);
    if (r < 0) return OU_ERR;
    if (r == 0) return ou_err_set_value(ou_KeyError, args[1]);
    return OU_NONE;
}

static Value m_discard(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.discard") < 0 || ct_args_one("set.discard", nargs - 1) < 0) return OU_ERR;
    return ou_set_discard(args[0], args[1]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_pop(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.pop") < 0 || ct_args_none("set.pop", nargs - 1) < 0) return OU_ERR;
    OuSet *s = SELF;
    if (s->count == 0) {
        Value msg = ou_str_cstr("pop from an empty set");
        if (IS_ERR(msg)) return OU_ERR;
        ou_err_set_value(ou_KeyError, msg);
        ou_decref(msg);
        return OU_ERR;
    }
    int64_t i = s->hash & s->mask;
    while (!is_live(&s->table[i])) i = (i + 1) & s->mask;
    Value key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->count--;
    s->hash = i + 1; /* the finger */
    return key;
}

static Value m_clear(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.clear") < 0 || ct_args_none("set.clear", nargs - 1) < 0) return OU_ERR;
    set_clear_internal(SELF);
    return OU_NONE;
}

static Value m_copy(Value *args, int nargs, Value kwnames) {
    const char *n = is_frozen(args[0]) ? "frozenset.copy" : "set.copy";
    if (ct_no_kw(kwnames, n) < 0 || ct_args_none(n, nargs - 1) < 0) return OU_ERR;
    return set_copy(args[0]);
}

static Value m_update(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.update") < 0) return OU_ERR;
    for (int i = 1; i < nargs; i++)
        if (set_update_internal(SELF, args[i]) < 0) return OU_ERR;
    return OU_NONE;
}

static Value m_union(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "union") < 0) return OU_ERR;
    OuSet *r = new_set_basetype(args[0], args[0]);
    if (!r) return OU_ERR;
    for (int i = 1; i < nargs; i++) {
        if (args[i] == args[0]) continue;
        if (set_update_internal(r, args[i]) < 0) {
            ou_decref(MK_OBJ(r));
            return OU_ERR;
        }
    }
    return MK_OBJ(r);
}

static Value m_intersection(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "intersection") < 0) return OU_ERR;
    if (nargs == 1) return set_copy(args[0]);
    Value result = ou_newref(args[0]);
    for (int i = 1; i < nargs; i++) {
        Value nr = set_intersection(result, args[i]);
        ou_decref(result);
        if (IS_ERR(nr)) return OU_ERR;
        result = nr;
    }
    return result;
}

static Value m_intersection_update(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "intersection_update") < 0) return OU_ERR;
    Value tmp = m_intersection(args, nargs, kwnames);
    if (IS_ERR(tmp)) return OU_ERR;
    if (tmp != args[0]) set_swap_bodies(SELF, (OuSet *)AS_OBJ(tmp));
    ou_decref(tmp);
    return OU_NONE;
}

static Value m_difference(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "difference") < 0) return OU_ERR;
    if (nargs == 1) return set_copy(args[0]);
    Value result = set_difference(args[0], args[1]);
    if (IS_ERR(result)) return OU_ERR;
    for (int i = 2; i < nargs; i++) {
        if (set_difference_update_internal((OuSet *)AS_OBJ(result), args[i]) < 0) {
            ou_decref(result);
            return OU_ERR;
        }
    }
    return result;
}

static Value m_difference_update(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "difference_update") < 0) return OU_ERR;
    for (int i = 1; i < nargs; i++)
        if (set_difference_update_internal(SELF, args[i]) < 0) return OU_ERR;
    return OU_NONE;
}

static Value m_symmetric_difference(Value *args, int nargs, Value kwnames) {
    const char *n = is_frozen(args[0]) ? "frozenset.symmetric_difference" : "set.symmetric_difference";
    if (ct_no_kw(kwnames, n) < 0 || ct_args_one(n, nargs - 1) < 0) return OU_ERR;
    return set_symmetric_difference(args[0], args[1]);
}

static Value m_symmetric_difference_update(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "set.symmetric_difference_update") < 0 ||
        ct_args_one("set.symmetric_difference_update", nargs - 1) < 0)
        return OU_ERR;
    return set_symmetric_difference_update(SELF, args[1]) < 0 ? OU_ERR : OU_NONE;
}

static Value m_issubset(Value *args, int nargs, Value kwnames) {
    const char *n = is_frozen(args[0]) ? "frozenset.issubset" : "set.issubset";
    if (ct_no_kw(kwnames, n) < 0 || ct_args_one(n, nargs - 1) < 0) return OU_ERR;
    Value other = args[1];
    if (ct_is_anyset(other)) {
        int r = set_issubset_sets(SELF, (OuSet *)AS_OBJ(other));
        return r < 0 ? OU_ERR : MK_BOOL(r);
    }
    Value tmp = ou_set_new(other);
    if (IS_ERR(tmp)) return OU_ERR;
    int r = set_issubset_sets(SELF, (OuSet *)AS_OBJ(tmp));
    ou_decref(tmp);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}

static Value m_issuperset(Value *args, int nargs, Value kwnames) {
    const char *n = is_frozen(args[0]) ? "frozenset.issuperset" : "set.issuperset";
    if (ct_no_kw(kwnames, n) < 0 || ct_args_one(n, nargs - 1) < 0) return OU_ERR;
    Value other = args[1];
    if (ct_is_anyset(other)) {
        int r = set_issubset_sets((OuSet *)AS_OBJ(other), SELF);
        return r < 0 ? OU_ERR : MK_BOOL(r);
    }
    Value it = ou_iter(other);
    if (IS_ERR(it)) return OU_ERR;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        int r = IS_ERR(k) ? -1 : ou_set_contains(args[0], k);
        ou_decref(k);
        if (r <= 0) {
            ou_decref(it);
            return r < 0 ? OU_ERR : OU_FALSE;
        }
    }
    ou_decref(it);
    return OU_TRUE;
}

static Value m_isdisjoint(Value *args, int nargs, Value kwnames) {
    const char *n = is_frozen(args[0]) ? "frozenset.isdisjoint" : "set.isdisjoint";
    if (ct_no_kw(kwnames, n) < 0 || ct_args_one(n, nargs - 1) < 0) return OU_ERR;
    Value other = args[1];
    if (other == args[0]) return MK_BOOL(SELF->count == 0);
    if (ct_is_anyset(other)) {
        OuSet *a = SELF, *b = (OuSet *)AS_OBJ(other);
        if (a->count > b->count) {
            OuSet *t = a;
            a = b;
            b = t;
        }
        int64_t pos = 0;
        OuSetEntry *e;
        while ((e = set_next_entry(a, &pos))) {
            Value k = ou_newref(e->key);
            int r = set_contains_entry(b, k, e->hash);
            ou_decref(k);
            if (r != 0) return r < 0 ? OU_ERR : OU_FALSE;
        }
        return OU_TRUE;
    }
    Value it = ou_iter(other);
    if (IS_ERR(it)) return OU_ERR;
    for (;;) {
        Value k = ou_next(it);
        if (IS_UNDEF(k)) break;
        int r = IS_ERR(k) ? -1 : ou_set_contains(args[0], k);
        ou_decref(k);
        if (r != 0) {
            ou_decref(it);
            return r < 0 ? OU_ERR : OU_FALSE;
        }
    }
    ou_decref(it);
    return OU_TRUE;
}

static Value m_init(Value *args, int nargs, Value kwnames) {
    return set_init_slot(args[0], args + 1, nargs - 1, kwnames) < 0 ? OU_ERR : OU_NONE;
}
static Value m_len(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->count); }
static Value m_contains(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    int r = ou_set_contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value m_iter(Value *args, int nargs, Value kwnames) { return set_iter(args[0]); }
static Value m_repr(Value *args, int nargs, Value kwnames) { return set_repr(args[0]); }
static Value m_eq(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 1) < 0) return OU_ERR;
    return set_richcmp(args[0], args[1], OU_EQ);
}

static const OuMethodDef set_methods[] = {
    {"add", m_add, "Add an element to a set."},
    {"remove", m_remove, "Remove an element from a set; it must be a member."},
    {"discard", m_discard, "Remove an element from a set if it is a member."},
    {"pop", m_pop, "Remove and return an arbitrary set element."},
    {"clear", m_clear, "Remove all elements from this set."},
    {"copy", m_copy, "Return a shallow copy of a set."},
    {"update", m_update, "Update a set with the union of itself and others."},
    {"union", m_union, "Return the union of sets as a new set."},
    {"intersection", m_intersection, "Return the intersection of two sets as a new set."},
    {"intersection_update", m_intersection_update, "Update a set with the intersection of itself and another."},
    {"difference", m_difference, "Return the difference of two or more sets as a new set."},
    {"difference_update", m_difference_update, "Remove all elements of another set from this set."},
    {"symmetric_difference", m_symmetric_difference, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", m_symmetric_difference_update, "Update a set with the symmetric difference of itself and another."},
    {"issubset", m_issubset, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, "Return True if two sets have a null intersection."},
    {"__init__", m_init, NULL},
    {"__len__", m_len, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {"__repr__", m_repr, NULL},
    {"__eq__", m_eq, NULL},
    {NULL, NULL, NULL},
};

static const OuMethodDef frozenset_methods[] = {
    {"copy", m_copy, "Return a shallow copy of a set."},
    {"union", m_union, "Return the union of sets as a new set."},
    {"intersection", m_intersection, "Return the intersection of two sets as a new set."},
    {"difference", m_difference, "Return the difference of two or more sets as a new set."},
    {"symmetric_difference", m_symmetric_difference, "Return the symmetric difference of two sets as a new set."},
    {"issubset", m_issubset, "Report whether another set contains this set."},
    {"issuperset", m_issuperset, "Report whether this set contains another set."},
    {"isdisjoint", m_isdisjoint, "Return True if two sets have a null intersection."},
    {"__len__", m_len, NULL},
    {"__contains__", m_contains, NULL},
    {"__iter__", m_iter, NULL},
    {"__repr__", m_repr, NULL},
    {"__eq__", m_eq, NULL},
    {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------------------------------ */
/* Iterator: walks the table; a change in the live count raises RuntimeError (sticky). */

typedef struct { OuObject ob; Value set; int64_t pos, expect; } SetIter;

static void setiter_dealloc(OuObject *o) {
    ou_decref(((SetIter *)o)->set);
    ou_obj_free(o);
}
static int setiter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((SetIter *)o)->set);
    return 0;
}
static void setiter_clear(OuObject *o) {
    SetIter *it = (SetIter *)o;
    Value s = it->set;
    it->set = OU_UNDEF;
    ou_decref(s);
}
static Value iter_self(Value self) { return ou_newref(self); }
static Value setiter_next(Value self) {
    SetIter *it = (SetIter *)AS_OBJ(self);
    if (IS_UNDEF(it->set)) return OU_UNDEF;
    OuSet *s = (OuSet *)AS_OBJ(it->set);
    if (it->expect != s->count) {
        it->expect = -1;
        return ou_err_format(ou_RuntimeError, "Set changed size during iteration");
    }
    OuSetEntry *e = set_next_entry(s, &it->pos);
    if (e) return ou_newref(e->key);
    setiter_clear(&it->ob);
    return OU_UNDEF;
}

static OuType setiter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "set_iterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(SetIter),
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .clear = setiter_clear,
    .iter = iter_self,
    .next = setiter_next,
};

static Value set_iter(Value self) {
    SetIter *it = ou_obj_alloc(&setiter_type, sizeof(SetIter));
    if (!it) return OU_ERR;
    it->set = ou_newref(self);
    it->pos = 0;
    it->expect = ((OuSet *)AS_OBJ(self))->count;
    return MK_OBJ(it);
}

/* ------------------------------------------------------------------------------------------ */

OuType ou_set_type = {
    .ob = CT_STATIC_HEAD,
    .name = "set",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = ct_unhashable,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .new = set_new_slot,
    .init = set_init_slot,
};

OuType ou_frozenset_type = {
    .ob = CT_STATIC_HEAD,
    .name = "frozenset",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuSet),
    .dealloc = set_dealloc,
    .traverse = set_traverse,
    .clear = set_clear_slot,
    .repr = set_repr,
    .hash = frozenset_hash,
    .richcmp = set_richcmp,
    .binop = set_binop,
    .iter = set_iter,
    .len = set_len,
    .contains = set_contains_slot,
    .new = frozenset_new_slot,
};

int vm_init_set(void) {
    if (ou_type_ready(&ou_set_type) < 0 || ou_type_ready(&ou_frozenset_type) < 0 ||
        ou_type_ready(&setiter_type) < 0)
        return -1;
    if (ou_add_functions(ou_set_type.dict, set_methods, OU_UNDEF) < 0) return -1;
    if (ou_dict_set_str(ou_set_type.dict, "__hash__", OU_NONE) < 0) return -1;
    return ou_add_functions(ou_frozenset_type.dict, frozenset_methods, OU_UNDEF);
}
