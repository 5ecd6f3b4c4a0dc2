/* step.c: `ouro --step FILE` and `ouro --demo`: run a script one top-level statement at a
 * time and show, after each, what happened to the heap.
 *
 * How a script is stepped: the whole file is compiled once (so a syntax error anywhere stops
 * it before anything runs, as a normal run would), then parsed to find where each top-level
 * statement starts. Each statement's source slice is compiled on its own, preceded by as many
 * newlines as there are lines above it so that line numbers in tracebacks stay those of the
 * file, and run in one shared __main__ namespace. Statements sharing a line (`a = 1; b = 2`)
 * make one step.
 *
 * What the stepper knows about objects (the registry):
 * - Every tracked object alive when a script starts gets OU_GCF_OBSERVED ("old"); so does
 *   every object the stepper numbers. An object without the bit is therefore new since the
 *   last step, even at the address of an object that died (addresses are reused).
 * - Numbered objects (@1, @2, ... in order of first appearance) have a record with their last
 *   label and refcount; `numbered` maps their address to the record while they live. A record
 *   whose address is no longer tracked, or is tracked without the bit, belongs to an object
 *   that was freed.
 * - The stepper never holds a reference to a program object: the refcounts it shows are the
 *   program's own.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "ast.h"
#include "demo.h"
#include "gc.h"
#include "interp.h"
#include "demo_scenes.h"

#define MAX_NODES 24    /* nodes drawn per step; the rest are counted */
#define MAX_GARBAGE 12

typedef struct {
    const OuObject *obj; /* compared, never dereferenced once the record is dead */
    int num;
    uint32_t rc;
    bool live;
    char label[64];
} Rec;

typedef struct {
    DemoStyle style;
    bool pause;         /* wait for a key before each step */
    int key_fd;         /* where keys come from, -1 for none */
    const char *dotdir; /* --dot DIR, or NULL */
    bool quit;
    Rec *recs;
    int nrecs, caprecs;
    DemoMap numbered;   /* address -> index in recs, for live numbered objects */
    int dotstep;        /* steps written to dotdir so far */
    DemoBuf out;
    /* The collection being observed, if any. */
    bool in_step;
    bool gc_quiet;
    int64_t gc_candidates;
    int gc_gen;
    bool gc_shown;      /* the outcome of the running collection was reported */
    DemoBuf gcbuf;      /* the candidates and gc_refs lines, until the outcome is known */
} Stepper;

static Stepper S;

/* ---- output ---- */

static const char *col(const char *code) { return S.style.color ? code : ""; }
#define C_OFF col("\033[0m")
#define C_DIM col("\033[2m")
#define C_BOLD col("\033[1m")
#define C_GREEN col("\033[32m")
#define C_RED col("\033[31m")
#define C_YELLOW col("\033[33m")
#define C_CYAN col("\033[36m")

/* Writes the buffered narration after whatever the program printed, so both appear in the
 * order they happened. */
static void flush_out(void) {
    ou_stdout_flush();
    fflush(stdout);
    size_t off = 0;
    while (off < S.out.len) {
        ssize_t w = write(1, S.out.s + off, S.out.len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            break;
        }
        off += (size_t)w;
    }
    S.out.len = 0;
    if (S.out.s) S.out.s[0] = 0;
}

static void rule(const char *title) {
    int w = S.style.width < 100 ? S.style.width : 100;
    demo_buf_printf(&S.out, "%s%s %s ", C_BOLD, S.style.ascii ? "==" : "━━", title);
    int used = demo_width(title) + 4;
    for (int i = used; i < w; i++) demo_buf_puts(&S.out, S.style.ascii ? "=" : "━");
    demo_buf_printf(&S.out, "%s\n", C_OFF);
}

/* ---- the registry ---- */

static Rec *rec_of(const OuObject *o) {
    if (!(o->gcflags & OU_GCF_OBSERVED)) return NULL;
    int64_t *i = demo_map_get(&S.numbered, o);
    return i && *i >= 0 && S.recs[*i].live ? &S.recs[*i] : NULL;
}

/* The record of o, numbering it if needed; *created is set when it is new since the last
 * step. NULL only when out of memory. */
static Rec *rec_number(OuObject *o, bool *created) {
    Rec *r = rec_of(o);
    *created = false;
    if (r) return r;
    if (S.nrecs == S.caprecs) {
        int cap = S.caprecs ? S.caprecs * 2 : 64;
        Rec *p = realloc(S.recs, sizeof *p * (size_t)cap);
        if (!p) return NULL;
        S.recs = p;
        S.caprecs = cap;
    }
    if (demo_map_put(&S.numbered, o, S.nrecs) < 0) return NULL;
    *created = !(o->gcflags & OU_GCF_OBSERVED);
    o->gcflags |= OU_GCF_OBSERVED;
    r = &S.recs[S.nrecs++];
    r->obj = o;
    r->num = S.nrecs;
    r->rc = o->rc;
    r->live = true;
    demo_label(MK_OBJ(o), r->label, sizeof r->label, 40);
    return r;
}

static void mark_old(OuObject *o, void *ctx) {
    (void)ctx;
    o->gcflags |= OU_GCF_OBSERVED;
}

static void registry_reset(void) {
    S.nrecs = 0;
    demo_map_free(&S.numbered);
    gc_foreach(mark_old, NULL);
}

/* ---- the heap after a step ---- */

/* The objects drawn as nodes: tracked data. A tuple of atoms is shown by value instead: the
 * collector may untrack it at any collection (it can never be part of a cycle), after which
 * the stepper could not tell it from a freed object. */
static bool is_node(Value v) {
    if (!IS_OBJ(v)) return false;
    OuObject *o = AS_OBJ(v);
    if (!(o->gcflags & OU_GCF_TRACKED) || (o->gcflags & OU_GCF_IMMORTAL) || demo_is_definition(v))
        return false;
    return !demo_tuple_of_atoms(v);
}

typedef struct {
    DemoBox *boxes;
    OuObject **objs;
    int n, cap;
} Graph;

static int graph_find(const Graph *g, const OuObject *o) {
    for (int i = 0; i < g->n; i++)
        if (g->objs[i] == o) return i;
    return -1;
}

static int graph_add(Graph *g, OuObject *o, bool garbage) {
    if (g->n == g->cap) {
        int cap = g->cap ? g->cap * 2 : 16;
        DemoBox *b = realloc(g->boxes, sizeof *b * (size_t)cap);
        if (!b) return -1;
        g->boxes = b;
        OuObject **p = realloc(g->objs, sizeof *p * (size_t)cap);
        if (!p) return -1;
        g->objs = p;
        g->cap = cap;
    }
    memset(&g->boxes[g->n], 0, sizeof g->boxes[g->n]);
    g->boxes[g->n].garbage = garbage;
    g->objs[g->n] = o;
    return g->n++;
}

/* Fills the fields of box i from the object's references; objects that become nodes are
 * appended to the graph when `grow` (breadth-first order, which numbers them). */
static void fill_box(Graph *g, int i, bool grow, int limit) {
    OuObject *o = g->objs[i];
    DemoEdge e[DEMO_BOX_LINES];
    int total = demo_referents(MK_OBJ(o), e, DEMO_BOX_LINES, true);
    int shown = total < DEMO_BOX_LINES - 2 ? total : DEMO_BOX_LINES - 3;
    bool created;
    Rec *r = rec_number(o, &created);
    DemoBox *b = &g->boxes[i];
    char val[64];
    snprintf(b->lines[0], sizeof b->lines[0], "@%d %s", r ? r->num : 0, r ? r->label : "?");
    int gen = gc_generation_of(o);
    snprintf(b->lines[1], sizeof b->lines[1], "refcount %u · gen %d", o->rc, gen);
    if (S.style.ascii)
        snprintf(b->lines[1], sizeof b->lines[1], "refcount %u, gen %d", o->rc, gen);
    b->target[0] = b->target[1] = -1;
    b->nlines = 2;
    /* A list, tuple, dict or set shows its atoms in its title: only references are fields. */
    bool atoms_in_title = IS_UNDEF(demo_instance_dict(MK_OBJ(o)));
    if (ou_is_subtype(o->type, &ou_weakref_type)) {
        /* A weak reference: drawn to its referent, which it does not keep alive. */
        Value ref = ou_weakref_referent(MK_OBJ(o));
        int line = b->nlines++;
        b->target[line] = -1;
        Rec *tr = IS_OBJ(ref) ? rec_of(AS_OBJ(ref)) : NULL;
        if (IS_NONE(ref)) {
            snprintf(b->lines[line], sizeof b->lines[line], "dead: calling it gives None");
        } else if (tr) {
            snprintf(b->lines[line], sizeof b->lines[line], "weakly %s @%d (not counted)",
                     S.style.ascii ? "..>" : "┄┄▶", tr->num);
            b->target[line] = graph_find(g, AS_OBJ(ref));
            snprintf(b->elabel[line], sizeof b->elabel[line], "weak");
        } else {
            demo_label(ref, val, sizeof val, 30);
            snprintf(b->lines[line], sizeof b->lines[line], "weakly %s %s",
                     S.style.ascii ? "..>" : "┄┄▶", val);
        }
    }
    for (int k = 0; k < shown; k++) {
        Value v = e[k].v;
        if (atoms_in_title && !IS_OBJ(v)) continue;
        if (atoms_in_title && !is_node(v) && !demo_is_definition(v)) continue;
        int line = b->nlines++;
        b->target[line] = -1;
        const char *lab = e[k].label[0] ? e[k].label : "·"; /* a reference without a name */
        if (S.style.ascii && !e[k].label[0]) lab = "*";
        if (is_node(v)) {
            int t = graph_find(g, AS_OBJ(v));
            if (t < 0 && grow && g->n < limit) t = graph_add(g, AS_OBJ(v), b->garbage);
            b = &g->boxes[i]; /* graph_add may move the boxes */
            Rec *tr = rec_number(AS_OBJ(v), &created);
            snprintf(b->lines[line], sizeof b->lines[line], "%.39s %s @%d", lab,
                     S.style.ascii ? "->" : "──▶", tr ? tr->num : 0);
            b->target[line] = t;
            snprintf(b->elabel[line], sizeof b->elabel[line], "%.39s", e[k].label);
        } else {
            demo_value_text(v, val, sizeof val, 32);
            snprintf(b->lines[line], sizeof b->lines[line], "%.39s = %.50s", lab, val);
        }
    }
    if (total > shown) {
        int line = b->nlines++;
        b->target[line] = -1;
        snprintf(b->lines[line], sizeof b->lines[line], "… %d more", total - shown);
    }
}

static bool is_dunder(Value k) {
    if (!IS_STR(k)) return true;
    const char *s = ou_str_data(k);
    size_t n = strlen(s);
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
}

/* Appends a name to the names line of box i. */
static void box_name(DemoBox *b, const char *name) {
    size_t n = strlen(b->names);
    snprintf(b->names + n, sizeof b->names - n, "%s%s", n ? ", " : "", name);
}

static void write_dot(const char *title, const Graph *g) {
    if (!S.dotdir) return;
    char path[4096];
    mkdir(S.dotdir, 0777);
    snprintf(path, sizeof path, "%s/step-%03d.dot", S.dotdir, ++S.dotstep);
    FILE *f = fopen(path, "w");
    if (!f) {
        demo_buf_printf(&S.out, "  (cannot write %s: %s)\n", path, strerror(errno));
        return;
    }
    demo_write_dot(f, title, g->boxes, g->n);
    fclose(f);
}

/* Draws boxes[from, to) of g on their own, with targets made relative. */
static void draw_part(const Graph *g, int from, int to) {
    if (to <= from) return;
    DemoBox *part = malloc(sizeof *part * (size_t)(to - from));
    if (!part) return;
    for (int i = from; i < to; i++) {
        part[i - from] = g->boxes[i];
        for (int k = 0; k < part[i - from].nlines; k++) {
            int t = part[i - from].target[k];
            part[i - from].target[k] = t >= from && t < to ? t - from : -1;
        }
    }
    demo_draw_boxes(&S.out, part, to - from, &S.style);
    free(part);
}

static void report(Value globals, const char *title) {
    DemoVec all = {0}, unreach = {0};
    DemoMap index = {0};
    Graph g = {0};
    if (demo_heap_snapshot(&all, &index) < 0 || demo_heap_unreachable(&all, &unreach) < 0) {
        demo_buf_puts(&S.out, "  (out of memory inspecting the heap)\n");
        goto done;
    }
    int before = S.nrecs;
    /* Freed: numbered objects whose address is gone or now holds a new object. */
    for (int i = 0; i < S.nrecs; i++) {
        Rec *r = &S.recs[i];
        if (!r->live) continue;
        if (!demo_map_get(&index, r->obj) || !(r->obj->gcflags & OU_GCF_OBSERVED)) {
            r->live = false;
            int64_t *slot = demo_map_get(&S.numbered, r->obj);
            if (slot && *slot == i) *slot = -1;
            demo_buf_printf(&S.out, "  %s- @%d %s freed%s\n", C_RED, r->num, r->label, C_OFF);
        }
    }

    for (int i = 0; i < S.nrecs; i++)
        if (S.recs[i].live)
            demo_label(MK_OBJ((OuObject *)S.recs[i].obj), S.recs[i].label, sizeof S.recs[i].label, 40);

    /* The graph: breadth-first from the program's names, in the order they were bound. */
    DemoBuf names = {0}, defs = {0};
    int64_t pos = 0;
    Value k, v;
    char text[96];
    while (ou_dict_next(globals, &pos, &k, &v)) {
        if (is_dunder(k)) continue;
        if (is_node(v)) {
            int i = graph_find(&g, AS_OBJ(v));
            if (i < 0 && g.n < MAX_NODES) i = graph_add(&g, AS_OBJ(v), false);
            if (i >= 0) box_name(&g.boxes[i], ou_str_data(k));
            bool created;
            Rec *r = rec_number(AS_OBJ(v), &created);
            demo_buf_printf(&names, "%s%s %s @%d %s\n", names.len ? "          " : "",
                            ou_str_data(k), S.style.ascii ? "->" : "→", r ? r->num : 0,
                            r ? r->label : "");
        } else if (demo_is_definition(v)) {
            demo_label(v, text, sizeof text, 40);
            demo_buf_printf(&defs, "%s%s (%s)", defs.len ? ", " : "", ou_str_data(k), text);
        } else {
            demo_value_text(v, text, sizeof text, 40);
            demo_buf_printf(&names, "%s%s %s %s\n", names.len ? "          " : "",
                            ou_str_data(k), S.style.ascii ? "->" : "→", text);
        }
    }
    for (int i = 0; i < g.n; i++) fill_box(&g, i, true, MAX_NODES);
    int ngraph = g.n;

    /* Garbage: unreachable objects the program made, less what belongs to a garbage
     * instance (its __dict__) or to a garbage definition (a class's dict and mro). */
    DemoMap hidden = {0};
    for (int64_t i = 0; i < unreach.n; i++) {
        Value u = MK_OBJ(unreach.items[i]);
        Value d = demo_instance_dict(u);
        if (IS_OBJ(d)) demo_map_put(&hidden, AS_OBJ(d), 1);
        if (demo_is_definition(u)) {
            DemoEdge e[64];
            int n = demo_referents(u, e, 64, false);
            for (int j = 0; j < n && j < 64; j++)
                if (IS_OBJ(e[j].v)) demo_map_put(&hidden, AS_OBJ(e[j].v), 1);
        }
    }
    int ngarbage = 0, moregarbage = 0;
    for (int64_t i = 0; i < unreach.n; i++) {
        OuObject *o = unreach.items[i];
        if (!is_node(MK_OBJ(o)) || demo_map_get(&hidden, o)) continue;
        if ((o->gcflags & OU_GCF_OBSERVED) && !rec_of(o)) continue; /* older than the script */
        if (graph_find(&g, o) >= 0) continue;
        if (ngarbage >= MAX_GARBAGE) {
            moregarbage++;
            continue;
        }
        graph_add(&g, o, true);
        ngarbage++;
    }
    for (int i = ngraph; i < g.n; i++) fill_box(&g, i, false, 0);
    demo_map_free(&hidden);

    /* Created and refcount changes, in number order. */
    for (int i = 0; i < S.nrecs; i++) {
        Rec *r = &S.recs[i];
        if (!r->live) continue;
        OuObject *o = (OuObject *)r->obj;
        if (i >= before) {
            demo_buf_printf(&S.out, "  %s+ @%d %s created, refcount %u%s\n", C_GREEN, r->num,
                            r->label, o->rc, C_OFF);
        } else if (o->rc != r->rc) {
            demo_buf_printf(&S.out, "  %s~ @%d %s: refcount %u %s %u%s\n", C_YELLOW, r->num,
                            r->label, r->rc, S.style.ascii ? "->" : "→", o->rc, C_OFF);
        }
        r->rc = o->rc;
    }
    /* Labels may have changed (an attribute set): redo the titles. */
    for (int i = 0; i < g.n; i++) {
        Rec *r = rec_of(g.objs[i]);
        if (r) snprintf(g.boxes[i].lines[0], sizeof g.boxes[i].lines[0], "@%d %s", r->num, r->label);
    }

    demo_buf_printf(&S.out, "  %snames%s   %s", C_CYAN, C_OFF, names.len ? names.s : "(none)\n");
    if (defs.len) demo_buf_printf(&S.out, "  %sdefined%s %s\n", C_CYAN, C_OFF, defs.s);
    demo_buf_free(&names);
    demo_buf_free(&defs);
    if (ngraph) draw_part(&g, 0, ngraph);
    if (g.n > ngraph) {
        demo_buf_printf(&S.out, "  %sgarbage waiting for the collector%s (alive, unreachable "
                        "from any name):\n", C_RED, C_OFF);
        draw_part(&g, ngraph, g.n);
        if (moregarbage) demo_buf_printf(&S.out, "  … and %d more\n", moregarbage);
    }
    write_dot(title, &g);
done:
    free(g.boxes);
    free(g.objs);
    demo_vec_free(&all);
    demo_vec_free(&unreach);
    demo_map_free(&index);
}

/* ---- the collector's phases ---- */

static void list_ours(OuObject **objs, const int64_t *refs, int64_t n) {
    int64_t others = 0;
    bool any = false;
    for (int64_t i = 0; i < n; i++) {
        Rec *r = objs ? rec_of(objs[i]) : NULL;
        if (!r) {
            others++;
            continue;
        }
        demo_buf_printf(&S.out, "%s@%d %s", any ? ", " : " ", r->num, r->label);
        if (refs) demo_buf_printf(&S.out, " gc_refs=%lld", (long long)refs[i]);
        any = true;
    }
    if (others) demo_buf_printf(&S.out, "%s%lld other%s", any ? " + " : " ", (long long)others,
                                others == 1 ? "" : "s");
    demo_buf_puts(&S.out, "\n");
}

/* Freed objects may already be gone: they are only looked up by address. */
static void list_freed(OuObject **objs, int64_t n) {
    int64_t others = 0;
    bool any = false;
    for (int64_t i = 0; i < n; i++) {
        int64_t *slot = objs ? demo_map_get(&S.numbered, objs[i]) : NULL;
        if (!slot || *slot < 0 || !S.recs[*slot].live) {
            others++;
            continue;
        }
        Rec *r = &S.recs[*slot];
        demo_buf_printf(&S.out, "%s@%d %s", any ? ", " : " ", r->num, r->label);
        any = true;
    }
    if (others) demo_buf_printf(&S.out, "%s%lld other%s", any ? " + " : " ", (long long)others,
                                others == 1 ? "" : "s");
    demo_buf_puts(&S.out, "\n");
}

static void on_gc(int phase, OuObject **objs, const int64_t *refs, int64_t n, void *ctx) {
    (void)ctx;
    if (!S.in_step) return;
    const char *p = S.style.ascii ? "  gc |" : "  gc ┆";
    switch (phase) {
    case GC_PHASE_START:
        S.gcbuf.len = 0;
        S.gc_shown = false;
        S.gc_quiet = false;
        S.gc_candidates = 0;
        S.gc_gen = (int)n;
        return;
    case GC_PHASE_CANDIDATES:
        S.gc_candidates = n;
        return;
    case GC_PHASE_SUBTRACTED:
        /* Kept until the unreachable set is known: a collection that finds nothing of the
         * program's is not shown, unless it is a full one (gc.collect()). */
        S.gcbuf.len = 0;
        demo_buf_printf(&S.gcbuf, "%s%s collecting generation %d: %lld tracked objects are "
                        "candidates%s\n", C_DIM, p, S.gc_gen,
                        (long long)(S.gc_candidates ? S.gc_candidates : n), C_OFF);
        if (refs && objs) {
            int64_t shown = 0;
            for (int64_t i = 0; i < n; i++) {
                Rec *r = rec_of(objs[i]);
                if (!r) continue;
                if (!shown)
                    demo_buf_printf(&S.gcbuf, "%s%s after subtracting the references among "
                                    "candidates:", C_DIM, p);
                demo_buf_printf(&S.gcbuf, "%s @%d gc_refs=%lld", shown ? "," : "", r->num,
                                (long long)refs[i]);
                shown++;
            }
            if (shown) demo_buf_printf(&S.gcbuf, "%s\n", C_OFF);
        }
        return;
    case GC_PHASE_UNREACHABLE: {
        S.gc_shown = true;
        bool ours = false;
        for (int64_t i = 0; i < n && objs && !ours; i++)
            ours = rec_of(objs[i]) || !(objs[i]->gcflags & OU_GCF_OBSERVED);
        if (!ours) {
            S.gc_quiet = true;
            if (S.gc_gen == 2 && S.gcbuf.len) {
                demo_buf_add(&S.out, S.gcbuf.s, S.gcbuf.len);
                demo_buf_printf(&S.out, "%s nothing unreachable%s\n", p,
                                n ? " that the program made" : "");
                break;
            }
            return;
        }
        if (S.gcbuf.len) demo_buf_add(&S.out, S.gcbuf.s, S.gcbuf.len);
        demo_buf_printf(&S.out, "%s%s unreachable (gc_refs 0, not reached from outside):", C_RED, p);
        list_ours(objs, NULL, n);
        demo_buf_puts(&S.out, C_OFF);
        bool weak = false;
        for (int64_t i = 0; i < n && objs && !weak; i++) weak = objs[i]->gcflags & OU_GCF_WEAKREFS;
        if (weak)
            demo_buf_printf(&S.out, "%s clearing the weak references to them, then calling "
                            "the callbacks of those outside the set:\n", p);
        break;
    }
    case GC_PHASE_WEAKREFS:
        /* Reported before the finalizers run, so that their output follows. */
        if (S.gc_quiet) return;
        {
            /* The ones whose __del__ is about to run (at most once in an object's life). */
            static Value del_name = OU_UNDEF;
            if (IS_UNDEF(del_name)) del_name = ou_str_intern("__del__");
            DemoBuf dels = {0};
            for (int64_t i = 0; i < n && objs && !IS_ERR(del_name); i++) {
                Rec *r = rec_of(objs[i]);
                if (!r || (objs[i]->gcflags & OU_GCF_FINALIZED)) continue;
                if (IS_UNDEF(ou_type_lookup(objs[i]->type, del_name))) continue;
                demo_buf_printf(&dels, "%s @%d %s", dels.len ? "," : "", r->num, r->label);
            }
            if (dels.len) demo_buf_printf(&S.out, "%s calling __del__ of:%s\n", p, dels.s);
            demo_buf_free(&dels);
        }
        break;
    case GC_PHASE_FINALIZERS:
        return;
    case GC_PHASE_RESURRECTED:
        if (S.gc_quiet || n == 0) return;
        demo_buf_printf(&S.out, "%s resurrected by a finalizer, kept alive:", p);
        list_ours(objs, NULL, n);
        break;
    case GC_PHASE_FREED:
        if (S.gc_quiet || n == 0) return;
        demo_buf_printf(&S.out, "%s%s freed:", C_RED, p);
        list_freed(objs, n);
        demo_buf_puts(&S.out, C_OFF);
        break;
    case GC_PHASE_DONE:
        /* A full collection (gc.collect()) that found nothing says so. */
        if (S.gc_shown || S.gc_gen != 2 || !S.gcbuf.len) return;
        demo_buf_add(&S.out, S.gcbuf.s, S.gcbuf.len);
        demo_buf_printf(&S.out, "%s nothing unreachable\n", p);
        break;
    default:
        return;
    }
    flush_out();
}

/* ---- keys ---- */

static const char help_text[] =
    "  Enter  run the next statement\n"
    "  c      run to the end without stopping\n"
    "  q      quit\n"
    "  ?      this help\n";

/* One key press without waiting for Enter; EOF reads as 'c', an interrupt as 'q'. */
static int read_key(void) {
    struct termios saved, raw;
    bool tty = tcgetattr(S.key_fd, &saved) == 0;
    if (tty) {
        raw = saved;
        raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        tcsetattr(S.key_fd, TCSANOW, &raw);
    }
    unsigned char c = 0;
    ssize_t n = read(S.key_fd, &c, 1);
    if (tty) tcsetattr(S.key_fd, TCSANOW, &saved);
    if (n == 0) return 'c';
    if (n < 0 || vm.interrupted) {
        vm.interrupted = 0;
        return 'q';
    }
    return c;
}

/* Waits for the user's choice before a step; false when they quit. */
static bool wait_key(void) {
    if (!S.pause) return true;
    for (;;) {
        demo_buf_printf(&S.out, "%s  [Enter] run · c: run to the end · q: quit · ?: help %s",
                        C_DIM, C_OFF);
        flush_out();
        int c = read_key();
        demo_buf_puts(&S.out, "\r\033[K");
        if (c == '\r' || c == '\n' || c == ' ') break;
        if (c == 'c' || c == 'C') {
            S.pause = false;
            break;
        }
        if (c == 'q' || c == 'Q' || c == 3 || c == 4) {
            demo_buf_puts(&S.out, "  (quit)\n");
            flush_out();
            S.quit = true;
            return false;
        }
        if (c == '?' || c == 'h') demo_buf_puts(&S.out, help_text);
    }
    flush_out();
    return true;
}

/* ---- stepping a script ---- */

typedef struct {
    int start, end; /* first and last line of the statement(s), 1-based */
} Chunk;

static int stmt_start(const PsNode *s) {
    int line = s->line;
    for (int i = 0; i < s->decorators.n; i++)
        if (s->decorators.items[i]->line < line) line = s->decorators.items[i]->line;
    return line;
}

/* Line starts: lines[i] is the offset of line i + 1; nlines lines. */
typedef struct {
    const char *src;
    size_t len;
    size_t *off;
    int n;
} Lines;

static const char *line_at(const Lines *L, int line, size_t *len) {
    size_t a = L->off[line - 1];
    size_t b = line < L->n ? L->off[line] : L->len;
    while (b > a && (L->src[b - 1] == '\n' || L->src[b - 1] == '\r')) b--;
    *len = b - a;
    return L->src + a;
}

static bool is_code_line(const Lines *L, int line) {
    size_t n;
    const char *s = line_at(L, line, &n);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    return i < n && s[i] != '#';
}

static bool is_narration(const Lines *L, int line) {
    size_t n;
    const char *s = line_at(L, line, &n);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    return n - i >= 2 && s[i] == '#' && s[i + 1] == ':';
}

/* Runs one compiled step; false when the program ended (exception or SystemExit). */
static bool run_chunk(const Lines *L, const Chunk *c, int cend, const char *filename,
                      Value globals, int *status) {
    size_t pre = (size_t)(c->start - 1);
    size_t a = L->off[c->start - 1];
    size_t b = cend < L->n ? L->off[cend] : L->len;
    char *buf = malloc(pre + (b - a) + 2);
    if (!buf) {
        ou_err_nomemory();
        *status = vm_handle_uncaught();
        return false;
    }
    memset(buf, '\n', pre);
    memcpy(buf + pre, L->src + a, b - a);
    buf[pre + (b - a)] = '\n';
    buf[pre + (b - a) + 1] = 0;
    Value code = vm_compile(buf, pre + (b - a) + 1, filename, "exec", NULL);
    free(buf);
    if (IS_ERR(code)) {
        *status = vm_handle_uncaught();
        return false;
    }
    S.in_step = true;
    Value r = vm_run_code((OuCode *)AS_OBJ(code), globals, globals);
    S.in_step = false;
    ou_decref(code);
    if (IS_ERR(r)) {
        *status = vm_handle_uncaught();
        return false;
    }
    ou_decref(r);
    return true;
}

static Value new_main(const char *file) {
    Value m = ou_module_new("__main__");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value bmod = ou_dict_get_str(vm.modules, "builtins");
    Value f = ou_str_cstr(file);
    if (IS_ERR(f) || ou_dict_set_str(d, "__builtins__", IS_OBJ(bmod) ? bmod : vm.builtins) < 0 ||
        ou_dict_set_str(d, "__file__", f) < 0 || ou_dict_set_str(vm.modules, "__main__", m) < 0) {
        ou_xdecref(f);
        ou_decref(m);
        return OU_ERR;
    }
    ou_decref(f);
    return m;
}

/* Clears a finished script's namespace as the interpreter's exit does (names with one
 * leading underscore first, then the others, in insertion order), letting finalizers run in
 * the same order as in a plain run, and so that the next scene starts without leftovers. */
static void drop_main(Value m) {
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    for (int pass = 0; pass < 2; pass++) {
        Value keys = ou_dict_keys_list(d);
        if (IS_ERR(keys)) break;
        for (int64_t i = 0; i < AS_LIST(keys)->len; i++) {
            Value k = AS_LIST(keys)->items[i];
            if (is_dunder(k)) continue;
            const char *s = ou_str_data(k);
            if ((pass == 0) != (s[0] == '_' && s[1] != '_')) continue;
            if (ou_dict_set(d, k, OU_NONE) < 0) ou_err_clear();
        }
        ou_decref(keys);
    }
    ou_err_clear();
    ou_decref(m);
    gc_collect(2);
    ou_err_clear();
    ou_stdout_flush();
}

/* Steps through one script; returns the exit status (0, 1, SystemExit's code). */
static int step_source(const char *src, size_t len, const char *filename) {
    /* A syntax error anywhere stops the script before anything runs. */
    Value whole = vm_compile(src, len, filename, "exec", NULL);
    if (IS_ERR(whole)) return vm_handle_uncaught();
    ou_decref(whole);
    PsArena *arena = ps_arena_new();
    PsResult res;
    memset(&res, 0, sizeof res);
    if (ps_parse(arena, src, len, filename, "exec", &res) < 0 || !res.module) {
        ps_arena_free(arena);
        fprintf(stderr, "ouro: cannot parse %s\n", filename);
        return 1;
    }
    Lines L = {src, len, NULL, 0};
    L.off = malloc(sizeof(size_t) * (len + 2));
    if (!L.off) {
        ps_arena_free(arena);
        return 1;
    }
    L.off[L.n++] = 0;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n' && i + 1 < len) L.off[L.n++] = i + 1;
    PsList *body = &res.module->body;
    Chunk *chunks = malloc(sizeof(Chunk) * (size_t)(body->n + 1));
    int nchunks = 0;
    for (int i = 0; chunks && i < body->n; i++) {
        int start = stmt_start(body->items[i]);
        if (nchunks && chunks[nchunks - 1].start >= start) continue; /* same line */
        chunks[nchunks++].start = start;
    }
    ps_arena_free(arena);
    if (!chunks) {
        free(L.off);
        return 1;
    }
    for (int i = 0; i < nchunks; i++) {
        int next = i + 1 < nchunks ? chunks[i + 1].start : L.n + 1;
        int end = next - 1;
        while (end > chunks[i].start && !is_code_line(&L, end)) end--;
        chunks[i].end = end;
    }

    int status = 0;
    Value m = new_main(filename);
    if (IS_ERR(m)) {
        free(chunks);
        free(L.off);
        return vm_handle_uncaught();
    }
    Value globals = ((OuModule *)AS_OBJ(m))->dict;
    registry_reset();
    /* The drawings show each instance's __dict__, as the heap model of the demo has it. */
    if (ou_instances_use_dicts() < 0) ou_err_clear();
    gc_set_observer(on_gc, NULL);
    for (int i = 0; i < nchunks && !S.quit; i++) {
        Chunk *c = &chunks[i];
        char title[160];
        if (c->end > c->start)
            snprintf(title, sizeof title, "step %d of %d · lines %d-%d", i + 1, nchunks, c->start,
                     c->end);
        else
            snprintf(title, sizeof title, "step %d of %d · line %d", i + 1, nchunks, c->start);
        if (S.style.ascii)
            for (char *t = strstr(title, "·"); t; t = strstr(title, "·")) memmove(t + 1, t + 2, strlen(t + 2) + 1), t[0] = '-';
        demo_buf_puts(&S.out, "\n");
        rule(title);
        int first = c->start;
        while (first > 1 && is_narration(&L, first - 1)) first--;
        for (int ln = first; ln < c->start; ln++) {
            size_t n;
            const char *s = line_at(&L, ln, &n);
            while (n && (*s == ' ' || *s == '\t')) s++, n--;
            s += 2, n -= 2;
            if (n && *s == ' ') s++, n--;
            demo_buf_printf(&S.out, "  %s%.*s%s\n", C_CYAN, (int)n, s, C_OFF);
        }
        for (int ln = c->start; ln <= c->end; ln++) {
            size_t n;
            const char *s = line_at(&L, ln, &n);
            demo_buf_printf(&S.out, "  %s%4d %s%s %.*s\n", C_DIM, ln, S.style.ascii ? "|" : "│",
                            C_OFF, (int)n, s);
        }
        if (!wait_key()) break;
        flush_out();
        bool ok = run_chunk(&L, c, i + 1 < nchunks ? chunks[i + 1].start - 1 : L.n, filename,
                            globals, &status);
        ou_stdout_flush();
        if (!ok) break;
        report(globals, title);
        flush_out();
    }
    gc_set_observer(NULL, NULL);
    free(chunks);
    free(L.off);
    drop_main(m);
    flush_out();
    return status;
}

/* ---- the command line ---- */

static const char step_usage[] =
    "usage: ouro --step [--no-pause] [--ascii] [--dot DIR] FILE [arg] ...\n"
    "       ouro --demo [--no-pause] [--ascii] [--dot DIR]\n"
    "Runs FILE one top-level statement at a time and draws the heap after each.\n"
    "  --no-pause  do not wait for a key between steps (also when stdout is not a terminal)\n"
    "  --ascii     draw with ASCII instead of box-drawing characters\n"
    "  --dot DIR   also write DIR/step-NNN.dot (Graphviz) for every step\n"
    "Keys: Enter = next step, c = run to the end, q = quit, ? = help.\n"
    "Colour is used on a terminal unless NO_COLOR is set.\n";

static int terminal_width(void) {
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20) return ws.ws_col;
    const char *c = getenv("COLUMNS");
    int n = c ? atoi(c) : 0;
    return n >= 20 ? n : 80;
}

int demo_main(int argc, char **argv) {
    bool demo = !strcmp(argv[0], "--demo");
    bool no_pause = false;
    int i = 1;
    memset(&S, 0, sizeof S);
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--no-pause")) {
            no_pause = true;
        } else if (!strcmp(a, "--ascii")) {
            S.style.ascii = true;
        } else if (!strcmp(a, "--dot")) {
            if (i + 1 >= argc) {
                fputs("Argument expected for the --dot option\n", stderr);
                return 2;
            }
            S.dotdir = argv[++i];
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(step_usage, stdout);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "Unknown option: %s\n", a);
            fputs(step_usage, stderr);
            return 2;
        } else {
            break;
        }
    }
    if (!demo && i >= argc) {
        fputs(step_usage, stderr);
        return 2;
    }
    const char *nc = getenv("NO_COLOR");
    S.style.color = isatty(1) && !(nc && nc[0]);
    S.style.width = terminal_width();
    S.key_fd = isatty(0) ? 0 : -1;
    S.pause = !no_pause && isatty(1) && S.key_fd >= 0;

    static char demo_arg0[] = "examples/person_friend.py";
    char *demo_argv[] = {demo_arg0, NULL};
    int status = 0;
    if (demo) {
        if (vm_init(1, demo_argv) < 0) return 1;
        int nscenes = (int)(sizeof demo_scenes / sizeof demo_scenes[0]);
        for (int s = 0; s < nscenes && !S.quit && status == 0; s++) {
            char title[200];
            snprintf(title, sizeof title, "Scene %d of %d: %s", s + 1, nscenes, demo_scenes[s].path);
            demo_buf_puts(&S.out, "\n");
            rule(title);
            demo_buf_puts(&S.out, "\n");
            flush_out();
            status = step_source(demo_scenes[s].text, strlen(demo_scenes[s].text),
                                 demo_scenes[s].path);
        }
        if (!S.quit) {
            demo_buf_puts(&S.out, "\n");
            rule("end of the demo: run any script with  ouro --step FILE");
        }
    } else {
        const char *path = argv[i];
        if (vm_init(argc - i, argv + i) < 0) return 1;
        size_t len;
        char *src = vm_read_file(path, &len);
        if (!src) {
            fprintf(stderr, "ouro: can't open file '%s': [Errno %d] %s\n", path, errno,
                    strerror(errno));
            vm_finalize();
            return 2;
        }
        status = step_source(src, len, path);
        free(src);
        if (!S.quit && status == 0) rule("end of the program");
    }
    flush_out();
    vm_finalize();
    fflush(stdout);
    demo_buf_free(&S.out);
    demo_buf_free(&S.gcbuf);
    free(S.recs);
    demo_map_free(&S.numbered);
    return status;
}
