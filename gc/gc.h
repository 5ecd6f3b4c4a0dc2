/* gc.h: the interface of gc/, Ouro's memory manager: object allocation, the list of tracked
 * containers, and the cycle collector. Prefix gc_.
 *
 * Every container object (its type has OU_TPFLAG_GC) is preceded in memory by a GcHead that
 * links it into the list of tracked objects of its generation. Atoms (str, int, float...) have
 * no GcHead. See gc/gc.c for the collector's invariants.
 */
#ifndef OU_GC_H
#define OU_GC_H

#include "ouro.h"

/* Two words, as CPython's PyGC_Head. `next` always links the list the object is on. `prev` is
 * the backward link, except while a collection scans the list: from update_refs until
 * move_unreachable's cursor passes the object it holds `refs`, the scratch count (see gc.c). */
typedef struct GcHead {
    struct GcHead *next;
    union {
        struct GcHead *prev;
        int64_t refs;
    };
} GcHead;

#define GC_HEAD(o) ((GcHead *)(o)-1)
#define GC_OBJ(h) ((OuObject *)((GcHead *)(h) + 1))

/* Collect `generation` (0..2) and every younger one, as gc.collect(generation) does (with
 * gc.callbacks and the stats); returns the number of unreachable objects found, 0 when a
 * collection is already running. Never fails: finalizer and callback errors are unraisable. */
int64_t gc_collect(int generation);
/* At interpreter exit: collect cycles (finalizers run), then break whatever remains. */
void gc_finalize_all(void);
/* For GC_PHASE_START and GC_PHASE_DONE, objs is NULL and n is the generation collected.
 * An observer of the collector's phases, for `ouro --step`'s drawing of a collection
 * (issue 5). phase: GC_PHASE_* below; objs/n: the objects concerned (candidates, the
 * unreachable set, resurrected, freed); refs: for GC_PHASE_SUBTRACTED, each candidate's gc_refs
 * after internal references were subtracted (else NULL). Called with no exception set; it
 * must not allocate tracked objects or run Python code. NULL = no observer. */
enum { GC_PHASE_START, GC_PHASE_CANDIDATES, GC_PHASE_SUBTRACTED, GC_PHASE_UNREACHABLE,
       GC_PHASE_WEAKREFS, GC_PHASE_FINALIZERS, GC_PHASE_RESURRECTED, GC_PHASE_FREED,
       GC_PHASE_DONE };
typedef void (*gc_observer_fn)(int phase, OuObject **objs, const int64_t *refs, int64_t n,
                               void *ctx);
void gc_set_observer(gc_observer_fn fn, void *ctx);

/* Calls fn(o, ctx) for every tracked object, oldest generation first and in allocation order
 * within a generation (for objgraph and `ouro --step`, issue 5). fn must not allocate or
 * free tracked objects, nor run Python code. */
void gc_foreach(void (*fn)(OuObject *, void *), void *ctx);
/* The generation (0 youngest .. 2 oldest) a tracked object is in, 3 when frozen (gc.freeze),
 * -1 when it is not tracked. */
int gc_generation_of(const OuObject *o);

/* Bytes currently allocated through ou_obj_alloc / ou_mem_alloc: the blocks really held
 * (size classes and malloc's usable sizes, GC headers included), not the sizes asked for. */
int64_t gc_bytes_in_use(void);

/* ---- the allocator (gc/alloc.c): the one entry point of interpreter memory ----
 * Blocks up to 512 bytes come from size-classed pages in 1 MiB arenas, larger ones from
 * malloc; empty pages and arenas go back to the OS (see alloc.c). */
void *gc_alloc(size_t n);             /* zero-filled; NULL (no exception set) when out of memory */
void gc_free(void *p);                /* any block of gc_alloc / ou_mem_*; NULL is ignored */
size_t gc_block_size(const void *p);  /* bytes really held by the block at p (0 for NULL) */
/* For sys.getsizeof: the bytes held by the block at p that was allocated for n bytes: its size
 * class when p is a pool block, else n. Safe for any address (static objects, NULL). */
size_t gc_real_size(const void *p, size_t n);
void gc_alloc_trim(bool full);        /* give empty pages back now (the collector's end) */
/* Grows or shrinks the block of an object that is not a container (e.g. a str appended in
 * place while it has rc == 1), keeping the statistics; it may move. Bytes past the old size
 * are not zeroed. NULL + MemoryError on failure, the object then unchanged. */
OuObject *gc_obj_resize(OuObject *o, size_t n);
typedef struct {
    int64_t bytes_in_use, peak_bytes;
    int64_t arenas_held, arenas_peak, arenas_returned, pages_returned;
    bool pools;                       /* false: everything from malloc (ASan, valgrind) */
} GcAllocStats;
void gc_alloc_get_stats(GcAllocStats *out);
/* -X memstats / OURO_MEMSTATS=1: count object bytes by type (ou_obj_alloc and ou_obj_free call
 * gc_memstats_note with sign +1 / -1 and the object's block), report at exit on stderr. */
extern bool gc_memstats;
void gc_memstats_note(const OuType *t, const void *block, int sign);
void gc_memstats_print(void);
/* Time spent in collections (every one, automatic or not), in seconds. */
typedef struct {
    double total, worst;
    int64_t count;
} GcPauseStats;
void gc_get_pause_stats(GcPauseStats *out);
int64_t gc_tracked_count(void);
/* True while a collection runs (a collection is never re-entered). */
extern bool gc_collecting;
extern bool gc_enabled;
/* Set by allocation when a collection is due; the interpreter calls gc_maybe_collect at safe
 * points (calls, backward jumps), never in the middle of building an object. */
extern volatile int gc_pending;
/* Run the collection that is due: the oldest generation whose count passed its threshold
 * (the oldest one only when the full-collection ration allows it; on a large heap it is an
 * incremental pass, whose increments ride on the following gen0 collections, see gc.c).
 * Returns what gc_collect returns, 0 when nothing was due. */
int64_t gc_collect_auto(void);
static inline void gc_maybe_collect(void) {
    if (gc_pending && gc_enabled && !gc_collecting) gc_collect_auto();
}

/* ---- generations, tracking and the gc module's view (gc/gc.c) ----
 * Three generations, 0 (young) to 2 (old), plus the permanent generation of gc.freeze().
 * gen0's count is tracked allocations minus frees since its last collection; gen1's and gen2's
 * counts are the collections of the next younger generation since their own last one. */
#define GC_NGENS 3

/* Put a container back under the collector's watch (into gen0) / take it out. Both are no-ops
 * when the object already is in the wanted state; only objects of OU_TPFLAG_GC types, which
 * keep their GcHead for life, may be tracked. A container may be untracked only while it
 * cannot be part of a cycle (e.g. a tuple of atoms): the collector no longer sees it. */
void gc_track(OuObject *o);
void gc_untrack(OuObject *o);
/* True when a collection could ever find v in a cycle: CPython's _PyObject_GC_MAY_BE_TRACKED
 * (a container, except an untracked exact tuple). */
bool gc_may_be_tracked(Value v);

void gc_get_counts(int64_t out[GC_NGENS]);
void gc_get_thresholds(int64_t out[GC_NGENS]);
void gc_set_thresholds(const int64_t th[GC_NGENS]);
typedef struct {
    int64_t collections;   /* collections of this generation */
    int64_t collected;     /* unreachable objects they freed */
    int64_t uncollectable; /* always 0 in Ouro: every cycle with __del__ is collectable */
} GcGenStats;
void gc_get_stats(GcGenStats out[GC_NGENS]);
void gc_freeze(void);          /* every tracked object moves to the permanent generation */
void gc_unfreeze(void);        /* ... and back into the oldest generation */
int64_t gc_freeze_count(void);
/* Call fn on every tracked object of `generation` (-1: all three generations, not the
 * permanent one), oldest generation last, stopping at a nonzero return, which is returned.
 * fn must not track, untrack or free tracked objects (appending to a list is fine). */
typedef int (*gc_each_fn)(OuObject *o, void *ctx);
int gc_foreach_gen(int generation, gc_each_fn fn, void *ctx);

/* Debug flags of gc.set_debug (CPython's values). */
#define GC_DEBUG_STATS 1
#define GC_DEBUG_COLLECTABLE 2
#define GC_DEBUG_UNCOLLECTABLE 4
#define GC_DEBUG_SAVEALL 32
#define GC_DEBUG_LEAK (GC_DEBUG_COLLECTABLE | GC_DEBUG_UNCOLLECTABLE | GC_DEBUG_SAVEALL)
extern int gc_debug;
/* gc.callbacks and gc.garbage: lists owned by stdlib/mod_gc.c (created on `import gc`,
 * released at exit), OU_UNDEF before. The collector calls every callback with ("start",
 * info) and ("stop", info), and under DEBUG_SAVEALL appends unreachable objects to garbage. */
extern Value gc_callbacks, gc_garbage;

#endif
