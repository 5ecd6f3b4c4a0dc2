/* gc.c: allocation of objects and the generational cycle collector.
 *
 * Reference counting frees almost everything; the collector exists only for garbage cycles,
 * which reference counts can never bring to zero. Its design is CPython's (gcmodule.c).
 *
 * Tracked objects and generations
 * - Every object whose type has OU_TPFLAG_GC is allocated with a GcHead in front of it and
 *   keeps that header for life. A tracked object (OU_GCF_TRACKED) is linked into exactly one
 *   of the lists gens[0..2] (young to old), `scanned` (generation 2 too, see "Incremental
 *   passes") or `permanent` (gc.freeze()); the GCF_GEN bits of its gcflags name the
 *   generation. An untracked container (a tuple of atoms after a collection,
 *   gc_untrack) is in no list, and the collector never sees it.
 * - A new object enters gens[0]. A collection of generation g merges gens[0..g] and moves the
 *   survivors to gens[g+1] (they stay in gens[2] for g == 2).
 * - gens[0].count = tracked allocations minus frees since gen0's last collection;
 *   gens[i].count (i > 0) = collections of gens[i-1] since gens[i]'s last collection. A
 *   collection of generation i is due when gens[i].count > gens[i].threshold (700/10/10), and
 *   for the oldest one only if long_lived_pending > long_lived_total / 4 (objects that reached
 *   gens[2] since the last full collection, against its survivors): building a large structure
 *   then costs amortized linear time, not quadratic.
 * - A collection starts only at a safe point of the interpreter (gc_maybe_collect), from
 *   gc.collect(), or at exit, never inside an allocation: C code is not interrupted while it
 *   builds an object. Memory is zero-filled, and a zero Value (the double 0.0) is ignored by
 *   every traverse slot, so a tracked object is traversable from the moment it is allocated.
 *
 * GcHead.refs, during a collection of the list `young` (all generations <= g merged):
 *   update_refs     refs = rc for every object of young, which gets GCF_COLLECTING. An
 *                   object with rc == 0 is being deallocated (its dealloc ran Python code, or
 *                   it waits in vm/object.c's trashcan): it is left out, neither traversed nor
 *                   flagged, since its children may already be freed.
 *   subtract_refs   for every reference from one COLLECTING object to another, the target's
 *                   refs--. What remains counts references from outside young: the VM stack,
 *                   C locals and globals, and objects of older generations (which is what
 *                   makes a young collection cost O(young), not O(heap)).
 *   move_unreachable refs > 0: a root, alive. refs == 0: tentatively unreachable, moved to
 *                   the `unreachable` list with GCF_TENTATIVE. Scanning young in order, each
 *                   alive object loses GCF_COLLECTING and its COLLECTING children become
 *                   alive (refs = 1; a tentative one moves back to young's tail, so the scan
 *                   reaches it). No recursion and no memory beyond the list links: the depth
 *                   of a structure never touches the C stack.
 * After that, `unreachable` holds exactly the garbage: cycles and what only they reach.
 *
 * The 16-byte header: GcHead.refs shares its word with GcHead.prev (CPython's trick).
 * - Outside the three phases above every tracked object's `next` and `prev` are valid links.
 * - From update_refs until move_unreachable's cursor reaches it, an object of `young` with
 *   GCF_COLLECTING holds refs in that word, not a link: young is walked through `next` only,
 *   and nothing may unlink (list_remove, gc_untrack, ou_obj_free) or observe the backward
 *   links of those objects, which holds because no Python code and no deallocation runs
 *   between the phases. The list sentinels never hold refs, so young->prev stays the tail.
 * - move_unreachable rebuilds `prev` behind its cursor; objects it moves to `unreachable`
 *   are appended with valid links (they are unlinked again when found alive), so when it
 *   returns both lists are ordinary doubly linked lists again.
 * - The resurrection check (step 4 below) and the GC-stress collection use the same phases on
 *   a list of their own, with the same guarantees.
 *
 * Finalization, PEP 442 order (as CPython's gc_collect_main):
 *   1. The collector holds a reference to every unreachable object (rc++), so nothing in the
 *      set is freed before step 5, whatever Python code runs, and flags it OU_GCF_UNREACHABLE.
 *   2. ou_weakref_gc_clear: every weak reference to the set is cleared, then the callbacks of
 *      those that are not themselves garbage run (vm/weakref.c).
 *   3. __del__ runs on each object that has one and was not finalized before
 *      (OU_GCF_FINALIZED: at most once in an object's life), in the set's order.
 *   4. Resurrection check: trial deletion again over the set alone, with rc - 1 (our hold) as
 *      the start: whatever Python code in 2-3 made reachable again, and all it reaches,
 *      survives intact and moves to the older generation.
 *   5. The rest is cleared (type->clear breaks the cycles) or, under DEBUG_SAVEALL, appended
 *      to gc.garbage; it moves to the older generation too, so that nothing is ever left on a
 *      local list, and the holds are dropped: reference counting frees it.
 * Dirty objects (automatic collections only)
 * A garbage cycle becomes garbage when its last reference from outside is dropped, and that
 * drop decrements a member's count to a nonzero value (the cycle's own references remain).
 * ou_decref marks every object so decremented OU_GCF_DIRTY. Take any garbage set G: the
 * strongly connected parts of G that nothing else in G refers to are cycles, each made garbage
 * by such a decrement after which nothing touched it, so each holds a DIRTY member, and all of
 * G is reachable from those members. Hence a collection may start from the DIRTY objects and
 * what they reach instead of from everything (Bacon and Rajan's candidate roots), as long as
 * no bit is cleared while the garbage it stands for might not have been examined whole:
 * - Young generations: an automatic collection of generation g takes as candidates the DIRTY
 *   objects of gens[0..g] and, breadth first, every object of those generations they reach
 *   (compute_refs_dirty); the rest of young is promoted unexamined. Young collections never
 *   clear DIRTY (a candidate may survive only through an older member of its cycle), so a
 *   DIRTY object stays DIRTY into the old generation. Building a large structure, whose
 *   objects are never decremented, then costs one walk of young per collection (promote_clean),
 *   not trial deletion. When most of young is dirty (short-lived cycles), all of it is taken as before.
 * - Old generation: a DIRTY old object lives on the list dirty2; a clean one is WATCHED in
 *   gens[2] (or `scanned`), and its first decrement to nonzero moves it to dirty2
 *   (ou_gc_dirtied: one flag test in ou_decref, a call once per object and pass). Increments
 *   (below) start from dirty2 and pull what it reaches, young objects included; old survivors
 *   are clean and WATCHED again. Only when an increment could not take everything its seeds
 *   reach (the budget, or a container with more than INC_FANOUT children) may garbage have
 *   been missed: `incomplete` makes the next pass a full one, over every old object, as
 *   before dirty objects existed.
 * - gc.collect() and automatic collections of the whole heap on a small heap are atomic over
 *   all objects, as CPython's; their survivors are clean.
 *
 * Incremental passes over the old generation (automatic collections only)
 * A full collection of 2,000,000 objects stops the program for ~0.3-1 s. So, when the old
 * generation is due (it grew by the ration above, or many of its objects became dirty) and
 * holds at least 4 * INC_BUDGET objects, the automatic collector does it as a *pass* of
 * increments instead of one atomic collection:
 * - During a pass, `scanned` holds the old objects examined in this pass (GCF_PASS ==
 *   pass_mark, flipped when a pass ends, so ending one costs O(1)), gens[2] the clean ones not
 *   examined, dirty2 the dirty ones. Every automatic collection of generation 0 becomes an
 *   increment: its candidates are gens[0] plus seeds from pass_seeds (what dirty2 held when
 *   the pass began; later dirty objects wait for the next pass, so that a pass ends) and, in
 *   a full pass, then the unscanned old objects, the oldest first; grown breadth first by
 *   every object of generations 1 and 2 they reach, INC_BUDGET of them at least (twice what
 *   gen1 collections
 *   promoted since the previous increment, so that a full pass outruns promotion). An object
 *   with more than INC_FANOUT children (a huge list) leaves the increment unexamined and
 *   counts as alive, so an increment's cost is bounded whatever the heap holds. Young
 *   survivors go to gens[1] as in any gen0 collection, old ones to `scanned`; the rest is
 *   garbage, finalized in PEP 442 order as below. When no seed is left the pass is complete
 *   (it counts as one collection of generation 2) and `scanned` becomes gens[2].
 * - Soundness: trial deletion is sound on ANY subset S of the tracked objects, as long as no
 *   Python code runs between update_refs and move_unreachable (it never does). A reference
 *   from outside S (a root, an object of another list) keeps its target's refs above zero, so
 *   an object of S is declared garbage only if every reference to it comes from S and no
 *   object of S with an outside reference reaches it: then nothing outside S can ever reach it
 *   again. Which subset is taken only decides what is found, never what is freed wrongly; the
 *   PEP 442 steps and the resurrection check work on the increment's unreachable set exactly
 *   as on a full collection's.
 * - Completeness: garbage is found when all of it falls inside one increment, which the
 *   breadth-first growth from its dirty members ensures unless the increment was cut short
 *   (then the next pass is full). In a full pass, cycles larger than a batch, or split across
 *   increments, are not found: when a full pass finds less garbage than 1/8 of the promotions
 *   that started it, the next due collection is atomic if the old generation has grown 4x
 *   since the last atomic one. A fruitless full pass or atomic collection also doubles
 *   `backoff` (at most INC_BACKOFF_MAX), the factor of the ration; a fruitful one resets it.
 * - gc.collect(), whatever the generation, is atomic with the semantics above: a full one
 *   first ends a running pass (pass_abort), as does gc.freeze().
 *
 * A collection never re-enters itself: gc.collect() from a finalizer or callback returns 0.
 * Objects allocated by finalizers go to gens[0] and are not part of the running collection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#if defined(__GLIBC__) && OU_GC_STRESS
#include <malloc.h>
#endif

#include "alloc.h"
#include "gc.h"
#include "vm.h"

/* Private gcflags bits (ouro.h leaves 0x8 and 0x10 to the collector, and 0x180 and 0x200). */
#define GCF_COLLECTING 0x8 /* in the generation being collected, not yet proven alive */
#define GCF_TENTATIVE 0x10 /* on the tentatively unreachable list */
#define GCF_GEN_SHIFT 7
#define GCF_GEN_MASK (3u << GCF_GEN_SHIFT) /* 0..2: gens[i]; 3: permanent */
#define GCF_PASS 0x200 /* an old object: equal to pass_mark once scanned in the current pass */

/* Incremental passes over the old generation (see the header comment). */
#define INC_BUDGET 8192   /* old objects an increment takes at least */
#define INC_FANOUT 4096   /* an old object with more children never joins an increment */
#define INC_BACKOFF_MAX 2 /* fruitless passes wait for at most 50% growth (2 * 1/4) */

typedef struct {
    GcHead head; /* list sentinel */
    int64_t threshold;
    int64_t count;
} GcGen;

#define GEN_INIT(i, th) {{&gens[i].head, {&gens[i].head}}, th, 0}
static GcGen gens[GC_NGENS] = {GEN_INIT(0, 700), GEN_INIT(1, 10), GEN_INIT(2, 10)};
static GcHead permanent = {&permanent, {&permanent}};
static GcGenStats stats[GC_NGENS];
static int64_t long_lived_total, long_lived_pending;
/* The incremental pass: `scanned` holds the old objects (generation 2) already scanned in the
 * current pass, gens[2] those still to scan. pass_mark is the GCF_PASS value of scanned ones. */
static GcHead scanned = {&scanned, {&scanned}};
/* The old objects that are DIRTY (see "Dirty objects"); the clean ones are WATCHED in gens[2]
 * or `scanned`. dirty_added counts arrivals (dirtied or promoted dirty) since the last pass
 * began, frees not deducted. */
static GcHead dirty2 = {&dirty2, {&dirty2}};
/* The seeds of the running pass: dirty2 as it was when the pass began. Objects that become
 * dirty during a pass wait on dirty2 for the next one, so that a pass ends even while the
 * program keeps dirtying old objects (every call dirties its function again). */
static GcHead pass_seeds = {&pass_seeds, {&pass_seeds}};
static int64_t dirty_added;
/* pass_full: the pass scans every old object, not only the dirty ones and what they reach;
 * incomplete: some increment could not examine everything its dirty seeds reach (budget, a
 * huge container), so garbage may have been missed: the next pass is a full one. */
static bool pass_full, incomplete;
static bool pass_active, next_atomic, in_auto, in_increment;
static uint16_t pass_mark;
static int64_t pass_pending, pass_survivors, pass_old_garbage, inc_promoted;
static int64_t backoff = 1, atomic_total;
static int64_t ntracked;
static GcPauseStats pauses;
#if OU_GC_STRESS
static int64_t stress_tick;
static bool stress_full;
#endif
/* Garbage freed by invisible stress collections, reported by the next real collection. */
static int64_t stress_collected;
static gc_observer_fn observer;
static void *observer_ctx;
static Value del_name;

bool gc_collecting;
bool gc_enabled = true;
volatile int gc_pending;
int gc_debug;
Value gc_callbacks = OU_UNDEF, gc_garbage = OU_UNDEF;

/* ---- intrusive lists ---- */

static void list_init(GcHead *l) { l->next = l->prev = l; }
static bool list_empty(const GcHead *l) { return l->next == l; }

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

static void list_move(GcHead *h, GcHead *to) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
    list_append(to, h);
}

/* Append all of `from` to `to`, leaving `from` empty. */
static void list_merge(GcHead *from, GcHead *to) {
    if (list_empty(from)) return;
    GcHead *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    list_init(from);
}

static int64_t list_size(const GcHead *l) {
    int64_t n = 0;
    for (const GcHead *h = l->next; h != l; h = h->next) n++;
    return n;
}

/* An object entering generation 2 is marked not yet scanned by the current pass, except the
 * survivors of an increment (in_increment), which go to `scanned`. */
static void set_gen(OuObject *o, unsigned gen) {
    unsigned f = (o->gcflags & ~(GCF_GEN_MASK | GCF_PASS | OU_GCF_WATCHED)) | (gen << GCF_GEN_SHIFT);
    if (gen == 2) f |= in_increment ? pass_mark : (pass_mark ^ GCF_PASS);
    o->gcflags = (uint16_t)f;
}

static void list_set_gen(GcHead *l, unsigned gen) {
    for (GcHead *h = l->next; h != l; h = h->next) set_gen(GC_OBJ(h), gen);
}

/* Appends h, an object with generation bits 2, where the dirty invariant wants it: on dirty2
 * when it is DIRTY, else WATCHED on `to` (gens[2] or scanned). */
static void old_place(GcHead *h, GcHead *to) {
    OuObject *o = GC_OBJ(h);
    if (o->gcflags & OU_GCF_DIRTY) {
        o->gcflags &= (uint16_t)~OU_GCF_WATCHED;
        list_append(&dirty2, h);
        dirty_added++;
    } else {
        o->gcflags |= OU_GCF_WATCHED;
        list_append(to, h);
    }
}

/* Moves every object of `from` into generation `gen`, appending to `to` (for generation 2,
 * DIRTY objects go to dirty2 instead); `from` is left empty. With `dirty`, the objects become
 * DIRTY first: survivors of a finalization, which must be examined again. */
static void list_settle(GcHead *from, GcHead *to, unsigned gen, bool dirty) {
    if (gen < 2) {
        list_set_gen(from, gen);
        list_merge(from, to);
        return;
    }
    for (GcHead *h = from->next, *next; h != from; h = next) {
        next = h->next;
        set_gen(GC_OBJ(h), 2);
        if (dirty) GC_OBJ(h)->gcflags |= OU_GCF_DIRTY;
        old_place(h, to);
    }
    list_init(from);
}

/* ou_decref found a WATCHED object decremented to nonzero: it is a candidate now. Never
 * called during the phases of a collection (they drop no reference). */
void ou_gc_dirtied(OuObject *o) {
    o->gcflags &= (uint16_t)~OU_GCF_WATCHED;
    if (!(o->gcflags & OU_GCF_TRACKED)) return;
    list_move(GC_HEAD(o), &dirty2);
    dirty_added++;
}

/* ---- allocation (the blocks come from gc/alloc.c) ---- */

static inline void note_allocation(void) {
    GcGen *g0 = &gens[0];
    if (++g0->count > g0->threshold && g0->threshold > 0) gc_pending = 1;
#if OU_GC_STRESS
    /* Stress: every OU_GC_STRESS-th tracked allocation makes a (script-invisible) full
     * collection due at the next safe point; on a large heap only every (heap / 64)-th, so
     * that building a big structure stays linear (64 visits per allocation) under stress. */
    if (++stress_tick >= OU_GC_STRESS && stress_tick >= ntracked / 64) {
        stress_tick = 0;
        stress_full = true;
        gc_pending = 1;
    }
#endif
}

void *ou_obj_alloc(OuType *type, size_t size) {
    OuObject *o;
    if (type->flags & OU_TPFLAG_GC) {
        GcHead *h = gc_alloc_fast(sizeof(GcHead) + size);
        if (!h) {
            ou_err_nomemory();
            return NULL;
        }
        list_append(&gens[0].head, h);
        ntracked++;
        o = GC_OBJ(h);
        o->gcflags = OU_GCF_TRACKED; /* generation bits 0 */
        note_allocation();
    } else {
        o = gc_alloc_fast(size);
        if (!o) {
            ou_err_nomemory();
            return NULL;
        }
    }
    o->rc = 1;
    o->type = type;
    if (type->flags & OU_TPFLAG_HEAPTYPE) type->ob.rc++;
    if (gc_memstats) gc_memstats_note(type, (type->flags & OU_TPFLAG_GC) ? (void *)GC_HEAD(o) : o, 1);
    return o;
}

void ou_obj_free(OuObject *o) {
    OuType *t = o->type;
    void *block = (t->flags & OU_TPFLAG_GC) ? (void *)GC_HEAD(o) : o;
    if (gc_memstats) gc_memstats_note(t, block, -1);
    if (o->gcflags & OU_GCF_TRACKED) {
        list_remove(GC_HEAD(o));
        ntracked--;
        if (gens[0].count > 0) gens[0].count--;
    }
    gc_free_fast(block); /* an untracked container still has its header */
}

void gc_track(OuObject *o) {
    if ((o->gcflags & OU_GCF_TRACKED) || !(o->type->flags & OU_TPFLAG_GC)) return;
    list_append(&gens[0].head, GC_HEAD(o));
    o->gcflags = (uint16_t)((o->gcflags & ~(GCF_GEN_MASK | OU_GCF_WATCHED)) | OU_GCF_TRACKED);
    ntracked++;
}

void gc_untrack(OuObject *o) {
    if (!(o->gcflags & OU_GCF_TRACKED)) return;
    list_remove(GC_HEAD(o));
    o->gcflags &= (uint16_t) ~(OU_GCF_TRACKED | GCF_COLLECTING | GCF_TENTATIVE | OU_GCF_WATCHED);
    ntracked--;
}

bool gc_may_be_tracked(Value v) {
    if (!IS_OBJ(v)) return false;
    OuObject *o = AS_OBJ(v);
    if (!(o->type->flags & OU_TPFLAG_GC)) return false;
    return o->type != &ou_tuple_type || (o->gcflags & OU_GCF_TRACKED);
}

/* An exact tuple whose items can never be part of a cycle need not be tracked: it is
 * immutable, so that stays true (CPython's _PyTuple_MaybeUntrack). */
static bool tuple_untrackable(OuObject *o) {
    if (o->type != &ou_tuple_type) return false;
    OuTuple *t = (OuTuple *)o;
    for (int64_t i = 0; i < t->len; i++)
        if (gc_may_be_tracked(t->items[i])) return false;
    return true;
}

/* ---- the gc module's view ---- */

int64_t gc_tracked_count(void) { return ntracked; }

void gc_get_counts(int64_t out[GC_NGENS]) {
    for (int i = 0; i < GC_NGENS; i++) out[i] = gens[i].count;
}

void gc_get_thresholds(int64_t out[GC_NGENS]) {
    for (int i = 0; i < GC_NGENS; i++) out[i] = gens[i].threshold;
}

void gc_set_thresholds(const int64_t th[GC_NGENS]) {
    for (int i = 0; i < GC_NGENS; i++) gens[i].threshold = th[i];
}

void gc_get_stats(GcGenStats out[GC_NGENS]) {
    for (int i = 0; i < GC_NGENS; i++) out[i] = stats[i];
}

/* Ends the incremental pass early (gc.collect(), gc.freeze()): what it scanned is old again. */
static void pass_abort(void) {
    if (!pass_active) return;
    list_merge(&scanned, &gens[2].head);
    list_merge(&pass_seeds, &dirty2);
    pass_active = false;
}

void gc_freeze(void) {
    pass_abort();
    list_merge(&dirty2, &gens[2].head);
    for (int i = 0; i < GC_NGENS; i++) {
        list_set_gen(&gens[i].head, 3);
        list_merge(&gens[i].head, &permanent);
    }
    gens[0].count = 0;
}

void gc_unfreeze(void) {
    list_settle(&permanent, &gens[GC_NGENS - 1].head, GC_NGENS - 1, false);
}

int64_t gc_freeze_count(void) { return list_size(&permanent); }

int gc_foreach_gen(int generation, gc_each_fn fn, void *ctx) {
    for (int i = 0; i < GC_NGENS; i++) {
        if (generation >= 0 && i != generation) continue;
        for (GcHead *h = gens[i].head.next; h != &gens[i].head; h = h->next) {
            int r = fn(GC_OBJ(h), ctx);
            if (r) return r;
        }
        if (i == 2) {
            for (GcHead *h = scanned.next; h != &scanned; h = h->next) {
                int r = fn(GC_OBJ(h), ctx);
                if (r) return r;
            }
            for (GcHead *h = pass_seeds.next; h != &pass_seeds; h = h->next) {
                int r = fn(GC_OBJ(h), ctx);
                if (r) return r;
            }
            for (GcHead *h = dirty2.next; h != &dirty2; h = h->next) {
                int r = fn(GC_OBJ(h), ctx);
                if (r) return r;
            }
        }
    }
    return 0;
}

void gc_foreach(void (*fn)(OuObject *, void *), void *ctx) {
    for (GcHead *h = permanent.next; h != &permanent; h = h->next) fn(GC_OBJ(h), ctx);
    for (GcHead *h = scanned.next; h != &scanned; h = h->next) fn(GC_OBJ(h), ctx);
    for (GcHead *h = pass_seeds.next; h != &pass_seeds; h = h->next) fn(GC_OBJ(h), ctx);
    for (GcHead *h = dirty2.next; h != &dirty2; h = h->next) fn(GC_OBJ(h), ctx);
    for (int i = GC_NGENS - 1; i >= 0; i--)
        for (GcHead *h = gens[i].head.next; h != &gens[i].head; h = h->next) fn(GC_OBJ(h), ctx);
}

int gc_generation_of(const OuObject *o) {
    if (!(o->gcflags & OU_GCF_TRACKED)) return -1;
    return (int)((o->gcflags & GCF_GEN_MASK) >> GCF_GEN_SHIFT);
}

void gc_set_observer(gc_observer_fn fn, void *ctx) {
    observer = fn;
    observer_ctx = ctx;
}

/* ---- the collector ---- */

typedef struct {
    OuObject **items;
    int64_t n, cap;
} ObjVec;

static bool vec_push(ObjVec *v, OuObject *o) {
    if (v->n == v->cap) {
        int64_t cap = v->cap ? v->cap * 2 : 64;
        OuObject **p = realloc(v->items, (size_t)cap * sizeof *p);
        if (!p) return false;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->n++] = o;
    return true;
}

static inline int traverse(OuObject *o, ou_visitfn visit, void *arg) {
    return o->type->traverse ? o->type->traverse(o, visit, arg) : 0;
}

static int visit_decref(OuObject *child, void *arg) {
    (void)arg;
    if (child->gcflags & GCF_COLLECTING) GC_HEAD(child)->refs--;
    return 0;
}

/* Called on the children of an object known to be alive: they are alive too. A COLLECTING
 * child that is not TENTATIVE is still ahead of move_unreachable's cursor, so its `prev` holds
 * refs. A TENTATIVE one leaves `unreachable` (whose links are all valid) for young's tail, ahead
 * of the cursor again: only young->prev and the last object's `next` are needed for that. */
static int visit_reachable(OuObject *child, void *arg) {
    if (!(child->gcflags & GCF_COLLECTING)) return 0;
    GcHead *h = GC_HEAD(child);
    if (child->gcflags & GCF_TENTATIVE) {
        GcHead *young = arg, *last = young->prev;
        child->gcflags &= (uint16_t)~GCF_TENTATIVE;
        list_remove(h);
        last->next = h;
        h->next = young;
        young->prev = h;
        h->refs = 1;
    } else if (h->refs <= 0) {
        h->refs = 1;
    }
    return 0;
}

/* update_refs + subtract_refs over `young`, subtracting `hold` from every count (the
 * collector's own references in the resurrection check). */
static void compute_refs(GcHead *young, uint32_t hold) {
    for (GcHead *h = young->next; h != young; h = h->next) {
        OuObject *o = GC_OBJ(h);
        if (o->rc == 0) {
            /* Being deallocated (see the header comment): not a candidate. */
            o->gcflags &= (uint16_t) ~(GCF_COLLECTING | GCF_TENTATIVE);
            continue;
        }
        h->refs = (int64_t)(o->rc - hold);
        o->gcflags |= GCF_COLLECTING;
    }
    for (GcHead *h = young->next; h != young; h = h->next) {
        OuObject *o = GC_OBJ(h);
        if (o->gcflags & GCF_COLLECTING) traverse(o, visit_decref, NULL);
    }
}

/* What move_unreachable does with survivors that enter generation 2 (see "Dirty objects"). */
enum { OLD_NONE, OLD_SPLIT, OLD_CLEAN };

/* The candidates of an automatic collection of a young generation (see "Dirty objects"): the
 * DIRTY objects of `young` and every object of generations <= maxgen they reach, gathered in
 * `cands` and marked GCF_COLLECTING, with refs computed as compute_refs does. They stay in
 * place on young, so that the list keeps its order. Returns false when memory ran out: then
 * nothing is marked and the caller takes all of young. */
static ObjVec cands;

static int visit_select(OuObject *child, void *arg) {
    unsigned maxgen = *(const unsigned *)arg;
    unsigned f = child->gcflags;
    if ((f & (OU_GCF_TRACKED | GCF_COLLECTING)) != OU_GCF_TRACKED ||
        ((f & GCF_GEN_MASK) >> GCF_GEN_SHIFT) > maxgen || child->rc == 0)
        return 0;
    if (!vec_push(&cands, child)) return 1;
    child->gcflags |= GCF_COLLECTING;
    return 0;
}

/* The share of dirty objects the last automatic collection of each young generation saw: when
 * most are dirty, gathering the candidates costs more than taking all of young (a program
 * that makes short-lived cycles), so compute_refs_dirty declines until the share falls. */
static int64_t young_dirty[2], young_total[2];

static bool compute_refs_dirty(GcHead *young, unsigned maxgen) {
    if (young_dirty[maxgen] * 2 > young_total[maxgen]) {
        int64_t total = 0, dirty = 0;
        for (GcHead *h = young->next; h != young; h = h->next) {
            total++;
            dirty += (GC_OBJ(h)->gcflags & OU_GCF_DIRTY) != 0;
        }
        young_dirty[maxgen] = dirty;
        young_total[maxgen] = total;
        return false;
    }
    int64_t total = 0;
    cands.n = 0;
    for (GcHead *h = young->next; h != young; h = h->next) {
        OuObject *o = GC_OBJ(h);
        total++;
        if (!(o->gcflags & OU_GCF_DIRTY) || o->rc == 0) continue;
        if (!vec_push(&cands, o)) goto fail;
        o->gcflags |= GCF_COLLECTING;
    }
    young_dirty[maxgen] = cands.n;
    young_total[maxgen] = total;
    /* Breadth first: cands grows while it is scanned (items re-read after each traverse). */
    for (int64_t i = 0; i < cands.n; i++)
        if (traverse(cands.items[i], visit_select, &maxgen)) goto fail;
    for (int64_t i = 0; i < cands.n; i++) GC_HEAD(cands.items[i])->refs = (int64_t)cands.items[i]->rc;
    for (int64_t i = 0; i < cands.n; i++) traverse(cands.items[i], visit_decref, NULL);
    return true;
fail:
    for (int64_t i = 0; i < cands.n; i++) cands.items[i]->gcflags &= (uint16_t)~GCF_COLLECTING;
    return false;
}

/* Splits `young` into what is alive (stays in young, GCF_COLLECTING cleared) and the garbage
 * (moved to `unreachable`, flags cleared). Objects without GCF_COLLECTING (being deallocated,
 * or not candidates of a collection started from dirty objects) are alive. With newgen >= 0,
 * the alive objects also get that generation, and tuples of atoms are untracked on the way;
 * entering generation 2, OLD_SPLIT sends the DIRTY ones to dirty2 and makes the others
 * WATCHED, OLD_CLEAN makes them all clean and WATCHED (an atomic full collection examined them
 * all). Returns the number of objects that stayed alive.
 * young is walked forward through `next` only, since the `prev` of the objects ahead of the
 * cursor hold refs; behind the cursor the backward links are rebuilt (`kept` is the last object
 * kept). young->prev stays the true tail for visit_reachable's appends: the tail is only ever
 * removed when it is the cursor with nothing appended after it, and then the walk ends. */
static int64_t move_unreachable(GcHead *young, GcHead *unreachable, int newgen, int oldmode) {
    int64_t alive = 0;
    GcHead *kept = young;
    for (GcHead *h = young->next; h != young; h = kept->next) {
        OuObject *o = GC_OBJ(h);
        if (o->gcflags & GCF_COLLECTING) {
            if (h->refs <= 0) {
                kept->next = h->next;
                list_append(unreachable, h);
                o->gcflags |= GCF_TENTATIVE;
                continue;
            }
            o->gcflags &= (uint16_t)~GCF_COLLECTING;
            traverse(o, visit_reachable, young); /* may append to young: h->next read after */
        } else if (o->rc == 0) {
            /* being deallocated: kept as it is */
            h->prev = kept;
            kept = h;
            alive++;
            continue;
        }
        if (newgen >= 0) {
            if (o->type == &ou_tuple_type && tuple_untrackable(o)) {
                kept->next = h->next;
                h->next = h->prev = NULL;
                o->gcflags &= (uint16_t)~OU_GCF_TRACKED;
                ntracked--;
                continue;
            }
            set_gen(o, (unsigned)newgen);
            if (oldmode == OLD_CLEAN) {
                o->gcflags = (uint16_t)((o->gcflags & ~OU_GCF_DIRTY) | OU_GCF_WATCHED);
            } else if (oldmode == OLD_SPLIT) {
                if (o->gcflags & OU_GCF_DIRTY) {
                    kept->next = h->next;
                    list_append(&dirty2, h);
                    dirty_added++;
                    alive++;
                    continue;
                }
                o->gcflags |= OU_GCF_WATCHED;
            }
        }
        h->prev = kept;
        kept = h;
        alive++;
    }
    young->prev = kept;
    /* Off the generation lists, the garbage must not be WATCHED (ou_gc_dirtied moves those). */
    for (GcHead *h = unreachable->next; h != unreachable; h = h->next)
        GC_OBJ(h)->gcflags &= (uint16_t) ~(GCF_COLLECTING | GCF_TENTATIVE | OU_GCF_WATCHED);
    return alive;
}

/* The first step of an automatic young collection (see "Dirty objects"): promotes the objects
 * of young, in order, up to the first dirty one, and returns how many it promoted; *stopped
 * tells whether it met a dirty object. When it did not (a structure being built), that was
 * the whole collection: no object is a candidate, everything survives. When it did, the
 * general path runs over all of young: the objects already promoted are not candidates (they
 * are clean) and, having left the generation, are not gathered either; promoting them again
 * changes nothing. This saves the walk that would only have found no candidate. */
static int64_t promote_clean(GcHead *young, int newgen, int oldmode, bool *stopped) {
    int64_t alive = 0;
    *stopped = false;
    for (GcHead *h = young->next, *next; h != young; h = next) {
        next = h->next;
        OuObject *o = GC_OBJ(h);
        if (o->rc == 0) { /* being deallocated: kept as it is */
            alive++;
            continue;
        }
        if (o->gcflags & OU_GCF_DIRTY) {
            *stopped = true;
            return alive;
        }
        alive++;
        if (o->type == &ou_tuple_type && tuple_untrackable(o)) {
            list_remove(h);
            o->gcflags &= (uint16_t)~OU_GCF_TRACKED;
            ntracked--;
            alive--;
            continue;
        }
        set_gen(o, (unsigned)newgen);
        if (oldmode == OLD_SPLIT) o->gcflags |= OU_GCF_WATCHED;
    }
    return alive;
}

/* The observer's view of a list, with each object's refs when `with_refs`. Only built when an
 * observer is set. */
static void observe_list(int phase, GcHead *l, bool with_refs) {
    ObjVec v = {0};
    int64_t *refs = NULL;
    int64_t n = list_size(l), i = 0;
    if (with_refs && n > 0 && !(refs = malloc((size_t)n * sizeof *refs))) return;
    for (GcHead *h = l->next; h != l; h = h->next) {
        if (!vec_push(&v, GC_OBJ(h))) goto done;
        if (refs) refs[i++] = (GC_OBJ(h)->gcflags & GCF_COLLECTING) ? h->refs : 1;
    }
    observer(phase, v.items, refs, v.n, observer_ctx);
done:
    free(v.items);
    free(refs);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Debug output goes to the C stderr after flushing Ouro's stdout buffer, as CPython's
 * PySys_WriteStderr lines interleave with print(). */
static void debug_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void debug_printf(const char *fmt, ...) {
    ou_stdout_flush();
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
}

/* Runs o's __del__ (type lookup, as CPython's slot_tp_finalize); errors are unraisable. */
static bool run_del(OuObject *o) {
    if (!(o->type->flags & OU_TPFLAG_HEAPTYPE) || (o->gcflags & OU_GCF_FINALIZED)) return false;
    if (!del_name) del_name = ou_str_intern("__del__");
    if (IS_ERR(del_name)) {
        del_name = 0;
        ou_err_clear();
        return false;
    }
    Value del = ou_type_lookup(o->type, del_name);
    if (IS_UNDEF(del)) return false;
    o->gcflags |= OU_GCF_FINALIZED;
    ou_incref(del);
    Value self = MK_OBJ(o), r;
    OuType *dt = ou_typeof(del);
    if (dt == &ou_function_type) {
        r = ou_call1(del, self);
    } else if (dt->descr_get) {
        Value bound = dt->descr_get(del, self, MK_OBJ(o->type));
        r = IS_ERR(bound) ? OU_ERR : ou_call0(bound);
        ou_decref(bound);
    } else {
        r = ou_call0(del);
    }
    if (IS_ERR(r))
        ou_err_write_unraisable(del);
    else
        ou_decref(r);
    ou_decref(del);
    return true;
}

/* Steps 1-5 of the header comment over `unreachable` (not empty). `old` receives survivors.
 * Returns the number of objects that stayed garbage. */
static int64_t finalize_garbage(GcHead *unreachable, GcHead *old, unsigned oldgen) {
    ObjVec set = {0};
    for (GcHead *h = unreachable->next; h != unreachable; h = h->next) {
        if (!vec_push(&set, GC_OBJ(h))) {
            /* Out of memory for the array: keep everything alive, which is safe. */
            free(set.items);
            list_settle(unreachable, old, oldgen, true);
            return 0;
        }
    }
    int64_t n = set.n;
    for (int64_t i = 0; i < n; i++) {
        OuObject *o = set.items[i];
        o->rc++;
        o->gcflags |= OU_GCF_UNREACHABLE;
        if (gc_debug & GC_DEBUG_COLLECTABLE)
            debug_printf("gc: collectable <%s %p>\n", o->type->name, (void *)o);
    }
    if (observer) observer(GC_PHASE_UNREACHABLE, set.items, NULL, n, observer_ctx);

    int64_t ran = ou_weakref_gc_clear(set.items, n);
    if (ou_err_occurred()) ou_err_clear();
    if (observer) observer(GC_PHASE_WEAKREFS, set.items, NULL, n, observer_ctx);
    for (int64_t i = 0; i < n; i++) ran += run_del(set.items[i]);
    if (observer) observer(GC_PHASE_FINALIZERS, set.items, NULL, n, observer_ctx);

    GcHead final;
    list_init(&final);
    if (ran > 0) {
        /* Python code ran: recheck reachability within the set. Members untracked meanwhile
         * are left out; tracked ones are gathered on `unreachable` whatever list they
         * reached. */
        for (int64_t i = 0; i < n; i++) {
            OuObject *o = set.items[i];
            if (o->gcflags & OU_GCF_TRACKED) list_move(GC_HEAD(o), unreachable);
        }
        compute_refs(unreachable, 1);
        move_unreachable(unreachable, &final, -1, OLD_NONE);
        for (GcHead *h = unreachable->next; h != unreachable; h = h->next)
            GC_OBJ(h)->gcflags &= (uint16_t)~OU_GCF_UNREACHABLE;
        if (observer && !list_empty(unreachable)) observe_list(GC_PHASE_RESURRECTED, unreachable, false);
        list_settle(unreachable, old, oldgen, true);
    } else {
        list_merge(unreachable, &final);
    }

    int64_t garbage = list_size(&final);
    if (observer) observe_list(GC_PHASE_FREED, &final, false);
    bool saveall = (gc_debug & GC_DEBUG_SAVEALL) && IS_OBJ(gc_garbage);
    for (GcHead *h = final.next; h != &final; h = h->next) {
        OuObject *o = GC_OBJ(h);
        if (saveall) {
            if (ou_list_append(gc_garbage, MK_OBJ(o)) < 0) ou_err_clear();
        } else if (o->type->clear) {
            o->type->clear(o);
        }
    }
    list_settle(&final, old, oldgen, true);
    for (int64_t i = 0; i < n; i++) set.items[i]->gcflags &= (uint16_t)~OU_GCF_UNREACHABLE;
    for (int64_t i = 0; i < n; i++) ou_decref(MK_OBJ(set.items[i]));
    free(set.items);
    return garbage;
}

#if OU_GC_STRESS
/* True when freeing `unreachable` could run Python code or be seen by it: an unfinalized
 * __del__, weak references, DEBUG_SAVEALL. */
static bool garbage_observable(GcHead *unreachable) {
    if (gc_debug & GC_DEBUG_SAVEALL) return true;
    if (!del_name) del_name = ou_str_intern("__del__");
    for (GcHead *h = unreachable->next; h != unreachable; h = h->next) {
        OuObject *o = GC_OBJ(h);
        if (o->gcflags & OU_GCF_WEAKREFS) return true;
        if ((o->type->flags & OU_TPFLAG_HEAPTYPE) && !(o->gcflags & OU_GCF_FINALIZED) &&
            !IS_UNDEF(ou_type_lookup(o->type, del_name)))
            return true;
    }
    return false;
}

/* A GC-stress collection (MODE=gcstress): a full trial deletion that scripts cannot see. It
 * changes no count, statistic, generation or tracking state and runs no Python code: garbage
 * whose freeing would be observable is left for a real collection, the rest is freed and
 * reported by the next real one. It exercises every traverse slot and C reference count. */
static void collect_stress(void) {
    /* The lists' order decides the order of finalizers later: remember it, and restore it
     * after move_unreachable has reordered. */
    ObjVec order = {0};
    for (int i = 0; i <= GC_NGENS + 2; i++) {
        GcHead *l = i < GC_NGENS ? &gens[i].head : i == GC_NGENS ? &scanned : i == GC_NGENS + 1 ? &dirty2 : &pass_seeds;
        for (GcHead *h = l->next; h != l; h = h->next)
            if (!vec_push(&order, GC_OBJ(h))) {
                free(order.items);
                return;
            }
    }
    GcHead *young = &gens[GC_NGENS - 1].head;
    for (int i = 0; i < GC_NGENS - 1; i++) list_merge(&gens[i].head, young);
    list_merge(&scanned, young);
    list_merge(&dirty2, young);
    list_merge(&pass_seeds, young);
    compute_refs(young, 0);
    GcHead unreachable;
    list_init(&unreachable);
    move_unreachable(young, &unreachable, -1, OLD_NONE);
    bool keep = !list_empty(&unreachable) && garbage_observable(&unreachable);
    if (!keep)
        for (GcHead *h = unreachable.next; h != &unreachable; h = h->next)
            GC_OBJ(h)->gcflags |= GCF_TENTATIVE;
    for (int64_t i = 0; i < order.n; i++) {
        OuObject *o = order.items[i];
        if (!(o->gcflags & GCF_TENTATIVE)) {
            unsigned g = (o->gcflags & GCF_GEN_MASK) >> GCF_GEN_SHIFT;
            bool done = g == 2 && pass_active && (o->gcflags & GCF_PASS) == pass_mark;
            GcHead *to = done ? &scanned : &gens[g < GC_NGENS ? g : GC_NGENS - 1].head;
            if (g == 2 && (o->gcflags & OU_GCF_DIRTY)) to = &dirty2;
            list_move(GC_HEAD(o), to);
        }
    }
    free(order.items);
#if defined(__GLIBC__)
    /* A large array freed may stay resident in malloc's heap (glibc raises its mmap and trim
     * thresholds after freeing a big mmapped block), which would make RSS figures under
     * stress depend on the heap's size: hand it back. */
    if (order.cap >= (1 << 17)) malloc_trim(0);
#endif
    if (keep || list_empty(&unreachable)) return;
    for (GcHead *h = unreachable.next; h != &unreachable; h = h->next)
        GC_OBJ(h)->gcflags &= (uint16_t)~GCF_TENTATIVE;
    stress_collected += finalize_garbage(&unreachable, young, GC_NGENS - 1);
}

#endif

static int64_t collect_body(int generation);
static int64_t collect_increment(void);

/* One collection of `generation`, timed for the pause statistics (-X memstats). After an older
 * generation's collection the allocator gives empty pages back to the OS; not after every young
 * one (every 700 allocations), which would return pages the next burst of allocations faults
 * in again: the allocator's own threshold covers the time in between. */
static int64_t collect_main(int generation) {
    double t0 = now_seconds();
    int64_t n = generation == 0 && pass_active && in_auto ? collect_increment() : collect_body(generation);
    if (generation > 0) gc_alloc_trim(generation == GC_NGENS - 1);
    double dt = now_seconds() - t0;
    pauses.total += dt;
    if (dt > pauses.worst) pauses.worst = dt;
    pauses.count++;
    return n;
}

void gc_get_pause_stats(GcPauseStats *out) { *out = pauses; }

/* The collection proper (CPython's gc_collect_main). */
static int64_t collect_body(int generation) {
    double t0 = 0;
    if (gc_debug & GC_DEBUG_STATS) {
        debug_printf("gc: collecting generation %d...\n", generation);
        debug_printf("gc: objects in each generation: %lld %lld %lld\n",
                     (long long)list_size(&gens[0].head), (long long)list_size(&gens[1].head),
                     (long long)(list_size(&gens[2].head) + list_size(&scanned) + list_size(&dirty2) +
                                 list_size(&pass_seeds)));
        debug_printf("gc: objects in permanent generation: %lld\n", (long long)list_size(&permanent));
        t0 = now_seconds();
    }
    if (observer) observer(GC_PHASE_START, NULL, NULL, generation, observer_ctx);
    if (generation == GC_NGENS - 1) { /* an atomic full collection */
        pass_abort();
        list_merge(&dirty2, &gens[2].head);
        incomplete = false;
    }
    if (generation + 1 < GC_NGENS) gens[generation + 1].count++;
    for (int i = 0; i <= generation; i++) gens[i].count = 0;

    GcHead *young = &gens[generation].head;
    for (int i = 0; i < generation; i++) list_merge(&gens[i].head, young);
    int oldgen = generation + 1 < GC_NGENS ? generation + 1 : generation;
    GcHead *old = &gens[oldgen].head;

    /* An automatic collection of a young generation starts from its dirty objects. */
    int oldmode = generation == GC_NGENS - 1 ? OLD_CLEAN : oldgen == GC_NGENS - 1 ? OLD_SPLIT : OLD_NONE;
    bool seeded = in_auto && generation < GC_NGENS - 1, clean_only = false;
    int64_t alive = 0;
    if (seeded && young_dirty[generation] * 2 <= young_total[generation]) {
        bool stopped;
        alive = promote_clean(young, oldgen, oldmode, &stopped);
        if (!stopped) {
            young_dirty[generation] = 0;
            young_total[generation] = alive;
            clean_only = true;
        }
    }
    if (!clean_only) {
        seeded = seeded && compute_refs_dirty(young, (unsigned)generation);
        if (!seeded) compute_refs(young, 0);
    }
    if (observer) {
        observe_list(GC_PHASE_CANDIDATES, young, false);
        observe_list(GC_PHASE_SUBTRACTED, young, true);
    }
    GcHead unreachable;
    list_init(&unreachable);
    /* Survivors age, and tuples of atoms leave the collector's view. */
    if (!clean_only) alive = move_unreachable(young, &unreachable, oldgen, oldmode);
    if (young != old) {
        if (generation == GC_NGENS - 2) {
            long_lived_pending += alive;
            inc_promoted += alive;
        }
        list_merge(young, old);
    } else {
        long_lived_pending = 0;
        long_lived_total = atomic_total = alive;
    }

    int64_t collected = list_empty(&unreachable) ? 0
                                                 : finalize_garbage(&unreachable, old, (unsigned)oldgen);
    collected += stress_collected;
    stress_collected = 0;
    if (gc_debug & GC_DEBUG_STATS)
        debug_printf("gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                     (long long)collected, now_seconds() - t0);
    stats[generation].collections++;
    stats[generation].collected += collected;
    if (observer) observer(GC_PHASE_DONE, NULL, NULL, generation, observer_ctx);
    return collected;
}

/* An increment's gathering: `work` receives the objects; `n` counts them up to `budget`;
 * `visits` counts the children of the object being traversed; `truncated` is set when an
 * object that should have joined was left out for the budget. */
typedef struct {
    GcHead *work;
    int64_t n, budget, visits;
    bool truncated;
} PullCtx;

/* Moves a tracked object of generation 1 or 2 into the increment, marked GCF_COLLECTING while
 * the increment gathers (so that it joins once) and, when old, scanned in this pass. */
static void pull(OuObject *o, PullCtx *c) {
    unsigned f = o->gcflags & ~(unsigned)(GCF_PASS | OU_GCF_WATCHED);
    if ((f & GCF_GEN_MASK) == (2u << GCF_GEN_SHIFT)) f |= pass_mark;
    o->gcflags = (uint16_t)(f | GCF_COLLECTING);
    list_move(GC_HEAD(o), c->work);
    c->n++;
}

static int visit_pull(OuObject *child, void *arg) {
    PullCtx *c = arg;
    if (++c->visits > INC_FANOUT) return 1;
    unsigned f = child->gcflags, g = (f & GCF_GEN_MASK) >> GCF_GEN_SHIFT;
    if ((f & (OU_GCF_TRACKED | GCF_COLLECTING)) != OU_GCF_TRACKED || (g != 1 && g != 2) || child->rc == 0)
        return 0;
    if (c->n >= c->budget) {
        c->truncated = true;
        return 0;
    }
    pull(child, c);
    return 0;
}

/* One increment of the incremental pass, in place of an automatic collection of generation 0.
 * The candidates are gens[0], seeds taken from dirty2 (in a full pass, then from the old
 * objects not yet scanned, the oldest first), and breadth first every object of generations 1
 * and 2 they reach, within the budget. Young survivors move to gens[1] as usual, old ones
 * become clean and go to `scanned`; when no seed is left the pass ends. Soundness and
 * completeness: see the header comment. */
static int64_t collect_increment(void) {
    double t0 = 0;
    if (gc_debug & GC_DEBUG_STATS) {
        debug_printf("gc: collecting generation 0 (and part of generation 2)...\n");
        t0 = now_seconds();
    }
    if (observer) observer(GC_PHASE_START, NULL, NULL, 0, observer_ctx);
    gens[1].count++;
    gens[0].count = 0;
    GcHead *work = &gens[0].head, *cur = work->prev;
    PullCtx c = {work, 0, INC_BUDGET, 0, false};
    if (2 * inc_promoted > c.budget) c.budget = 2 * inc_promoted; /* outpace promotion */
    inc_promoted = 0;
    bool exhausted = false;
    for (;;) {
        /* Traverse the objects gathered so far (the tail of work after the young ones): they
         * pull what they reach, and one with too many children leaves the increment, counted
         * alive, so that an increment costs O(budget * INC_FANOUT) at most, whatever the heap
         * holds. Garbage that such an object hides is left to a full pass (incomplete). */
        while (cur->next != work) {
            cur = cur->next;
            OuObject *o = GC_OBJ(cur);
            if (o->rc == 0) continue; /* being deallocated: its children may be gone */
            c.visits = 0;
            if (traverse(o, visit_pull, &c)) {
                GcHead *back = cur->prev;
                o->gcflags &= (uint16_t) ~(GCF_COLLECTING | OU_GCF_DIRTY);
                list_remove(cur);
                if ((o->gcflags & GCF_GEN_MASK) == (2u << GCF_GEN_SHIFT)) {
                    old_place(cur, &scanned);
                    pass_survivors++;
                } else {
                    list_append(&gens[1].head, cur);
                }
                incomplete = true;
                c.n--;
                cur = back;
            }
        }
        if (c.n >= c.budget) break;
        GcHead *h = !list_empty(&pass_seeds) ? pass_seeds.next
                    : pass_full && !list_empty(&gens[2].head) ? gens[2].head.next : NULL;
        if (!h) {
            exhausted = true;
            break;
        }
        pull(GC_OBJ(h), &c);
    }
    if (c.truncated) incomplete = true;

    compute_refs(work, 0);
    if (observer) {
        observe_list(GC_PHASE_CANDIDATES, work, false);
        observe_list(GC_PHASE_SUBTRACTED, work, true);
    }
    GcHead unreachable;
    list_init(&unreachable);
    move_unreachable(work, &unreachable, -1, OLD_NONE);
    for (GcHead *h = work->next, *next; h != work; h = next) {
        next = h->next;
        OuObject *o = GC_OBJ(h);
        if ((o->gcflags & GCF_GEN_MASK) == (2u << GCF_GEN_SHIFT)) {
            /* Examined and alive: clean until its count drops again. */
            o->gcflags &= (uint16_t)~OU_GCF_DIRTY;
            list_remove(h);
            old_place(h, &scanned);
            pass_survivors++;
        } else if (o->rc > 0 && tuple_untrackable(o)) { /* a dying tuple's items may be gone */
            gc_untrack(o);
        } else {
            set_gen(o, 1);
        }
    }
    list_merge(work, &gens[1].head);
    for (GcHead *h = unreachable.next; h != &unreachable; h = h->next)
        if ((GC_OBJ(h)->gcflags & GCF_GEN_MASK) == (2u << GCF_GEN_SHIFT)) pass_old_garbage++;

    int64_t collected = 0;
    if (!list_empty(&unreachable)) {
        in_increment = true; /* what finalization leaves alive is scanned: set_gen marks it */
        collected = finalize_garbage(&unreachable, &scanned, 2);
        in_increment = false;
    }
    collected += stress_collected;
    stress_collected = 0;
    if (gc_debug & GC_DEBUG_STATS)
        debug_printf("gc: done, %lld unreachable, 0 uncollectable, %.4fs elapsed\n",
                     (long long)collected, now_seconds() - t0);
    stats[0].collections++;
    stats[0].collected += collected;
    if (pass_active && exhausted) {
        /* The pass is complete: everything old is unscanned again for the next one. A full
         * pass that found little garbage makes the next full collection atomic (cycles larger
         * than a batch, or split across increments, are found there) and waits for more
         * growth. A pass over the dirty objects only is expected to find little. */
        list_merge(&scanned, &gens[2].head);
        pass_mark ^= GCF_PASS;
        pass_active = false;
        stats[2].collections++;
        if (pass_full) {
            long_lived_total = pass_survivors;
            bool fruitful = pass_old_garbage * 8 >= pass_pending;
            next_atomic = !fruitful;
            backoff = fruitful ? 1 : backoff * 2 > INC_BACKOFF_MAX ? INC_BACKOFF_MAX : backoff * 2;
        } else {
            long_lived_total += long_lived_pending - pass_old_garbage;
            if (long_lived_total < 0) long_lived_total = 0;
        }
        long_lived_pending = 0;
    }
    if (observer) observer(GC_PHASE_DONE, NULL, NULL, 0, observer_ctx);
    return collected;
}

/* Calls every gc.callbacks entry with (phase, info). */
static void invoke_callbacks(const char *phase, int generation, int64_t collected, double duration) {
    if (!IS_LIST(gc_callbacks) || AS_LIST(gc_callbacks)->len == 0) return;
    Value ph = ou_str_cstr(phase);
    Value info = ou_dict_new();
    Value gen = ou_int(generation), col = ou_int(collected), dur = ou_float(duration);
    if (IS_ERR(ph) || IS_ERR(info) || ou_dict_set_str(info, "generation", gen) < 0 ||
        ou_dict_set_str(info, "collected", col) < 0 ||
        ou_dict_set_str(info, "uncollectable", MK_SMALLINT(0)) < 0 ||
        ou_dict_set_str(info, "duration", dur) < 0) {
        ou_err_write_unraisable(gc_callbacks);
        goto done;
    }
    /* Indexing the live list, as CPython does: callbacks may add or remove callbacks. */
    for (int64_t i = 0; IS_LIST(gc_callbacks) && i < AS_LIST(gc_callbacks)->len; i++) {
        Value cb = ou_newref(AS_LIST(gc_callbacks)->items[i]);
        Value r = ou_call2(cb, ph, info);
        if (IS_ERR(r))
            ou_err_write_unraisable(cb);
        else
            ou_decref(r);
        ou_decref(cb);
    }
done:
    ou_xdecref(ph);
    ou_xdecref(info);
    ou_xdecref(col);
}

static int64_t collect_with_callbacks(int generation) {
    gc_collecting = true;
    gc_pending = 0;
    Value saved = ou_err_fetch();
    bool timed = IS_LIST(gc_callbacks) && AS_LIST(gc_callbacks)->len > 0;
    invoke_callbacks("start", generation, 0, 0.0);
    double t0 = timed ? now_seconds() : 0;
    int64_t n = collect_main(generation);
    invoke_callbacks("stop", generation, n, timed ? now_seconds() - t0 : 0.0);
    if (ou_err_occurred()) ou_err_clear();
    if (IS_OBJ(saved)) ou_err_restore(saved);
    gc_collecting = false;
    return n;
}

int64_t gc_collect(int generation) {
    if (gc_collecting) return 0;
    if (generation < 0) generation = 0;
    if (generation >= GC_NGENS) generation = GC_NGENS - 1;
    return collect_with_callbacks(generation);
}

int64_t gc_collect_auto(void) {
    gc_pending = 0;
    if (gc_collecting) return 0;
#if OU_GC_STRESS
    if (stress_full) {
        stress_full = false;
        gc_collecting = true;
        Value saved = ou_err_fetch();
        collect_stress();
        if (IS_OBJ(saved)) ou_err_restore(saved);
        gc_collecting = false;
    }
#endif
    if (gens[0].threshold <= 0) return 0; /* set_threshold(0): no automatic collection */
    for (int i = GC_NGENS - 1; i >= 0; i--) {
        if (gens[i].count <= gens[i].threshold) continue;
        if (i == GC_NGENS - 1) {
            /* The old generation: rationed, and incremental on a large heap (see the header
             * comment). While a pass runs, increments come with the young collections. */
            if (pass_active) continue;
            bool large = long_lived_total >= 4 * INC_BUDGET;
            bool grown = long_lived_pending >= long_lived_total / 4 * backoff;
            /* On a large heap, many dirty old objects also start a pass (over them only), so
             * that garbage dying in the old generation is reclaimed before the heap grows. */
            bool dirty = large && dirty_added >= INC_BUDGET && dirty_added >= long_lived_total / 8;
            if (!grown && !dirty) continue;
            bool atomic = grown && next_atomic && long_lived_total > 4 * atomic_total;
            if (!atomic && large) {
                pass_active = true;
                list_merge(&dirty2, &pass_seeds);
                pass_full = incomplete && grown;
                if (pass_full) incomplete = false;
                dirty_added = 0;
                pass_pending = long_lived_pending;
                pass_survivors = pass_old_garbage = inc_promoted = 0;
                gens[i].count = 0;
                i = 1; /* the young collection that was due with it */
            } else {
                int64_t pending = long_lived_pending;
                in_auto = true;
                int64_t n = collect_with_callbacks(i);
                in_auto = false;
                next_atomic = false;
                /* After little garbage, wait for more growth (a large structure being built
                 * costs amortized less); a small heap keeps CPython's ration. */
                bool fruitful = n * 8 >= pending || long_lived_total < 4 * INC_BUDGET;
                backoff = fruitful ? 1 : backoff * 2 > INC_BACKOFF_MAX ? INC_BACKOFF_MAX : backoff * 2;
                return n;
            }
        }
        in_auto = true;
        int64_t n = collect_with_callbacks(i);
        in_auto = false;
        return n;
    }
    return 0;
}

/* A collection without gc.callbacks (the ones at exit after the first, as CPython's
 * _PyGC_CollectNoFail). */
static void collect_plain(int generation) {
    if (gc_collecting) return;
    gc_collecting = true;
    gc_pending = 0;
    Value saved = ou_err_fetch();
    collect_main(generation);
    if (ou_err_occurred()) ou_err_clear();
    if (IS_OBJ(saved)) ou_err_restore(saved);
    gc_collecting = false;
}

void gc_finalize_all(void) {
    /* The first call (module globals already cleared) is CPython's last gc.collect() with the
     * callbacks, when the collector is enabled; later ones are plain full collections. */
    static bool first = true;
    if (first && gc_enabled) {
        gc_collect(GC_NGENS - 1);
    } else {
        collect_plain(GC_NGENS - 1);
    }
    first = false;
    gc_unfreeze();
    /* What is left is referenced from outside the tracked heap (e.g. by leaked C references)
     * or was resurrected; clear everything so that reference counts drop to zero. */
    for (int round = 0; round < 4 && ntracked > 0; round++) {
        ObjVec all = {0};
        for (int g = 0; g <= GC_NGENS; g++) {
            GcHead *l = g < GC_NGENS ? &gens[g].head : &dirty2;
            for (GcHead *h = l->next; h != l; h = h->next) {
                OuObject *o = GC_OBJ(h);
                if ((o->gcflags & OU_GCF_IMMORTAL) || o->rc == 0) continue;
                if (!vec_push(&all, o)) break;
                o->rc++;
            }
        }
        for (int64_t i = 0; i < all.n; i++) {
            OuObject *o = all.items[i];
            o->gcflags |= OU_GCF_FINALIZED; /* no __del__ during teardown clearing */
            if (o->type->clear) o->type->clear(o);
        }
        for (int64_t i = 0; i < all.n; i++) ou_decref(MK_OBJ(all.items[i]));
        free(all.items);
        collect_plain(GC_NGENS - 1);
    }
    /* The candidates' array is kept between collections; nothing collects after this. */
    free(cands.items);
    cands = (ObjVec){0};
}
