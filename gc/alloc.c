/* alloc.c: the one entry point of all interpreter memory, and the small-object allocator.
 *
 * Every object (ou_obj_alloc) and every raw buffer (ou_mem_alloc) comes from gc_alloc and goes
 * back through gc_free, which keep `gc_mem_in_use`, the bytes really held (block sizes, not
 * requests).
 * Blocks up to SMALL_MAX bytes come from pools; bigger ones from malloc.
 *
 * Layout
 * - An arena is ARENA_SIZE bytes from mmap, aligned to ARENA_SIZE, cut into NPAGES pages of
 *   PAGE_SIZE. Page 0 holds the Arena header (the page descriptors); pages 1.. hold blocks.
 *   The page of a block is found by masking its address: no per-block header at all.
 * - A page in use serves one size class: blocks of class_size[cls] bytes, carved lazily from
 *   `bump` (never-touched memory, so the kernel supplies it zeroed) and recycled through `free`
 *   (a list linked through each free block's first word).
 * - `arena_map` (a two-level bitmap over the 48-bit address space) says whether an address lies
 *   in one of our arenas; gc_free, gc_block_size and ou_mem_realloc use it to tell pool blocks
 *   from malloc blocks, so callers never pass sizes.
 *
 * Page states and the lists they are on (each page on at most one list):
 *   USED   nused > 0. On gc_pool_avail[cls] exactly when nused < cap (it has a block to give).
 *   EMPTY  nused == 0 but its memory is resident. On the `dirty` list (LIFO), ready to serve any
 *          class again; except that the last page with free blocks of a class may stay on
 *          gc_pool_avail[cls] while empty, so that alloc/free churn of one object does not move a page
 *          between lists on every call.
 *   CLEAN  unassigned, memory given back (never touched, or madvise(MADV_DONTNEED)). Its index
 *          is on its arena's `clean` stack; an arena with clean pages is on `partial`.
 * Returning memory: when more than DIRTY_MAX pages are EMPTY, or at the end of every
 * collection (gc_alloc_trim), the oldest EMPTY pages beyond DIRTY_KEEP become CLEAN; an arena
 * whose pages are all CLEAN is unmapped. The hysteresis between DIRTY_KEEP and DIRTY_MAX is the
 * "short delay" that keeps churn from calling madvise over and over.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "alloc.h"

#define DIRTY_MAX 512 /* 8 MiB of empty resident pages triggers a trim ... */
#define DIRTY_KEEP 32 /* ... down to 512 KiB, kept for the next burst of allocations */

/* Size classes: 8-byte steps to 128 bytes (where most objects are: a GC header and a small
 * container, a boxed int, a short str), 16-byte steps above. */
static const uint16_t class_size[NCLASSES] = {
    8,   16,  24,  32,  40,  48,  56,  64,  72,  80,  88,  96,  104, 112,
    120, 128, 144, 160, 176, 192, 208, 224, 240, 256, 272, 288, 304, 320,
    336, 352, 368, 384, 400, 416, 432, 448, 464, 480, 496, 512};
uint8_t gc_class_of[SMALL_MAX / 8 + 1]; /* filled at startup */
_Static_assert(sizeof(Arena) <= PAGE_SIZE, "the arena header must fit its page");

Page *gc_pool_avail[NCLASSES];
static Page *dirty_head, *dirty_tail; /* EMPTY pages, newest at the head */
static int64_t ndirty;
static Arena *partial;

int64_t gc_mem_in_use;
static int64_t peak_in_use; /* sampled when a page or a large block is taken */
static int64_t arenas_held, arenas_peak, arenas_returned, pages_returned;
bool gc_pools_on = OU_USE_POOLS;

/* ---- which addresses are ours ---- */

uint64_t *gc_arena_map[1 << 16];

static bool map_set(uintptr_t a, bool on) {
    uint64_t **slot = &gc_arena_map[a >> 32];
    if (!*slot && !(*slot = calloc(64, sizeof(uint64_t)))) return false;
    unsigned i = (unsigned)(a >> ARENA_SHIFT) & 4095;
    if (on) (*slot)[i >> 6] |= (uint64_t)1 << (i & 63);
    else (*slot)[i >> 6] &= ~((uint64_t)1 << (i & 63));
    return true;
}

static inline char *page_start(const Page *pg) {
    return (char *)pg->arena + (size_t)(pg - pg->arena->pages) * PAGE_SIZE;
}

/* ---- page lists ---- */

static void avail_push(Page *pg) {
    Page **head = &gc_pool_avail[pg->cls];
    pg->prev = NULL;
    pg->next = *head;
    if (*head) (*head)->prev = pg;
    *head = pg;
    pg->listed = true;
}

static void avail_remove(Page *pg) {
    if (pg->prev) pg->prev->next = pg->next;
    else gc_pool_avail[pg->cls] = pg->next;
    if (pg->next) pg->next->prev = pg->prev;
    pg->listed = false;
}

static void dirty_push(Page *pg) {
    pg->prev = NULL;
    pg->next = dirty_head;
    if (dirty_head) dirty_head->prev = pg;
    else dirty_tail = pg;
    dirty_head = pg;
    pg->listed = true;
    ndirty++;
}

static void dirty_remove(Page *pg) {
    if (pg->prev) pg->prev->next = pg->next;
    else dirty_head = pg->next;
    if (pg->next) pg->next->prev = pg->prev;
    else dirty_tail = pg->prev;
    pg->listed = false;
    ndirty--;
}

static void partial_add(Arena *ar) {
    ar->prev = NULL;
    ar->next = partial;
    if (partial) partial->prev = ar;
    partial = ar;
    ar->on_partial = true;
}

static void partial_remove(Arena *ar) {
    if (ar->prev) ar->prev->next = ar->next;
    else partial = ar->next;
    if (ar->next) ar->next->prev = ar->prev;
    ar->on_partial = false;
}

/* ---- arenas ---- */

static Arena *arena_new(void) {
    /* Map twice the size and trim, so that the arena is aligned to its size. */
    char *raw = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                     -1, 0);
    if (raw == MAP_FAILED) return NULL;
    uintptr_t a = ((uintptr_t)raw + ARENA_SIZE - 1) & ~(ARENA_SIZE - 1);
    if (a > (uintptr_t)raw) munmap(raw, a - (uintptr_t)raw);
    size_t tail = (uintptr_t)raw + 2 * ARENA_SIZE - (a + ARENA_SIZE);
    if (tail) munmap((char *)(a + ARENA_SIZE), tail);
    Arena *ar = (Arena *)a;
#ifdef MADV_POPULATE_WRITE
    static bool prefaulted;
    if (!prefaulted && OU_ARENA_PREFAULT > 0) { /* start-up's pages in one call (ouroconf.h) */
        prefaulted = true;
        (void)madvise(ar, OU_ARENA_PREFAULT < ARENA_SIZE ? OU_ARENA_PREFAULT : ARENA_SIZE,
                      MADV_POPULATE_WRITE); /* an older kernel's EINVAL only costs the faults */
    }
#endif
    if (!map_set(a, true)) {
        munmap(ar, ARENA_SIZE);
        return NULL;
    }
    /* The mapping is zero: every page starts CLEAN (state 0) with all fields zero. */
    for (uint32_t i = 1; i < NPAGES; i++) {
        ar->pages[i].arena = ar;
        ar->clean[ar->nclean++] = (uint8_t)(NPAGES - i); /* lowest page on top */
    }
    partial_add(ar);
    if (++arenas_held > arenas_peak) arenas_peak = arenas_held;
    return ar;
}

static void arena_release(Arena *ar) {
    if (ar->on_partial) partial_remove(ar);
    map_set((uintptr_t)ar, false);
    munmap(ar, ARENA_SIZE);
    arenas_held--;
    arenas_returned++;
}

/* An EMPTY page (off every list) gives its memory back and becomes CLEAN. */
static void page_clean(Page *pg) {
    Arena *ar = pg->arena;
    pg->state = PAGE_CLEAN;
    pg->free = NULL;
    pg->nused = pg->cap = 0;
    ar->clean[ar->nclean++] = (uint8_t)(pg - ar->pages);
    pages_returned++;
    if (ar->nclean == NPAGES - 1) {
        arena_release(ar);
        return;
    }
    madvise(page_start(pg), PAGE_SIZE, MADV_DONTNEED);
    if (!ar->on_partial) partial_add(ar);
}

static void trim_to(int64_t keep) {
    while (ndirty > keep) {
        Page *pg = dirty_tail;
        dirty_remove(pg);
        page_clean(pg);
    }
}

/* Bytes of malloc blocks freed since malloc was last asked to give memory back. glibc raises
 * its mmap threshold each time it frees a big mapped block, after which big blocks come from
 * the heap, whose free memory it keeps; so after the collector freed that much, malloc_trim
 * returns it (its cost is a walk of malloc's free lists, paid once per LARGE_TRIM bytes). */
static size_t large_freed;
#define LARGE_TRIM ((size_t)16 << 20)
/* A full collection (gc.collect(), mostly after a large structure was dropped) trims already
 * after this much: the program has just said it wants its memory back. */
#define LARGE_TRIM_FULL ((size_t)1 << 20)

void gc_alloc_trim(bool full) {
    trim_to(DIRTY_KEEP);
#ifdef __GLIBC__
    if (large_freed >= (full ? LARGE_TRIM_FULL : LARGE_TRIM)) {
        large_freed = 0;
        malloc_trim(0);
    }
#endif
}

/* ---- blocks ---- */

static void page_carve(Page *pg, unsigned cls, bool fresh) {
    pg->cls = (uint8_t)cls;
    pg->size = class_size[cls];
    pg->cap = (uint16_t)(PAGE_SIZE / pg->size);
    pg->free = NULL;
    pg->bump = page_start(pg);
    pg->end = pg->bump + (size_t)pg->cap * pg->size;
    pg->nused = 0;
    pg->fresh = fresh;
    pg->state = PAGE_USED;
}

/* A page with a free block for class cls, put on gc_pool_avail[cls]; NULL when out of memory. */
static Page *page_new(unsigned cls) {
    Page *pg = NULL;
    /* A resident empty page first (no page faults), ideally one already carved for cls; the
     * search for that one is bounded, beyond it any empty page is carved anew. */
    int depth = 0;
    for (Page *d = dirty_head; d && depth < 8; d = d->next, depth++)
        if (d->cls == cls) {
            pg = d;
            break;
        }
    if (pg) {
        dirty_remove(pg);
        pg->state = PAGE_USED;
    } else if (dirty_head) {
        pg = dirty_head;
        dirty_remove(pg);
        page_carve(pg, cls, false);
    } else {
        Arena *ar = partial ? partial : arena_new();
        if (!ar) return NULL;
        pg = &ar->pages[ar->clean[--ar->nclean]];
        if (ar->nclean == 0) partial_remove(ar);
        page_carve(pg, cls, true);
    }
    avail_push(pg);
    return pg;
}

static inline void *small_alloc(size_t n) {
    unsigned cls = gc_class_of[(n + 7) >> 3];
    Page *pg = gc_pool_avail[cls];
    if (__builtin_expect(!pg, 0) && !(pg = page_new(cls))) return NULL;
    void *b = pg->free;
    if (b) {
        pg->free = *(void **)b;
        memset(b, 0, n);
    } else {
        b = pg->bump;
        pg->bump += pg->size;
        if (!pg->fresh) memset(b, 0, n);
    }
    if (++pg->nused == pg->cap) avail_remove(pg);
    gc_mem_in_use += pg->size;
    return b;
}

static inline void small_free(void *b) {
    Page *pg = gc_page_of(b);
    gc_mem_in_use -= pg->size;
    *(void **)b = pg->free;
    pg->free = b;
    if (pg->nused-- == pg->cap) avail_push(pg);
    if (pg->nused == 0) {
        /* Keep the class's only page with room where it is; park the others as EMPTY. */
        if (gc_pool_avail[pg->cls] == pg && !pg->next) return;
        avail_remove(pg);
        pg->state = PAGE_EMPTY;
        dirty_push(pg);
        if (ndirty > DIRTY_MAX) trim_to(DIRTY_KEEP);
    }
}

static inline size_t large_size(void *p) {
#if defined(__GLIBC__)
    return malloc_usable_size(p);
#else
    (void)p;
    return 0;
#endif
}

static inline void note_peak(void) {
    if (gc_mem_in_use > peak_in_use) peak_in_use = gc_mem_in_use;
}

/* The slow paths of gc_alloc_fast and gc_free_fast (alloc.h): a class without a page with
 * room, a page that fills up or empties, a large block, a NULL. */
void *gc_alloc_slow(size_t n) {
    if (n <= SMALL_MAX && gc_pools_on) {
        void *b = small_alloc(n);
        if (b) {
            note_peak();
            return b;
        }
    }
    void *p = calloc(1, n ? n : 1);
    if (p) {
        gc_mem_in_use += (int64_t)large_size(p);
        note_peak();
    }
    return p;
}

void gc_free_slow(void *p) {
    if (!p) return;
    if (gc_in_pool(p)) {
        small_free(p);
        return;
    }
    size_t n = large_size(p);
    gc_mem_in_use -= (int64_t)n;
    large_freed += n;
    free(p);
}

void *gc_alloc(size_t n) { return gc_alloc_fast(n); }

void gc_free(void *p) { gc_free_fast(p); }

size_t gc_block_size(const void *p) {
    if (!p) return 0;
    if (gc_in_pool(p)) return gc_page_of(p)->size;
    return large_size((void *)p);
}

size_t gc_real_size(const void *p, size_t n) {
    return p && gc_in_pool(p) ? gc_page_of(p)->size : n;
}

/* Grows or shrinks a block; the bytes past the old size are not zeroed (as realloc). */
static void *gc_realloc(void *p, size_t n) {
    if (!p) return gc_alloc(n);
    if (gc_in_pool(p)) {
        size_t old = gc_page_of(p)->size;
        if (n <= old && (n > old / 2 || old <= 16)) return p;
        void *q = gc_alloc(n);
        if (!q) return NULL;
        memcpy(q, p, n < old ? n : old);
        small_free(p);
        return q;
    }
    int64_t old = (int64_t)large_size(p);
    void *q = realloc(p, n ? n : 1);
    if (!q) return NULL;
    gc_mem_in_use += (int64_t)large_size(q) - old;
    note_peak();
    return q;
}

/* ---- the ou_mem_* API ---- */

void *ou_mem_alloc(size_t n) {
    void *p = gc_alloc(n);
    if (!p) ou_err_nomemory();
    return p;
}

void *ou_mem_realloc(void *p, size_t n) {
    void *q = gc_realloc(p, n);
    if (!q) ou_err_nomemory();
    return q;
}

void ou_mem_free(void *p) { gc_free(p); }

OuObject *gc_obj_resize(OuObject *o, size_t n) {
    if (gc_memstats) gc_memstats_note(o->type, o, -1);
    OuObject *r = gc_realloc(o, n);
    if (gc_memstats) gc_memstats_note(o->type, r ? r : o, 1);
    if (!r) ou_err_nomemory();
    return r;
}

int64_t gc_bytes_in_use(void) { return gc_mem_in_use; }

void gc_alloc_get_stats(GcAllocStats *out) {
    out->bytes_in_use = gc_mem_in_use;
    out->peak_bytes = peak_in_use;
    out->arenas_held = arenas_held;
    out->arenas_peak = arenas_peak;
    out->arenas_returned = arenas_returned;
    out->pages_returned = pages_returned;
    out->pools = gc_pools_on;
}

/* Pools are decided before main runs (and before any allocation): OURO_MALLOC=1 asks for
 * plain malloc, and so does running under valgrind (it preloads its vgpreload library), so
 * that memcheck sees every object; OURO_MALLOC=0 keeps the pools even there (callgrind). */
__attribute__((constructor)) static void alloc_init(void) {
    for (unsigned i = 0, c = 0; i <= SMALL_MAX / 8; i++) {
        while (class_size[c] < i * 8) c++;
        gc_class_of[i] = (uint8_t)c;
    }
    const char *m = getenv("OURO_MALLOC");
    const char *pre = getenv("LD_PRELOAD");
    if (m && *m) gc_pools_on = OU_USE_POOLS && strcmp(m, "0") == 0;
    else if (pre && strstr(pre, "vgpreload")) gc_pools_on = false;
    const char *s = getenv("OURO_MEMSTATS");
    if (s && *s && strcmp(s, "0")) gc_memstats = true;
}

/* ---- -X memstats: bytes by type ---- */

bool gc_memstats;

/* An open-addressed table keyed by type; the name is copied because a heap type may be freed
 * before the report. When the table is full, further types are counted under "(other)". */
#define NTYPESTATS 1024
typedef struct {
    const OuType *type;
    char name[48];
    int64_t bytes, count, peak;
} TypeStat;
static TypeStat typestats[NTYPESTATS];
static TypeStat other = {NULL, "(other)", 0, 0, 0};

static TypeStat *typestat(const OuType *t) {
    size_t i = ((uintptr_t)t >> 4) & (NTYPESTATS - 1);
    for (size_t probe = 0; probe < NTYPESTATS / 2; probe++, i = (i + 1) & (NTYPESTATS - 1)) {
        TypeStat *s = &typestats[i];
        if (s->type == t) return s;
        if (!s->type) {
            s->type = t;
            snprintf(s->name, sizeof s->name, "%s", t->name ? t->name : "?");
            return s;
        }
    }
    return &other;
}

void gc_memstats_note(const OuType *t, const void *block, int sign) {
    TypeStat *s = typestat(t);
    s->bytes += sign * (int64_t)gc_block_size(block);
    s->count += sign;
    if (s->bytes > s->peak) s->peak = s->bytes;
}

static int cmp_stat(const void *a, const void *b) {
    const TypeStat *x = *(TypeStat *const *)a, *y = *(TypeStat *const *)b;
    if (x->peak != y->peak) return x->peak < y->peak ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void print_bytes(FILE *f, const char *label, int64_t n) {
    fprintf(f, "  %-26s %14lld bytes (%.1f MiB)\n", label, (long long)n, n / 1048576.0);
}

void gc_memstats_print(void) {
    FILE *f = stderr;
    GcAllocStats a;
    gc_alloc_get_stats(&a);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(f, "ouro memstats (allocator: %s)\n", a.pools ? "pools" : "malloc");
    print_bytes(f, "bytes in use", a.bytes_in_use);
    print_bytes(f, "peak bytes in use", a.peak_bytes);
    print_bytes(f, "peak RSS", (int64_t)ru.ru_maxrss * 1024);
    fprintf(f, "  %-26s %14lld (peak %lld, returned %lld; %lld pages returned)\n", "arenas held",
            (long long)a.arenas_held, (long long)a.arenas_peak, (long long)a.arenas_returned,
            (long long)a.pages_returned);
    GcGenStats gs[GC_NGENS];
    gc_get_stats(gs);
    fprintf(f, "  %-26s %lld / %lld / %lld\n", "collections (gen 0/1/2)",
            (long long)gs[0].collections, (long long)gs[1].collections,
            (long long)gs[2].collections);
    GcPauseStats ps;
    gc_get_pause_stats(&ps);
    fprintf(f, "  %-26s %.3f ms total, %.3f ms worst (%lld collections)\n", "collector pauses",
            ps.total * 1e3, ps.worst * 1e3, (long long)ps.count);
    TypeStat *rows[NTYPESTATS + 1];
    int n = 0;
    for (int i = 0; i < NTYPESTATS; i++)
        if (typestats[i].type && typestats[i].peak) rows[n++] = &typestats[i];
    if (other.peak) rows[n++] = &other;
    qsort(rows, (size_t)n, sizeof rows[0], cmp_stat);
    fprintf(f, "  %-26s %14s %10s %14s\n", "objects by type", "bytes", "count", "peak bytes");
    for (int i = 0; i < n; i++)
        fprintf(f, "    %-24s %14lld %10lld %14lld\n", rows[i]->name, (long long)rows[i]->bytes,
                (long long)rows[i]->count, (long long)rows[i]->peak);
}
