/* alloc.h: the small-object allocator's layout and its inline fast paths, private to gc/
 * (gc/gc.c allocates every object through them; everything else uses gc.h's gc_alloc/gc_free
 * or ou_mem_*). See gc/alloc.c for the design and the page states. */
#ifndef OU_GC_ALLOC_H
#define OU_GC_ALLOC_H

#include <string.h>

#include "gc.h"

#define ARENA_SHIFT 20
#define ARENA_SIZE ((size_t)1 << ARENA_SHIFT)
#define PAGE_SHIFT 14
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define NPAGES (ARENA_SIZE / PAGE_SIZE)
#define SMALL_MAX 512 /* larger blocks come from malloc */
#define NCLASSES 40

enum { PAGE_CLEAN, PAGE_USED, PAGE_EMPTY };

/* One page's descriptor, in its arena's header. Invariants: nused <= cap; the page has a free
 * block (free != NULL or bump < end) exactly when nused < cap; a USED page is on
 * gc_pool_avail[cls] exactly when nused < cap (and an emptied page may stay there, see
 * alloc.c). */
typedef struct Page {
    void *free;          /* recycled blocks, linked through their first word */
    char *bump, *end;    /* never-used blocks are [bump, end) */
    struct Page *next, *prev;
    struct Arena *arena;
    uint32_t size;       /* block size of the class */
    uint16_t nused, cap; /* live blocks, blocks the page holds */
    uint8_t cls, state;
    bool fresh;          /* [bump, end) is untouched, hence zero (a page carved clean) */
    bool listed;         /* on gc_pool_avail[cls] or on the dirty list */
} Page;

typedef struct Arena {
    struct Arena *next, *prev; /* on the `partial` list while nclean > 0 */
    uint32_t nclean;           /* pages in state CLEAN: their indexes are clean[0..nclean) */
    bool on_partial;
    uint8_t clean[NPAGES];
    Page pages[NPAGES];        /* pages[0] describes the header page itself and is unused */
} Arena;

extern Page *gc_pool_avail[NCLASSES];   /* per class: pages with a free block */
extern uint8_t gc_class_of[SMALL_MAX / 8 + 1]; /* (n + 7) / 8 -> size class */
extern int64_t gc_mem_in_use;           /* bytes of all live blocks, pools and malloc */
extern uint64_t *gc_arena_map[1 << 16]; /* which 1 MiB slots are our arenas (alloc.c) */
extern bool gc_pools_on;

void *gc_alloc_slow(size_t n);
void gc_free_slow(void *p);

/* True when p lies in one of our arenas: a two-level bitmap, bit (p >> 20) & 4095 of the map
 * of p's 4 GiB slice. User addresses are below 2^48. */
static inline bool gc_in_pool(const void *p) {
    uintptr_t a = (uintptr_t)p;
    if (a >> 48) return false;
    const uint64_t *m = gc_arena_map[a >> 32];
    if (!m) return false;
    unsigned i = (unsigned)(a >> ARENA_SHIFT) & 4095;
    return (m[i >> 6] >> (i & 63)) & 1;
}

static inline Page *gc_page_of(const void *p) {
    Arena *ar = (Arena *)((uintptr_t)p & ~(ARENA_SIZE - 1));
    return &ar->pages[((uintptr_t)p & (ARENA_SIZE - 1)) >> PAGE_SHIFT];
}

/* gc_alloc's common case inline: a page of the class has a block. */
static inline void *gc_alloc_fast(size_t n) {
    if (__builtin_expect(n <= SMALL_MAX && gc_pools_on, 1)) {
        Page *pg = gc_pool_avail[gc_class_of[(n + 7) >> 3]];
        if (__builtin_expect(pg && pg->nused + 1 < pg->cap, 1)) {
            void *b = pg->free;
            if (b) {
                pg->free = *(void **)b;
                memset(b, 0, n);
            } else {
                b = pg->bump;
                pg->bump += pg->size;
                if (!pg->fresh) memset(b, 0, n);
            }
            pg->nused++;
            gc_mem_in_use += pg->size;
            return b;
        }
    }
    return gc_alloc_slow(n);
}

/* gc_free's common case inline: the page neither fills up nor empties. */
static inline void gc_free_fast(void *p) {
    if (__builtin_expect(gc_in_pool(p), 1)) {
        Page *pg = gc_page_of(p);
        if (__builtin_expect(pg->nused != pg->cap && pg->nused > 1, 1)) {
            gc_mem_in_use -= pg->size;
            *(void **)p = pg->free;
            pg->free = p;
            pg->nused--;
            return;
        }
    }
    gc_free_slow(p);
}

#endif
