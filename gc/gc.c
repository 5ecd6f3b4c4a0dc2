/* gc.c: allocation of objects and the cycle collector.
 *
 * Invariants
 * - Every object whose type has OU_TPFLAG_GC is allocated with a GcHead in front of it and,
 *   from allocation until it is freed, is linked into the `tracked` list and has
 *   OU_GCF_TRACKED set in its gcflags. Other objects have no GcHead.
 * - Reference counting frees almost everything. The collector exists only for garbage cycles,
 *   which reference counts can never bring to zero.
 * - A tracked object may be in any state a traverse slot can cope with from the moment
 *   ou_obj_alloc returns: memory is zero-filled, and a zero Value is the double 0.0, which
 *   traverse ignores. Collections start only at safe points in the interpreter loop
 *   (gc_maybe_collect), never inside an allocation, so C code is never interrupted while it
 *   builds an object.
 *
 * The collection algorithm is trial deletion (as in CPython and QuickJS):
 *   1. refs = rc for every tracked object.
 *   2. For every reference from one tracked object to another (traverse), refs-- on the
 *      target. What remains in refs counts references from outside the tracked heap: the
 *      stack, C locals, globals held by the VM. Those objects are roots.
 *   3. Everything reachable from a root is alive (marked with GCF_REACHABLE, explicit stack,
 *      no recursion). The rest is unreachable: garbage cycles and what only they reach.
 *   4. Finalization (PEP 442): the collector takes a reference to every unreachable object so
 *      none can be freed under it, then calls __del__ once on each object that has one and was
 *      not finalized before (OU_GCF_FINALIZED), in allocation order.
 *   5. A finalizer may resurrect objects (store a reference somewhere reachable). Steps 1-3
 *      are repeated on the unreachable set alone, counting the collector's own reference:
 *      anything still referenced from outside that set, and all it reaches, survives intact.
 *   6. The remaining objects are cleared (type->clear drops their references, breaking the
 *      cycles) and the collector's references dropped, which frees them by reference counting.
 * A collection never re-enters itself: gc.collect() from a finalizer returns 0.
 *
 * Generations, weak references and incremental marking are the memory issue's work; this file
 * keeps one list for now, with a threshold that grows with the heap so collection cost stays
 * linear in allocation.
 */
#include <stdio.h>
#include <stdlib.h>

#include "gc.h"
#include "vm.h"

#define GCF_REACHABLE 0x8
#define GCF_CANDIDATE 0x10

static GcHead tracked = {&tracked, &tracked, 0};
static int64_t ntracked;
static int64_t bytes_in_use;
static int64_t allocs_since_collect;
static int64_t threshold = 700;
bool gc_collecting;
bool gc_enabled = true;
volatile int gc_pending;

static void list_append(GcHead *list, GcHead *h) {
    h->prev = list->prev;
    h->next = list;
    list->prev->next = h;
    list->prev = h;
}
static void list_remove(GcHead *h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    h->next = h->prev = NULL;
}

void *ou_mem_alloc(size_t n) {
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        ou_err_nomemory();
        return NULL;
    }
    return p;
}

void *ou_mem_realloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        ou_err_nomemory();
        return NULL;
    }
    return q;
}

void ou_mem_free(void *p) { free(p); }

void *ou_obj_alloc(OuType *type, size_t size) {
    OuObject *o;
    if (type->flags & OU_TPFLAG_GC) {
        GcHead *h = calloc(1, sizeof(GcHead) + size);
        if (!h) {
            ou_err_nomemory();
            return NULL;
        }
        list_append(&tracked, h);
        ntracked++;
        o = GC_OBJ(h);
        o->gcflags = OU_GCF_TRACKED;
        if (++allocs_since_collect >= threshold || OU_GC_STRESS) gc_pending = 1;
    } else {
        o = calloc(1, size);
        if (!o) {
            ou_err_nomemory();
            return NULL;
        }
    }
    bytes_in_use += (int64_t)size;
    o->rc = 1;
    o->type = type;
    if (type->flags & OU_TPFLAG_HEAPTYPE) type->ob.rc++;
    return o;
}

void ou_obj_free(OuObject *o) {
    OuType *t = o->type;
    bytes_in_use -= t->basicsize; /* an estimate for variable-size objects; stats only */
    if (o->gcflags & OU_GCF_TRACKED) {
        GcHead *h = GC_HEAD(o);
        list_remove(h);
        ntracked--;
        free(h);
    } else if (t->flags & OU_TPFLAG_GC) {
        free(GC_HEAD(o)); /* untracked container: still has its header */
    } else {
        free(o);
    }
}

int64_t gc_bytes_in_use(void) { return bytes_in_use; }
int64_t gc_tracked_count(void) { return ntracked; }

/* ---- the collector ---- */

typedef struct {
    OuObject **items;
    int64_t n, cap;
} ObjVec;

static bool vec_push(ObjVec *v, OuObject *o) {
    if (v->n == v->cap) {
        int64_t cap = v->cap ? v->cap * 2 : 256;
        OuObject **p = realloc(v->items, (size_t)cap * sizeof *p);
        if (!p) return false;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->n++] = o;
    return true;
}

static int visit_decref(OuObject *child, void *arg) {
    (void)arg;
    if ((child->gcflags & OU_GCF_TRACKED) && (child->gcflags & GCF_CANDIDATE))
        GC_HEAD(child)->refs--;
    return 0;
}

static int visit_mark(OuObject *child, void *arg) {
    ObjVec *stack = arg;
    if ((child->gcflags & OU_GCF_TRACKED) && (child->gcflags & GCF_CANDIDATE) &&
        !(child->gcflags & GCF_REACHABLE)) {
        child->gcflags |= GCF_REACHABLE;
        if (!vec_push(stack, child)) return -1;
    }
    return 0;
}

/* Steps 1-3 over the objects in `set` (each flagged GCF_CANDIDATE). `extra` is subtracted from
 * every count (the collector's own references in step 5). Objects that turn out reachable get
 * GCF_REACHABLE. Returns -1 if memory for the mark stack ran out (then everything is treated
 * as reachable, which is safe). */
static int find_reachable(OuObject **set, int64_t n, int extra) {
    for (int64_t i = 0; i < n; i++) GC_HEAD(set[i])->refs = (int64_t)set[i]->rc - extra;
    for (int64_t i = 0; i < n; i++) {
        OuObject *o = set[i];
        if (o->type->traverse) o->type->traverse(o, visit_decref, NULL);
    }
    ObjVec stack = {0};
    int rc = 0;
    for (int64_t i = 0; i < n && rc == 0; i++) {
        OuObject *o = set[i];
        if (GC_HEAD(o)->refs > 0 && !(o->gcflags & GCF_REACHABLE)) {
            o->gcflags |= GCF_REACHABLE;
            if (!vec_push(&stack, o)) rc = -1;
        }
        while (rc == 0 && stack.n > 0) {
            OuObject *p = stack.items[--stack.n];
            if (p->type->traverse && p->type->traverse(p, visit_mark, &stack) < 0) rc = -1;
        }
    }
    free(stack.items);
    if (rc < 0)
        for (int64_t i = 0; i < n; i++) set[i]->gcflags |= GCF_REACHABLE;
    return rc;
}

static Value del_name;

int64_t gc_collect(int generation) {
    (void)generation;
    if (gc_collecting) return 0;
    gc_collecting = true;
    gc_pending = 0;
    allocs_since_collect = 0;

    /* Snapshot the tracked list: objects allocated by finalizers are not candidates. */
    ObjVec all = {0};
    for (GcHead *h = tracked.next; h != &tracked; h = h->next) {
        OuObject *o = GC_OBJ(h);
        if (!vec_push(&all, o)) goto oom;
        o->gcflags |= GCF_CANDIDATE;
    }
    find_reachable(all.items, all.n, 0);

    ObjVec dead = {0};
    for (int64_t i = 0; i < all.n; i++) {
        OuObject *o = all.items[i];
        if (!(o->gcflags & GCF_REACHABLE)) {
            if (!vec_push(&dead, o)) {
                for (int64_t j = 0; j < all.n; j++)
                    all.items[j]->gcflags &= (uint16_t) ~(GCF_CANDIDATE | GCF_REACHABLE);
                free(dead.items);
                goto oom;
            }
        }
    }
    for (int64_t i = 0; i < all.n; i++)
        all.items[i]->gcflags &= (uint16_t) ~(GCF_CANDIDATE | GCF_REACHABLE);
    free(all.items);
    int64_t found = dead.n;

    /* Step 4: hold every candidate, then run finalizers. */
    for (int64_t i = 0; i < dead.n; i++) dead.items[i]->rc++;
    if (!del_name) del_name = ou_str_intern("__del__");
    bool ran_finalizer = false;
    for (int64_t i = 0; i < dead.n; i++) {
        OuObject *o = dead.items[i];
        if (o->gcflags & OU_GCF_FINALIZED) continue;
        if (!(o->type->flags & OU_TPFLAG_HEAPTYPE)) continue;
        Value del = ou_type_lookup(o->type, del_name);
        if (IS_UNDEF(del)) continue;
        o->gcflags |= OU_GCF_FINALIZED;
        ran_finalizer = true;
        Value saved = ou_err_fetch();
        Value r = ou_call1(del, MK_OBJ(o));
        if (IS_ERR(r))
            ou_err_write_unraisable(del);
        else
            ou_decref(r);
        if (!IS_UNDEF(saved)) ou_err_restore(saved);
    }

    /* Step 5: anything a finalizer resurrected survives, with all it reaches. */
    if (ran_finalizer) {
        for (int64_t i = 0; i < dead.n; i++) dead.items[i]->gcflags |= GCF_CANDIDATE;
        find_reachable(dead.items, dead.n, 1);
        int64_t k = 0;
        for (int64_t i = 0; i < dead.n; i++) {
            OuObject *o = dead.items[i];
            bool alive = o->gcflags & GCF_REACHABLE;
            o->gcflags &= (uint16_t) ~(GCF_CANDIDATE | GCF_REACHABLE);
            if (alive) {
                Value v = MK_OBJ(o);
                ou_decref(v); /* our hold; the object stays alive by its outside references */
            } else {
                dead.items[k++] = o;
            }
        }
        dead.n = k;
    }

    /* Step 6: break the cycles, then let reference counting free them. */
    for (int64_t i = 0; i < dead.n; i++) {
        OuObject *o = dead.items[i];
        if (o->type->clear) o->type->clear(o);
    }
    for (int64_t i = 0; i < dead.n; i++) ou_decref(MK_OBJ(dead.items[i]));
    free(dead.items);

    /* Keep collection cost linear: the next collection waits for the heap to grow by a
     * quarter, and at least 700 allocations. */
    threshold = ntracked / 4 > 700 ? ntracked / 4 : 700;
    gc_collecting = false;
    return found;

oom:
    free(all.items);
    gc_collecting = false;
    return 0;
}

void gc_finalize_all(void) {
    gc_collect(2);
    /* What is left is referenced from outside the tracked heap (e.g. by leaked C references)
     * or was resurrected; clear everything so that reference counts drop to zero. */
    for (int round = 0; round < 4 && ntracked > 0; round++) {
        ObjVec all = {0};
        for (GcHead *h = tracked.next; h != &tracked; h = h->next) {
            OuObject *o = GC_OBJ(h);
            if (o->gcflags & OU_GCF_IMMORTAL) continue;
            if (!vec_push(&all, o)) break;
            o->rc++;
        }
        for (int64_t i = 0; i < all.n; i++) {
            OuObject *o = all.items[i];
            o->gcflags |= OU_GCF_FINALIZED; /* no __del__ during teardown clearing */
            if (o->type->clear) o->type->clear(o);
        }
        for (int64_t i = 0; i < all.n; i++) ou_decref(MK_OBJ(all.items[i]));
        free(all.items);
        gc_collect(2);
    }
}
