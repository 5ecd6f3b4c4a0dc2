/* demo.h: the interface of demo/, the tools that make the heap visible: `ouro --step FILE`
 * (run a script one top-level statement at a time and draw the heap after each), `ouro --demo`
 * (the same over the scenes embedded from examples/) and the heap inspection the built-in
 * objgraph module (stdlib/mod_objgraph.c) shares with them. Prefix demo_.
 *
 * Everything here only reads the heap: no function takes or drops a reference to a program
 * object (refcounts shown are the program's own), none allocates tracked objects, none runs
 * Python code (a user __repr__ is never called; labels are built from the object layouts).
 */
#ifndef OU_DEMO_H
#define OU_DEMO_H

#include <stdio.h>

#include "ouro.h"

/* `ouro --step [options] FILE [args]` and `ouro --demo [options]`: argv[0] is "--step" or
 * "--demo". Initializes and finalizes the runtime itself; returns the exit status. */
int demo_main(int argc, char **argv);

/* ---- a map from object addresses to a 64-bit value (open addressing, linear probing) ----
 * Invariant: slots[i].obj == NULL marks an empty slot; n <= (mask + 1) / 2 after every put;
 * mask + 1 is a power of two (or slots is NULL while the map is empty). */
typedef struct {
    const OuObject *obj;
    int64_t val;
} DemoSlot;
typedef struct {
    DemoSlot *slots;
    int64_t mask, n;
} DemoMap;

int64_t *demo_map_get(const DemoMap *m, const OuObject *o); /* NULL when absent */
int demo_map_put(DemoMap *m, const OuObject *o, int64_t val); /* 0, or -1 out of memory */
void demo_map_free(DemoMap *m);

/* A growable array of object pointers (borrowed: nothing here owns the objects). */
typedef struct {
    OuObject **items;
    int64_t n, cap;
} DemoVec;
int demo_vec_push(DemoVec *v, OuObject *o); /* 0 / -1 */
void demo_vec_free(DemoVec *v);

/* ---- heap inspection (demo/heap.c) ---- */

/* Every tracked object, in gc_foreach order, into `all` (and `index` maps each to its position
 * in `all` when index is not NULL). 0 / -1 (out of memory). */
int demo_heap_snapshot(DemoVec *all, DemoMap *index);

/* Trial deletion over the tracked heap, read-only: the objects of `all` (a snapshot) that are
 * alive but unreachable from anything outside the tracked heap (the stack, C globals, the
 * module registry): garbage cycles and what only they reach, in `all`'s order. 0 / -1. */
int demo_heap_unreachable(const DemoVec *all, DemoVec *out);

/* A labelled reference from one object to another (or to an atom such as a str or an int).
 * label: ".name" for an instance attribute (its __dict__ folded into the instance), "[0]"
 * for a sequence item, "['k']" for a dict value, "key" for a dict key or set member,
 * "__func__"/"__self__" for a bound method, "" when the type only offers traverse. */
typedef struct {
    char label[40];
    Value v; /* borrowed */
} DemoEdge;

/* The references held by v, up to max of them into out; returns how many there are in all
 * (which may exceed max). folddict: an instance's __dict__ is shown as its attributes. */
int demo_referents(Value v, DemoEdge *out, int max, bool folddict);

/* The instance dict of v when v's type has one and it is a dict, else OU_UNDEF (borrowed). */
Value demo_instance_dict(Value v);

/* True for the objects drawn as a one-line reference rather than as a node of the graph:
 * modules, classes, functions and code (the program's definitions, not its data). */
bool demo_is_definition(Value v);

/* True for a tuple whose items can never be part of a cycle (atoms, such tuples): the
 * collector may untrack it, so it is shown by value like an atom. */
bool demo_tuple_of_atoms(Value v);

/* A short label for v, e.g. "Person 'John'", "list [1, 2, 3]", "class Person", "int 5",
 * "str 'abc'": at most about `max` display columns, written to buf (size n). Never runs Python
 * code and never fails (it falls back to the type name). */
void demo_label(Value v, char *buf, size_t n, int max);
/* The value alone for atoms ("'John'", "5", "None"), else the label. */
void demo_value_text(Value v, char *buf, size_t n, int max);

/* Terminal columns taken by a UTF-8 string (East Asian wide characters count two). */
int demo_width(const char *s);
/* Copy s into buf (size n) cut to at most max columns, ending in "…" when cut. */
void demo_fit(char *buf, size_t n, const char *s, int max);

/* ---- a growable text buffer, written to stdout in one go ---- */
typedef struct {
    char *s;
    size_t len, cap;
} DemoBuf;
void demo_buf_add(DemoBuf *b, const char *s, size_t n);
void demo_buf_puts(DemoBuf *b, const char *s);
void demo_buf_printf(DemoBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void demo_buf_free(DemoBuf *b);

/* ---- drawing (demo/draw.c) ---- */

/* One node of a drawn graph. lines[0] is the title ("@1 Person 'John'"), lines[1] the
 * refcount/generation line, the others its fields (".name = 'John'", ".friend ──▶ @2");
 * target[i] is the index in the node array that field i points to, or -1. */
#define DEMO_BOX_LINES 12
typedef struct {
    char names[64];                 /* the program's names for it, "" when none */
    char lines[DEMO_BOX_LINES][96];
    int target[DEMO_BOX_LINES];
    char elabel[DEMO_BOX_LINES][40]; /* the reference's name (".friend") when target >= 0 */
    int nlines;
    bool garbage;                   /* drawn with a dashed border */
} DemoBox;

typedef struct {
    bool ascii;  /* +-| and -> instead of box drawing and arrows */
    bool color;  /* ANSI colours */
    int width;   /* terminal columns */
} DemoStyle;

/* Draw boxes[0..n) as rows of boxes that fit style->width, with arrows between neighbours
 * that refer to each other, the names above the boxes they point to. */
void demo_draw_boxes(DemoBuf *b, const DemoBox *boxes, int n, const DemoStyle *style);

/* Graphviz: nodes are boxes[0..n) (named n<i>), edges the fields with a target. */
void demo_write_dot(FILE *f, const char *title, const DemoBox *boxes, int n);

#endif
