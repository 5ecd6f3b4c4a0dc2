/* weakref.c: weak references: the weakref.ReferenceType, ProxyType and CallableProxyType
 * objects, the side table that lists the weak references to each object, and the two hooks
 * through which objects die (ou_weakref_object_dying from reference counting,
 * ou_weakref_gc_clear from the cycle collector).
 *
 * The side table. An object does not carry a weak-reference list field: most objects are
 * never weakly referenced, and a field in every instance, list and dict would cost memory for
 * nothing. Instead `table` maps an object's address to the head of its list of weak reference
 * objects, and the object carries OU_GCF_WEAKREFS while it has an entry. Deallocation tests
 * that one bit, so an object without weak references pays nothing.
 *   - table is open addressing with linear probing over cap slots (cap a power of two, or 0
 *     when no object has weak references: the table is freed when it empties, so nothing is
 *     left to release at exit). A slot is empty when key is NULL. Deletion shifts the
 *     following cluster back, so there are no tombstones, and count <= cap / 2 keeps probe
 *     sequences short.
 *   - An entry exists iff its list is non-empty iff the key object has OU_GCF_WEAKREFS.
 *   - Each list is doubly linked through OuWeakref.prev/next, in CPython's order: the shared
 *     callback-less ref of exact type ReferenceType first (if any), then the shared
 *     callback-less proxy (if any), then every other weak reference, newest first. Dying
 *     objects call the callbacks in list order, so the newest callback runs first.
 *   - A weak reference is on its referent's list iff its `referent` is non-NULL. Clearing it
 *     (the referent died, or the collector cleared it) unlinks it and sets referent to NULL;
 *     that never comes back.
 *
 * Weak reference objects are containers (OU_TPFLAG_GC) because the callback may refer back
 * to the weak reference, or to objects that reach it; the referent is not traversed, since
 * the reference is weak. Heap classes may subclass ReferenceType (WeakMethod, KeyedRef).
 */
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "vm.h"

/* A weak reference or proxy. Invariants: see the top of this file. */
typedef struct OuWeakref {
    OuObject ob;
    OuObject *referent;            /* NULL once cleared */
    Value callback;                /* callable, or OU_UNDEF for none */
    int64_t hash;                  /* referent's hash, cached; -1 until computed */
    struct OuWeakref *prev, *next; /* the referent's list (see above) */
} OuWeakref;

typedef struct {
    OuObject *key;
    OuWeakref *head;
} WrSlot;

static WrSlot *table;
static size_t table_cap, table_count;
static unsigned table_shift; /* 64 - log2(table_cap): the slot is the product's top bits */

static inline size_t slot_of(const OuObject *o) {
    return (size_t)(((uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15ULL) >> table_shift);
}

/* The slot holding o, or NULL. */
static WrSlot *table_find(const OuObject *o) {
    if (table_count == 0) return NULL;
    for (size_t i = slot_of(o);; i = (i + 1) & (table_cap - 1)) {
        if (table[i].key == o) return &table[i];
        if (!table[i].key) return NULL;
    }
}

static int table_grow(void) {
    size_t ncap = table_cap ? table_cap * 2 : 16;
    WrSlot *old = table;
    size_t ocap = table_cap;
    WrSlot *nt = calloc(ncap, sizeof *nt);
    if (!nt) {
        ou_err_nomemory();
        return -1;
    }
    table = nt;
    table_cap = ncap;
    table_shift = 64;
    for (size_t c = ncap; c > 1; c >>= 1) table_shift--;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key) continue;
        size_t j = slot_of(old[i].key);
        while (table[j].key) j = (j + 1) & (table_cap - 1);
        table[j] = old[i];
    }
    free(old);
    return 0;
}

/* The slot of o, created empty (head NULL) if absent. The pointer is valid until the next
 * insertion into the table. */
static WrSlot *table_get_or_add(OuObject *o) {
    if (o->gcflags & OU_GCF_WEAKREFS) {
        WrSlot *s = table_find(o);
        if (s) return s;
    }
    if ((table_count + 1) * 2 > table_cap && table_grow() < 0) return NULL;
    size_t i = slot_of(o);
    while (table[i].key) i = (i + 1) & (table_cap - 1);
    table[i].key = o;
    table[i].head = NULL;
    table_count++;
    o->gcflags |= OU_GCF_WEAKREFS;
    return &table[i];
}

/* Remove the slot s (its list is empty or detached) and clear its key's flag. */
static void table_remove(WrSlot *s) {
    s->key->gcflags &= (uint16_t)~OU_GCF_WEAKREFS;
    size_t i = (size_t)(s - table);
    size_t mask = table_cap - 1;
    /* Backward-shift deletion: move later members of the cluster into the hole when their
     * home slot does not lie cyclically in (hole, their position]. */
    for (size_t j = (i + 1) & mask; table[j].key; j = (j + 1) & mask) {
        size_t home = slot_of(table[j].key);
        bool stays = (i <= j) ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) {
            table[i] = table[j];
            i = j;
        }
    }
    table[i].key = NULL;
    table[i].head = NULL;
    if (--table_count == 0) {
        free(table);
        table = NULL;
        table_cap = 0;
    }
}

/* Unlink wr from its referent's list and mark it dead. Callback untouched. */
static void wr_unlink(OuWeakref *wr) {
    OuObject *o = wr->referent;
    if (!o) return;
    if (wr->prev) {
        wr->prev->next = wr->next;
        if (wr->next) wr->next->prev = wr->prev;
    } else {
        WrSlot *s = table_find(o);
        if (s) {
            s->head = wr->next;
            if (wr->next) wr->next->prev = NULL;
            else table_remove(s);
        }
    }
    wr->prev = wr->next = NULL;
    wr->referent = NULL;
}

/* ---- which objects accept weak references -------------------------------------------------- */

/* CPython's rule is per type (tp_weaklistoffset); this is the same set for the types Ouro has,
 * plus list and dict, which Ouro deliberately allows (docs/language.md). */
static bool weakrefable(OuType *t) {
    if (t->flags & OU_TPFLAG_HEAPTYPE) {
        /* A class: its instances accept weak references unless the layout comes from a
         * builtin that forbids them (variable-size int and tuple in CPython). */
        OuType *b = t;
        while (b && (b->flags & OU_TPFLAG_HEAPTYPE)) b = b->base;
        return b != &ou_int_type && b != &ou_tuple_type;
    }
    if (t == &ou_type_type || t == &ou_function_type || t == &ou_cfunction_type ||
        t == &ou_method_type || t == &ou_set_type || t == &ou_frozenset_type ||
        t == &ou_module_type || t == &ou_code_type || t == &ou_list_type || t == &ou_dict_type ||
        t == &ou_file_type)
        return true;
    /* Types that other parts of Ouro may add later and that CPython lets be weakly
     * referenced, recognised by name so this file need not know their definitions. */
    return !strcmp(t->name, "generator") || !strcmp(t->name, "coroutine");
}

static int check_weakrefable(Value obj) {
    OuType *t = ou_typeof(obj);
    if (IS_OBJ(obj) && weakrefable(t)) return 0;
    ou_err_format(ou_TypeError, "cannot create weak reference to '%s' object", t->name);
    return -1;
}

/* ---- creation ------------------------------------------------------------------------------- */

static inline bool is_proxy_type(OuType *t) {
    return t == &ou_weakproxy_type || t == &ou_weakcallableproxy_type;
}

/* The builtin weakref type an object's layout comes from, or NULL for other objects. */
static OuType *wr_kind(OuObject *o) {
    OuType *t = o->type;
    while (t && (t->flags & OU_TPFLAG_HEAPTYPE)) t = t->base;
    if (t == &ou_weakref_type || t == &ou_weakproxy_type || t == &ou_weakcallableproxy_type)
        return t;
    return NULL;
}

/* The shared callback-less ref and proxy at the head of a list (either may be NULL). */
static void basic_refs(OuWeakref *head, OuWeakref **ref, OuWeakref **proxy) {
    *ref = *proxy = NULL;
    if (head && head->ob.type == &ou_weakref_type && IS_UNDEF(head->callback)) {
        *ref = head;
        head = head->next;
    }
    if (head && is_proxy_type(head->ob.type) && IS_UNDEF(head->callback)) *proxy = head;
}

/* Create a weak reference of `type` (a ref or proxy type, or a subclass) to obj, or return
 * the shared one. callback: OU_UNDEF or None for none. */
static Value wr_create(OuType *type, Value obj, Value callback) {
    if (check_weakrefable(obj) < 0) return OU_ERR;
    if (IS_NONE(callback)) callback = OU_UNDEF;
    OuObject *o = AS_OBJ(obj);
    bool basic = IS_UNDEF(callback) && (type == &ou_weakref_type || is_proxy_type(type));
    if (basic && (o->gcflags & OU_GCF_WEAKREFS)) {
        WrSlot *s = table_find(o);
        if (s) {
            OuWeakref *r, *p;
            basic_refs(s->head, &r, &p);
            OuWeakref *shared = type == &ou_weakref_type ? r : p;
            if (shared) return ou_newref(MK_OBJ(shared));
        }
    }
    OuWeakref *wr = ou_obj_alloc(type, type->basicsize ? type->basicsize : sizeof *wr);
    if (!wr) return OU_ERR;
    wr->callback = OU_UNDEF;
    wr->hash = -1;
    WrSlot *s = table_get_or_add(o);
    if (!s) {
        ou_decref(MK_OBJ(wr));
        return OU_ERR;
    }
    wr->referent = o;
    wr->callback = ou_newref(callback);
    OuWeakref *r, *p;
    basic_refs(s->head, &r, &p);
    OuWeakref *prev;
    if (basic && type == &ou_weakref_type) prev = NULL;
    else if (basic) prev = r;
    else prev = p ? p : r;
    if (!prev) {
        wr->next = s->head;
        if (s->head) s->head->prev = wr;
        s->head = wr;
    } else {
        wr->prev = prev;
        wr->next = prev->next;
        if (prev->next) prev->next->prev = wr;
        prev->next = wr;
    }
    return MK_OBJ(wr);
}

Value ou_weakref_new(Value obj, Value callback) {
    return wr_create(&ou_weakref_type, obj, callback);
}

Value ou_weakref_proxy(Value obj, Value callback) {
    if (check_weakrefable(obj) < 0) return OU_ERR;
    OuType *t = ou_typeof(obj)->call ? &ou_weakcallableproxy_type : &ou_weakproxy_type;
    return wr_create(t, obj, callback);
}

/* A referent whose count is zero waits in the deallocation queue (the trashcan in
 * vm/object.c) with its weak references not yet cleared: it counts as dead already, since
 * handing it out would resurrect it after its destruction has been decided. */
static inline OuObject *live_referent(const OuWeakref *wr) {
    return wr->referent && wr->referent->rc > 0 ? wr->referent : NULL;
}

Value ou_weakref_referent(Value ref) {
    OuObject *o = live_referent((OuWeakref *)AS_OBJ(ref));
    return o ? MK_OBJ(o) : OU_NONE;
}

int64_t ou_weakref_count(Value obj) {
    if (!IS_OBJ(obj) || !(AS_OBJ(obj)->gcflags & OU_GCF_WEAKREFS)) return 0;
    WrSlot *s = table_find(AS_OBJ(obj));
    int64_t n = 0;
    for (OuWeakref *w = s ? s->head : NULL; w; w = w->next) n++;
    return n;
}

Value ou_weakref_list(Value obj) {
    Value l = ou_list_new(0);
    if (IS_ERR(l) || !IS_OBJ(obj) || !(AS_OBJ(obj)->gcflags & OU_GCF_WEAKREFS)) return l;
    WrSlot *s = table_find(AS_OBJ(obj));
    for (OuWeakref *w = s ? s->head : NULL; w; w = w->next) {
        if (ou_list_append(l, MK_OBJ(w)) < 0) {
            ou_decref(l);
            return OU_ERR;
        }
    }
    return l;
}

/* ---- death of referents ---------------------------------------------------------------------- */

typedef struct {
    OuWeakref *wr; /* a counted reference */
    Value cb;      /* a counted reference */
} Pending;

static void call_callback(OuWeakref *wr, Value cb) {
    Value r = ou_call1(cb, MK_OBJ(wr));
    if (IS_ERR(r))
        ou_err_write_unraisable(cb);
    else
        ou_decref(r);
}

void ou_weakref_object_dying(OuObject *o) {
    WrSlot *s = table_find(o);
    if (!s) {
        o->gcflags &= (uint16_t)~OU_GCF_WEAKREFS;
        return;
    }
    OuWeakref *head = s->head;
    table_remove(s);
    /* Clear every reference before any callback runs, so that a callback sees all of them
     * dead. No Python code runs until the loop is over. Weak references whose own count is
     * zero are waiting in the deallocation queue: they get no callback (as in CPython) and
     * keep it until their own dealloc releases it. */
    Pending local[8];
    Pending *calls = local;
    size_t ncalls = 0, cap = 8;
    for (OuWeakref *w = head, *next; w; w = next) {
        next = w->next;
        w->prev = w->next = NULL;
        w->referent = NULL;
        if (IS_UNDEF(w->callback) || w->ob.rc == 0) continue;
        if (ncalls == cap) {
            size_t ncap = cap * 2;
            Pending *p = calls == local ? malloc(ncap * sizeof *p) : realloc(calls, ncap * sizeof *p);
            if (!p) continue; /* out of memory: this callback is lost */
            if (calls == local) memcpy(p, local, sizeof local);
            calls = p;
            cap = ncap;
        }
        ou_incref(MK_OBJ(w));
        calls[ncalls].wr = w;
        calls[ncalls].cb = w->callback; /* the weak reference's own reference moves here */
        w->callback = OU_UNDEF;
        ncalls++;
    }
    if (ncalls == 0) return;
    /* The dying object has a zero count; a collection started by a callback must see it as
     * held from outside, or it would free it a second time. It is also out of the collector's
     * lists while the callbacks run (CPython untracks it before clearing weak references), so
     * that gc.get_objects() or gc.get_referrers() in a callback cannot hand it out to be freed
     * under a new reference; it is tracked again afterwards, so that ou_obj_free accounts for
     * it in the young generation's count as for any other object. */
    uint32_t saved_rc = o->rc;
    o->rc = saved_rc + 1;
    bool tracked = (o->gcflags & OU_GCF_TRACKED) != 0;
    if (tracked) gc_untrack(o);
    Value saved = ou_err_fetch();
    for (size_t i = 0; i < ncalls; i++) {
        call_callback(calls[i].wr, calls[i].cb);
        ou_decref(calls[i].cb);
        ou_decref(MK_OBJ(calls[i].wr));
    }
    if (!IS_UNDEF(saved) && !IS_ERR(saved)) ou_err_restore(saved);
    if (tracked) gc_track(o);
    o->rc = saved_rc;
    if (calls != local) free(calls);
}

int64_t ou_weakref_gc_clear(OuObject **set, int64_t n) {
    /* Pass 1: clear everything, remembering the weak references outside the set that have a
     * callback (the ones inside die with the set and their callbacks never run). */
    OuWeakref **todo = NULL;
    size_t ntodo = 0, cap = 0;
    for (int64_t i = 0; i < n; i++) {
        OuObject *o = set[i];
        /* A weak reference in the set must not fire later, when its referent dies after the
         * set has been cleared: it could expose half-cleared objects. */
        if (wr_kind(o)) wr_unlink((OuWeakref *)o);
        if (!(o->gcflags & OU_GCF_WEAKREFS)) continue;
        WrSlot *s = table_find(o);
        if (!s) {
            o->gcflags &= (uint16_t)~OU_GCF_WEAKREFS;
            continue;
        }
        OuWeakref *head = s->head;
        table_remove(s);
        for (OuWeakref *w = head, *next; w; w = next) {
            next = w->next;
            w->prev = w->next = NULL;
            w->referent = NULL;
            if (IS_UNDEF(w->callback) || (w->ob.gcflags & OU_GCF_UNREACHABLE) || w->ob.rc == 0)
                continue;
            if (ntodo == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                OuWeakref **p = realloc(todo, ncap * sizeof *p);
                if (!p) continue; /* out of memory: this callback is lost */
                todo = p;
                cap = ncap;
            }
            ou_incref(MK_OBJ(w));
            todo[ntodo++] = w;
        }
    }
    /* Pass 2: the callbacks, in order. The callback stays attached (__callback__ still shows
     * it, as in CPython); an earlier callback may have cleared it. */
    int64_t called = 0;
    Value saved = ntodo ? ou_err_fetch() : OU_UNDEF;
    for (size_t i = 0; i < ntodo; i++) {
        OuWeakref *w = todo[i];
        Value cb = w->callback;
        if (!IS_UNDEF(cb)) {
            ou_incref(cb);
            call_callback(w, cb);
            ou_decref(cb);
            called++;
        }
        ou_decref(MK_OBJ(w));
    }
    if (!IS_UNDEF(saved) && !IS_ERR(saved)) ou_err_restore(saved);
    free(todo);
    return called;
}

/* ---- the weak reference types ------------------------------------------------------------- */

static void wr_dealloc(OuObject *self) {
    OuWeakref *wr = (OuWeakref *)self;
    wr_unlink(wr);
    Value cb = wr->callback;
    wr->callback = OU_UNDEF;
    ou_xdecref(cb);
    ou_obj_free(self);
}

static int wr_traverse(OuObject *self, ou_visitfn visit, void *arg) {
    OuWeakref *wr = (OuWeakref *)self;
    return IS_OBJ(wr->callback) ? visit(AS_OBJ(wr->callback), arg) : 0;
}

static void wr_clear(OuObject *self) {
    OuWeakref *wr = (OuWeakref *)self;
    wr_unlink(wr);
    Value cb = wr->callback;
    wr->callback = OU_UNDEF;
    ou_xdecref(cb);
}

static int nkw(Value kwnames) { return IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len; }

static Value ref_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (nkw(kwnames)) return ou_err_format(ou_TypeError, "ref() takes no keyword arguments");
    if (nargs < 1)
        return ou_err_format(ou_TypeError, "__new__ expected at least 1 argument, got %d", nargs);
    if (nargs > 2)
        return ou_err_format(ou_TypeError, "__new__ expected at most 2 arguments, got %d", nargs);
    return wr_create(type, args[0], nargs > 1 ? args[1] : OU_UNDEF);
}

/* Nothing to initialise (__new__ did it all); the argument count is checked as CPython does,
 * so a subclass whose __new__ takes more arguments must define __init__ too. */
static int ref_init(Value self, Value *args, int nargs, Value kwnames) {
    if (nargs > 2) {
        ou_err_format(ou_TypeError, "__init__ expected at most 2 arguments, got %d", nargs);
        return -1;
    }
    return 0;
}

static Value ref_call(Value self, Value *args, int nargs, Value kwnames) {
    if (nkw(kwnames)) return ou_err_format(ou_TypeError, "weakref() takes no keyword arguments");
    if (nargs != 0)
        return ou_err_format(ou_TypeError, "weakref expected 0 arguments, got %d", nargs);
    return ou_newref(ou_weakref_referent(self));
}

static Value ref_repr(Value self) {
    OuWeakref *wr = (OuWeakref *)AS_OBJ(self);
    OuObject *o = live_referent(wr);
    char buf[160];
    if (!o) {
        snprintf(buf, sizeof buf, "<weakref at %p; dead>", (void *)wr);
        return ou_str_cstr(buf);
    }
    Value obj = MK_OBJ(o);
    ou_incref(obj);
    Value name = ou_getattr_cstr(obj, "__name__");
    if (IS_ERR(name)) {
        if (!ou_err_matches(ou_AttributeError)) {
            ou_decref(obj);
            return OU_ERR;
        }
        ou_err_clear();
        name = OU_UNDEF;
    }
    snprintf(buf, sizeof buf, "<weakref at %p; to '%s' at %p", (void *)wr, OU_TYPE_NAME(obj),
             (void *)AS_OBJ(obj));
    Value r;
    if (IS_STR(name))
        r = ou_str_printf("%s (%U)>", buf, name);
    else
        r = ou_str_printf("%s>", buf);
    ou_xdecref(name);
    ou_decref(obj);
    return r;
}

static int64_t ref_hash(Value self) {
    OuWeakref *wr = (OuWeakref *)AS_OBJ(self);
    if (wr->hash != -1) return wr->hash;
    OuObject *o = live_referent(wr);
    if (!o) {
        ou_err_format(ou_TypeError, "weak object has gone away");
        return -1;
    }
    Value obj = MK_OBJ(o);
    ou_incref(obj);
    int64_t h = ou_hash(obj);
    ou_decref(obj);
    if (h != -1) wr->hash = h;
    return h;
}

static Value ref_richcmp(Value a, Value b, int op) {
    if ((op != OU_EQ && op != OU_NE) || !IS_OBJ(a) || !IS_OBJ(b) ||
        wr_kind(AS_OBJ(a)) != &ou_weakref_type || wr_kind(AS_OBJ(b)) != &ou_weakref_type)
        return ou_newref(ou_NotImplemented);
    OuWeakref *wa = (OuWeakref *)AS_OBJ(a), *wb = (OuWeakref *)AS_OBJ(b);
    OuObject *oa = live_referent(wa), *ob = live_referent(wb);
    if (!oa || !ob) {
        bool same = wa == wb;
        return MK_BOOL(op == OU_EQ ? same : !same);
    }
    Value x = MK_OBJ(oa), y = MK_OBJ(ob);
    ou_incref(x);
    ou_incref(y);
    Value r = ou_richcmp(x, y, op);
    ou_decref(x);
    ou_decref(y);
    return r;
}

static Value ref_getattr(Value self, Value name) {
    if (ou_str_eq_cstr(name, "__callback__")) {
        OuWeakref *wr = (OuWeakref *)AS_OBJ(self);
        return IS_UNDEF(wr->callback) ? OU_NONE : ou_newref(wr->callback);
    }
    return ou_generic_getattr(self, name);
}

OuType ou_weakref_type = {
    .name = "weakref.ReferenceType",
    .flags = OU_TPFLAG_GC | OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuWeakref),
    .dealloc = wr_dealloc,
    .traverse = wr_traverse,
    .clear = wr_clear,
    .repr = ref_repr,
    .hash = ref_hash,
    .richcmp = ref_richcmp,
    .call = ref_call,
    .getattr = ref_getattr,
    .new = ref_new,
    .init = ref_init,
};

/* ---- proxies ---------------------------------------------------------------------------- */

/* The referent of a proxy (borrowed), or OU_ERR with ReferenceError when it is dead. Other
 * values pass through unchanged, so operators can unwrap both operands. */
static Value unwrap(Value v) {
    OuType *kind = IS_OBJ(v) ? wr_kind(AS_OBJ(v)) : NULL;
    if (!kind || !is_proxy_type(kind)) return v;
    OuObject *o = live_referent((OuWeakref *)AS_OBJ(v));
    if (!o) return ou_err_format(ou_ReferenceError, "weakly-referenced object no longer exists");
    return MK_OBJ(o);
}

/* Every forwarding slot holds a reference to the referent while it runs: the operation may
 * drop the last other reference. */
#define PROXY_OBJ(var, self, fail)   \
    Value var = unwrap(self);        \
    if (IS_ERR(var)) return fail;    \
    ou_incref(var)

static Value proxy_repr(Value self) {
    OuWeakref *wr = (OuWeakref *)AS_OBJ(self);
    OuObject *o = live_referent(wr);
    char buf[160];
    if (o)
        snprintf(buf, sizeof buf, "<weakproxy at %p to %s at %p>", (void *)wr, o->type->name,
                 (void *)o);
    else
        snprintf(buf, sizeof buf, "<weakproxy at %p to NoneType at %p>", (void *)wr,
                 (void *)&ou_none_type);
    return ou_str_cstr(buf);
}

static Value proxy_str(Value self) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r = ou_to_str(o);
    ou_decref(o);
    return r;
}

static Value proxy_getattr(Value self, Value name) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r = ou_getattr(o, name);
    ou_decref(o);
    return r;
}

static int proxy_setattr(Value self, Value name, Value v) {
    PROXY_OBJ(o, self, -1);
    int r = ou_setattr(o, name, v);
    ou_decref(o);
    return r;
}

static Value proxy_richcmp(Value a, Value b, int op) {
    PROXY_OBJ(x, a, OU_ERR);
    Value y = unwrap(b);
    if (IS_ERR(y)) {
        ou_decref(x);
        return OU_ERR;
    }
    ou_incref(y);
    Value r = ou_richcmp(x, y, op);
    ou_decref(x);
    ou_decref(y);
    return r;
}

static Value proxy_binop(Value a, Value b, int op, bool reflected) {
    PROXY_OBJ(x, a, OU_ERR);
    Value y = unwrap(b);
    if (IS_ERR(y)) {
        ou_decref(x);
        return OU_ERR;
    }
    ou_incref(y);
    Value r = ou_binop(x, y, op);
    ou_decref(x);
    ou_decref(y);
    return r;
}

static Value proxy_unaryop(Value a, int op) {
    PROXY_OBJ(o, a, OU_ERR);
    Value r = ou_unaryop(o, op);
    ou_decref(o);
    return r;
}

static int proxy_truth(Value self) {
    PROXY_OBJ(o, self, -1);
    int r = ou_truthy(o);
    ou_decref(o);
    return r;
}

static Value proxy_iter(Value self) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r = ou_iter(o);
    ou_decref(o);
    return r;
}

static Value proxy_next(Value self) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r;
    if (!ou_typeof(o)->next)
        r = ou_err_format(ou_TypeError, "Weakref proxy referenced a non-iterator '%s' object",
                          OU_TYPE_NAME(o));
    else
        r = ou_next(o);
    ou_decref(o);
    return r;
}

static Value proxy_call(Value self, Value *args, int nargs, Value kwnames) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r = ou_call(o, args, nargs, kwnames);
    ou_decref(o);
    return r;
}

static int64_t proxy_len(Value self) {
    PROXY_OBJ(o, self, -1);
    int64_t r = ou_len(o);
    ou_decref(o);
    return r;
}

static Value proxy_getitem(Value self, Value key) {
    PROXY_OBJ(o, self, OU_ERR);
    Value r = ou_getitem(o, key);
    ou_decref(o);
    return r;
}

static int proxy_setitem(Value self, Value key, Value v) {
    PROXY_OBJ(o, self, -1);
    int r = IS_UNDEF(v) ? ou_delitem(o, key) : ou_setitem(o, key, v);
    ou_decref(o);
    return r;
}

static int proxy_contains(Value self, Value item) {
    PROXY_OBJ(o, self, -1);
    int r = ou_contains(o, item);
    ou_decref(o);
    return r;
}

#define PROXY_SLOTS                                                                         \
    .flags = OU_TPFLAG_GC, .basicsize = sizeof(OuWeakref), .dealloc = wr_dealloc,           \
    .traverse = wr_traverse, .clear = wr_clear, .repr = proxy_repr, .str = proxy_str,       \
    .richcmp = proxy_richcmp, .binop = proxy_binop, .unaryop = proxy_unaryop,               \
    .truth = proxy_truth, .iter = proxy_iter, .next = proxy_next, .getattr = proxy_getattr, \
    .setattr = proxy_setattr, .len = proxy_len, .getitem = proxy_getitem,                   \
    .setitem = proxy_setitem, .contains = proxy_contains

/* Proxies are unhashable: hash stays NULL (richcmp is set, so it is not inherited). */
OuType ou_weakproxy_type = {.name = "weakref.ProxyType", PROXY_SLOTS};
OuType ou_weakcallableproxy_type = {.name = "weakref.CallableProxyType", PROXY_SLOTS,
                                    .call = proxy_call};

int vm_init_weakref(void) {
    if (ou_type_ready(&ou_weakref_type) < 0 || ou_type_ready(&ou_weakproxy_type) < 0 ||
        ou_type_ready(&ou_weakcallableproxy_type) < 0)
        return -1;
    return 0;
}
