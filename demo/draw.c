/* draw.c: the heap as boxes and arrows in a terminal, and as Graphviz.
 *
 * A box is drawn as a column of text rows:
 *   row 0        the program's names for the object ("john")
 *   row 1        an arrow down from the names
 *   row 2        top border
 *   rows 3..     one row per line of the box (title, refcount/generation, fields)
 *   last row     bottom border
 * Boxes are laid side by side while they fit the width, with a gap between neighbours in
 * which a field row that refers to the neighbour gets an arrow: "───────▶" left to right,
 * "◀───────" right to left, "◀──────▶" when both refer to each other on the same row. The
 * John ⇄ Mary cycle is thus drawn as two boxes with arrows both ways.
 */
#include <stdio.h>
#include <stdlib.h>

#include "demo.h"

#define GAP 9 /* columns between two boxes of a row */

typedef struct {
    const char *h, *v, *tl, *tr, *bl, *br, *right, *left, *both, *down;
} Glyphs;

static const Glyphs solid_utf8 = {"─", "│", "┌", "┐", "└", "┘",
                                  " ──────▶ ", " ◀────── ", " ◀─────▶ ", "▼"};
static const Glyphs dashed_utf8 = {"╌", "╎", "┌", "┐", "└", "┘",
                                   " ──────▶ ", " ◀────── ", " ◀─────▶ ", "▼"};
static const Glyphs solid_ascii = {"-", "|", "+", "+", "+", "+",
                                   " ------> ", " <------ ", " <-----> ", "v"};
static const Glyphs dashed_ascii = {".", ":", "+", "+", "+", "+",
                                    " ------> ", " <------ ", " <-----> ", "v"};

static void pad(DemoBuf *b, int n) {
    for (int i = 0; i < n; i++) demo_buf_add(b, " ", 1);
}

static void repeat(DemoBuf *b, const char *s, int n) {
    for (int i = 0; i < n; i++) demo_buf_puts(b, s);
}

static int box_width(const DemoBox *x) {
    int w = 0;
    for (int k = 0; k < x->nlines; k++) {
        int lw = demo_width(x->lines[k]);
        if (lw > w) w = lw;
    }
    return w + 4;
}

/* Appends row r of box x (exactly w columns) to b. */
static void box_row(DemoBuf *b, const DemoBox *x, int r, int w, const DemoStyle *st) {
    const Glyphs *g = st->ascii ? (x->garbage ? &dashed_ascii : &solid_ascii)
                                : (x->garbage ? &dashed_utf8 : &solid_utf8);
    const char *on = st->color ? (x->garbage ? "\033[31m" : "\033[36m") : "";
    const char *off = st->color ? "\033[0m" : "";
    char names[80];
    if (r == 0) {
        demo_fit(names, sizeof names, x->names, w);
        demo_buf_puts(b, names);
        pad(b, w - demo_width(names));
    } else if (r == 1) {
        if (x->names[0]) {
            pad(b, 1);
            demo_buf_puts(b, g->down);
            pad(b, w - 2);
        } else {
            pad(b, w);
        }
    } else if (r == 2 || r == x->nlines + 3) {
        demo_buf_puts(b, on);
        demo_buf_puts(b, r == 2 ? g->tl : g->bl);
        repeat(b, g->h, w - 2);
        demo_buf_puts(b, r == 2 ? g->tr : g->br);
        demo_buf_puts(b, off);
    } else if (r < x->nlines + 3) {
        const char *line = x->lines[r - 3];
        demo_buf_puts(b, on);
        demo_buf_puts(b, g->v);
        demo_buf_puts(b, off);
        pad(b, 1);
        if (r == 3 && st->color) demo_buf_puts(b, "\033[1m");
        demo_buf_puts(b, line);
        if (r == 3 && st->color) demo_buf_puts(b, "\033[0m");
        pad(b, w - 3 - demo_width(line));
        demo_buf_puts(b, on);
        demo_buf_puts(b, g->v);
        demo_buf_puts(b, off);
    } else {
        pad(b, w);
    }
}

static void trim_line(DemoBuf *b, size_t start) {
    while (b->len > start && b->s[b->len - 1] == ' ') b->len--;
    if (b->s) b->s[b->len] = 0;
}

void demo_draw_boxes(DemoBuf *b, const DemoBox *boxes, int n, const DemoStyle *st) {
    int first = 0;
    int avail = st->width - 2 > 20 ? st->width - 2 : 20;
    while (first < n) {
        /* The boxes [first, last) make one visual row. */
        int last = first, used = 0, height = 0;
        while (last < n) {
            int w = box_width(&boxes[last]);
            if (last > first && used + GAP + w > avail) break;
            used += (last > first ? GAP : 0) + w;
            if (boxes[last].nlines + 4 > height) height = boxes[last].nlines + 4;
            last++;
        }
        bool named = false;
        for (int i = first; i < last; i++) named = named || boxes[i].names[0];
        for (int r = named ? 0 : 2; r < height; r++) {
            size_t start = b->len;
            pad(b, 2);
            for (int i = first; i < last; i++) {
                int w = box_width(&boxes[i]);
                box_row(b, &boxes[i], r, w, st);
                if (i + 1 == last) break;
                const Glyphs *g = st->ascii ? &solid_ascii : &solid_utf8;
                int k = r - 3;
                bool right = k >= 0 && k < boxes[i].nlines && boxes[i].target[k] == i + 1;
                bool left = k >= 0 && k < boxes[i + 1].nlines && boxes[i + 1].target[k] == i;
                if (right || left) {
                    if (st->color) demo_buf_puts(b, "\033[33m");
                    demo_buf_puts(b, right && left ? g->both : right ? g->right : g->left);
                    if (st->color) demo_buf_puts(b, "\033[0m");
                } else {
                    pad(b, GAP);
                }
            }
            trim_line(b, start);
            demo_buf_puts(b, "\n");
        }
        first = last;
    }
}

static void dot_string(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        if (*s == '\n') {
            fputs("\\n", f);
            continue;
        }
        fputc(*s, f);
    }
    fputc('"', f);
}

void demo_write_dot(FILE *f, const char *title, const DemoBox *boxes, int n) {
    fputs("digraph ", f);
    dot_string(f, title);
    fputs(" {\n  node [shape=box, style=filled, fillcolor=white, fontname=\"monospace\"];\n", f);
    for (int i = 0; i < n; i++) {
        const DemoBox *x = &boxes[i];
        char label[DEMO_BOX_LINES * 100];
        size_t len = 0;
        label[0] = 0;
        for (int k = 0; k < x->nlines; k++)
            len += (size_t)snprintf(label + len, sizeof label - len, "%s%s", k ? "\n" : "",
                                    x->lines[k]);
        fprintf(f, "  n%d [label=", i);
        dot_string(f, label);
        if (x->garbage) fputs(", style=\"filled,dashed\", fillcolor=\"#ffe0e0\"", f);
        fputs("];\n", f);
        if (x->names[0]) {
            fprintf(f, "  name%d [shape=plaintext, style=\"\", label=", i);
            dot_string(f, x->names);
            fprintf(f, "];\n  name%d -> n%d;\n", i, i);
        }
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < boxes[i].nlines; k++)
            if (boxes[i].target[k] >= 0) {
                fprintf(f, "  n%d -> n%d [label=", i, boxes[i].target[k]);
                dot_string(f, boxes[i].elabel[k]);
                fputs("];\n", f);
            }
    fputs("}\n", f);
}
