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

typedef struct GcHead {
    struct GcHead *next, *prev;
    int64_t refs; /* scratch count used only during a collection (see gc.c) */
} GcHead;

#define GC_HEAD(o) ((GcHead *)(o)-1)
#define GC_OBJ(h) ((OuObject *)((GcHead *)(h) + 1))

/* Run a full collection; returns the number of unreachable objects found, or -1 on error. */
int64_t gc_collect(int generation);
/* At interpreter exit: collect cycles (finalizers run), then break whatever remains. */
void gc_finalize_all(void);
/* An observer of the collector's phases, for `ouro --step`'s drawing of a collection
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

/* Bytes currently allocated through ou_obj_alloc / ou_mem_alloc. */
int64_t gc_bytes_in_use(void);
int64_t gc_tracked_count(void);
/* True while a collection runs (a collection is never re-entered). */
extern bool gc_collecting;
extern bool gc_enabled;
/* Set by allocation when a collection is due; the interpreter calls gc_maybe_collect at safe
 * points (calls, backward jumps), never in the middle of building an object. */
extern volatile int gc_pending;
static inline void gc_maybe_collect(void) {
    if (gc_pending && gc_enabled && !gc_collecting) gc_collect(0);
}

#endif
