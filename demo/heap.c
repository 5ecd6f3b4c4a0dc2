/* heap.c: read-only inspection of the heap for `ouro --step`, `ouro --demo` and objgraph:
 * snapshots of the tracked objects, a trial deletion that finds the unreachable ones without
 * collecting them, labelled references, short labels, and the small containers all of demo/
 * uses (an address map, an object vector, a text buffer).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "demo.h"
#include "gc.h"

/* ---- address map ---- */

static uint64_t hash_ptr(const OuObject *o) {
    uint64_t x = (uint64_t)(uintptr_t)o;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

int64_t *demo_map_get(const DemoMap *m, const OuObject *o) {
    if (!m->slots) return NULL;
    for (uint64_t i = hash_ptr(o) & (uint64_t)m->mask;; i = (i + 1) & (uint64_t)m->mask) {
        if (m->slots[i].obj == o) return &m->slots[i].val;
        if (!m->slots[i].obj) return NULL;
    }
}

static int map_grow(DemoMap *m) {
    int64_t cap = m->slots ? (m->mask + 1) * 2 : 64;
    DemoSlot *s = calloc((size_t)cap, sizeof *s);
    if (!s) return -1;
    DemoMap nm = {s, cap - 1, 0};
    for (int64_t i = 0; m->slots && i <= m->mask; i++)
        if (m->slots[i].obj) {
            uint64_t j = hash_ptr(m->slots[i].obj) & (uint64_t)nm.mask;
            while (s[j].obj) j = (j + 1) & (uint64_t)nm.mask;
            s[j] = m->slots[i];
            nm.n++;
        }
    free(m->slots);
    *m = nm;
    return 0;
}

int demo_map_put(DemoMap *m, const OuObject *o, int64_t val) {
    if ((!m->slots || (m->n + 1) * 2 > m->mask + 1) && map_grow(m) < 0) return -1;
    uint64_t i = hash_ptr(o) & (uint64_t)m->mask;
    while (m->slots[i].obj && m->slots[i].obj != o) i = (i + 1) & (uint64_t)m->mask;
    if (!m->slots[i].obj) m->n++;
    m->slots[i].obj = o;
    m->slots[i].val = val;
    return 0;
}

void demo_map_free(DemoMap *m) {
    free(m->slots);
    m->slots = NULL;
    m->mask = m->n = 0;
}

int demo_vec_push(DemoVec *v, OuObject *o) {
    if (v->n == v->cap) {
        int64_t cap = v->cap ? v->cap * 2 : 256;
        OuObject **p = realloc(v->items, (size_t)cap * sizeof *p);
        if (!p) return -1;
        v->items = p;
        v->cap = cap;
    }
    v->items[v->n++] = o;
    return 0;
}

void demo_vec_free(DemoVec *v) {
    free(v->items);
    v->items = NULL;
    v->n = v->cap = 0;
}

/* ---- text buffer ---- */

void demo_buf_add(DemoBuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (b->len + n + 1 > cap) cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) return; /* output is best effort: a line lost is not worth failing the run */
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void demo_buf_puts(DemoBuf *b, const char *s) { demo_buf_add(b, s, strlen(s)); }

void demo_buf_printf(DemoBuf *b, const char *fmt, ...) {
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof tmp) n = sizeof tmp - 1;
    demo_buf_add(b, tmp, (size_t)n);
}

void demo_buf_free(DemoBuf *b) {
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ---- snapshots and trial deletion ---- */

typedef struct {
    DemoVec *all;
    DemoMap *index;
    int failed;
} SnapCtx;

static void snap_one(OuObject *o, void *arg) {
    SnapCtx *c = arg;
    if (c->failed) return;
    if (c->index && demo_map_put(c->index, o, c->all->n) < 0) c->failed = 1;
    if (demo_vec_push(c->all, o) < 0) c->failed = 1;
}

int demo_heap_snapshot(DemoVec *all, DemoMap *index) {
    SnapCtx c = {all, index, 0};
    gc_foreach(snap_one, &c);
    return c.failed ? -1 : 0;
}

/* Scratch state of one trial deletion: refs[i] belongs to all->items[i]. */
typedef struct {
    DemoMap index;
    int64_t *refs;
    char *reached;
    DemoVec stack;
    int failed;
} TrialCtx;

static int visit_subtract(OuObject *child, void *arg) {
    TrialCtx *t = arg;
    int64_t *i = demo_map_get(&t->index, child);
    if (i) t->refs[*i]--;
    return 0;
}

static int visit_reach(OuObject *child, void *arg) {
    TrialCtx *t = arg;
    int64_t *i = demo_map_get(&t->index, child);
    if (i && !t->reached[*i]) {
        t->reached[*i] = 1;
        if (demo_vec_push(&t->stack, child) < 0) t->failed = 1;
    }
    return 0;
}

int demo_heap_unreachable(const DemoVec *all, DemoVec *out) {
    TrialCtx t = {{0}, NULL, NULL, {0}, 0};
    int64_t n = all->n;
    t.refs = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
    t.reached = calloc((size_t)(n ? n : 1), 1);
    if (!t.refs || !t.reached) goto fail;
    for (int64_t i = 0; i < n; i++) {
        if (demo_map_put(&t.index, all->items[i], i) < 0) goto fail;
        t.refs[i] = all->items[i]->rc;
    }
    /* What remains of each count after the references from other tracked objects are taken
     * away comes from outside the tracked heap: those objects are the roots. */
    for (int64_t i = 0; i < n; i++) {
        OuObject *o = all->items[i];
        if (o->type->traverse) o->type->traverse(o, visit_subtract, &t);
    }
    for (int64_t i = 0; i < n && !t.failed; i++) {
        if (t.refs[i] <= 0 || t.reached[i]) continue;
        t.reached[i] = 1;
        if (demo_vec_push(&t.stack, all->items[i]) < 0) goto fail;
        while (t.stack.n > 0 && !t.failed) {
            OuObject *o = t.stack.items[--t.stack.n];
            if (o->type->traverse) o->type->traverse(o, visit_reach, &t);
        }
    }
    if (t.failed) goto fail;
    for (int64_t i = 0; i < n; i++)
        if (!t.reached[i] && demo_vec_push(out, all->items[i]) < 0) goto fail;
    free(t.refs);
    free(t.reached);
    demo_map_free(&t.index);
    demo_vec_free(&t.stack);
    return 0;
fail:
    free(t.refs);
    free(t.reached);
    demo_map_free(&t.index);
    demo_vec_free(&t.stack);
    return -1;
}

/* ---- labelled references ---- */

Value demo_instance_dict(Value v) {
    if (!IS_OBJ(v)) return OU_UNDEF;
    OuType *t = AS_OBJ(v)->type;
    if (!(t->flags & OU_TPFLAG_HEAPTYPE) || t->dictoffset <= 0) return OU_UNDEF;
    Value d = *(Value *)((char *)AS_OBJ(v) + t->dictoffset);
    return IS_DICT(d) ? d : OU_UNDEF;
}

bool demo_is_definition(Value v) {
    if (!IS_OBJ(v)) return false;
    OuType *t = AS_OBJ(v)->type;
    return t == &ou_function_type || t == &ou_cfunction_type || t == &ou_module_type ||
           t == &ou_code_type || t == &ou_staticmethod_type || t == &ou_classmethod_type ||
           t == &ou_property_type || ou_is_subtype(t, &ou_type_type);
}

static bool is_atom(Value v) {
    return !IS_OBJ(v) || IS_STR(v) || IS_BOXINT(v) || ou_is_type(v, &ou_float_type);
}

typedef struct {
    DemoEdge *out;
    int max, n;
    const char *label;
} EdgeCtx;

static void edge_add(EdgeCtx *c, const char *label, Value v) {
    if (c->n < c->max) {
        snprintf(c->out[c->n].label, sizeof c->out[c->n].label, "%s", label);
        c->out[c->n].v = v;
    }
    c->n++;
}

static int visit_edge(OuObject *child, void *arg) {
    EdgeCtx *c = arg;
    edge_add(c, c->label, MK_OBJ(child));
    return 0;
}

int demo_referents(Value v, DemoEdge *out, int max, bool folddict) {
    EdgeCtx c = {out, max, 0, ""};
    if (!IS_OBJ(v)) return 0;
    OuObject *o = AS_OBJ(v);
    OuType *t = o->type;
    char label[40], key[32];
    Value d = demo_instance_dict(v);
    if (folddict && (t->flags & OU_TPFLAG_HEAPTYPE) && !ou_is_subtype(t, &ou_type_type) &&
        (t->base == &ou_object_type || !t->base)) {
        /* A plain instance: its attributes (its class is not data, so not an edge). */
        int64_t pos = 0;
        Value k, val;
        while (!IS_UNDEF(d) && ou_dict_next(d, &pos, &k, &val)) {
            if (IS_STR(k)) {
                demo_fit(key, sizeof key, ou_str_data(k), 30);
                snprintf(label, sizeof label, ".%s", key);
            } else {
                snprintf(label, sizeof label, "[…]");
            }
            edge_add(&c, label, val);
        }
        return c.n;
    }
    if (t == &ou_list_type || t == &ou_tuple_type) {
        int64_t n = t == &ou_list_type ? AS_LIST(v)->len : AS_TUPLE(v)->len;
        Value *items = t == &ou_list_type ? AS_LIST(v)->items : AS_TUPLE(v)->items;
        for (int64_t i = 0; i < n; i++) {
            snprintf(label, sizeof label, "[%lld]", (long long)i);
            edge_add(&c, label, items[i]);
        }
        return c.n;
    }
    if (t == &ou_dict_type) {
        int64_t pos = 0;
        Value k, val;
        while (ou_dict_next(v, &pos, &k, &val)) {
            if (is_atom(k)) {
                demo_value_text(k, key, sizeof key, 24);
                snprintf(label, sizeof label, "[%s]", key);
            } else {
                edge_add(&c, "key", k);
                snprintf(label, sizeof label, "[…]");
            }
            edge_add(&c, label, val);
        }
        return c.n;
    }
    if (t == &ou_set_type || t == &ou_frozenset_type) {
        int64_t pos = 0;
        Value k;
        while (ou_set_next(v, &pos, &k)) edge_add(&c, "item", k);
        return c.n;
    }
    if (t == &ou_cell_type) {
        if (!IS_UNDEF(((OuCell *)o)->v)) edge_add(&c, "cell_contents", ((OuCell *)o)->v);
        return c.n;
    }
    if (t == &ou_method_type) {
        edge_add(&c, "__func__", ((OuMethod *)o)->func);
        edge_add(&c, "__self__", ((OuMethod *)o)->self);
        return c.n;
    }
    if (ou_is_subtype(t, &ou_weakref_type)) c.label = "__callback__";
    if (t->traverse) t->traverse(o, visit_edge, &c);
    return c.n;
}

/* ---- labels ---- */

static const char *type_name(OuType *t) { return t->name ? t->name : "object"; }

void demo_value_text(Value v, char *buf, size_t n, int max) {
    char tmp[128];
    if (IS_NONE(v)) {
        snprintf(buf, n, "None");
    } else if (IS_BOOL(v)) {
        snprintf(buf, n, "%s", v == OU_TRUE ? "True" : "False");
    } else if (IS_SMALLINT(v)) {
        snprintf(tmp, sizeof tmp, "%lld", (long long)AS_SMALLINT(v));
        demo_fit(buf, n, tmp, max);
    } else if (IS_FLOAT(v) || IS_STR(v) || IS_BOXINT(v)) {
        /* The builtin reprs of str, int and float are C code; they allocate only untracked atoms.
         * With an exception already pending the repr is not attempted, so it is never lost. */
        bool pending = ou_err_occurred();
        Value r = pending ? OU_ERR : ou_repr(v);
        if (IS_ERR(r)) {
            if (!pending) ou_err_clear(); /* our own failure (out of memory): not the program's */
            if (IS_STR(v)) snprintf(tmp, sizeof tmp, "'%s'", ou_str_data(v));
            else if (IS_BOXINT(v)) snprintf(tmp, sizeof tmp, "int");
            else snprintf(tmp, sizeof tmp, "%.17g", AS_FLOAT(v));
            demo_fit(buf, n, tmp, max);
            return;
        }
        demo_fit(buf, n, ou_str_data(r), max);
        ou_decref(r);
    } else {
        demo_label(v, buf, n, max);
    }
}

bool demo_tuple_of_atoms(Value v) {
    if (!IS_TUPLE(v)) return false;
    for (int64_t i = 0; i < AS_TUPLE(v)->len; i++)
        if (gc_may_be_tracked(AS_TUPLE(v)->items[i])) return false;
    return true;
}

/* "[1, 2, <Person>]": atoms by value, objects by type name, cut to max columns. */
static void preview(Value v, char *buf, size_t n, int max) {
    DemoBuf b = {0};
    const char *open = "[", *close = "]";
    OuType *t = ou_typeof(v);
    if (t == &ou_tuple_type) open = "(", close = ")";
    if (t == &ou_dict_type || t == &ou_set_type || t == &ou_frozenset_type) open = "{", close = "}";
    demo_buf_puts(&b, open);
    DemoEdge e[8];
    int total = demo_referents(v, e, 8, false);
    char item[64], key[64];
    for (int i = 0; i < total && i < 8; i++) {
        if (t == &ou_dict_type && e[i].label[0] == '[') {
            /* the label holds the key's text between brackets */
            snprintf(key, sizeof key, "%.*s", (int)strlen(e[i].label) - 2, e[i].label + 1);
            demo_buf_puts(&b, key);
            demo_buf_puts(&b, ": ");
        } else if (t == &ou_dict_type) {
            continue;
        }
        if (is_atom(e[i].v) || IS_NONE(e[i].v))
            demo_value_text(e[i].v, item, sizeof item, 20);
        else if (demo_tuple_of_atoms(e[i].v))
            preview(e[i].v, item, sizeof item, 20); /* a tuple of atoms, by value */
        else
            snprintf(item, sizeof item, "<%s>", type_name(ou_typeof(e[i].v)));
        demo_buf_puts(&b, item);
        if (i + 1 < total) demo_buf_puts(&b, ", ");
        if (b.len > (size_t)max * 4) break;
    }
    if (total > 8) demo_buf_puts(&b, "…");
    if (t == &ou_tuple_type && total == 1) demo_buf_puts(&b, ",");
    demo_buf_puts(&b, close);
    if (t == &ou_set_type && total == 0) snprintf(buf, n, "set()");
    else demo_fit(buf, n, b.s ? b.s : "", max);
    demo_buf_free(&b);
}

void demo_label(Value v, char *buf, size_t n, int max) {
    char tmp[160], inner[128];
    OuType *t = ou_typeof(v);
    if (!IS_OBJ(v) || IS_STR(v) || IS_BOXINT(v)) {
        demo_value_text(v, inner, sizeof inner, max);
        if (IS_NONE(v)) snprintf(tmp, sizeof tmp, "None");
        else snprintf(tmp, sizeof tmp, "%s %s", type_name(t), inner);
    } else if (ou_is_subtype(t, &ou_type_type)) {
        snprintf(tmp, sizeof tmp, "class %s", type_name(AS_TYPE(v)));
    } else if (t == &ou_function_type) {
        Value q = ((OuFunction *)AS_OBJ(v))->qualname;
        snprintf(tmp, sizeof tmp, "function %s", IS_STR(q) ? ou_str_data(q) : "?");
    } else if (t == &ou_cfunction_type) {
        snprintf(tmp, sizeof tmp, "builtin %s", ((OuCFunction *)AS_OBJ(v))->name);
    } else if (t == &ou_module_type) {
        Value nm = ((OuModule *)AS_OBJ(v))->name;
        snprintf(tmp, sizeof tmp, "module %s", IS_STR(nm) ? ou_str_data(nm) : "?");
    } else if (t == &ou_list_type || t == &ou_tuple_type || t == &ou_dict_type ||
               t == &ou_set_type || t == &ou_frozenset_type) {
        preview(v, inner, sizeof inner, max > 8 ? max - (int)strlen(type_name(t)) - 1 : 8);
        snprintf(tmp, sizeof tmp, "%s %s", type_name(t), inner);
    } else if (ou_is_subtype(t, &ou_weakref_type)) {
        Value r = ou_weakref_referent(v);
        if (IS_NONE(r)) {
            snprintf(tmp, sizeof tmp, "weakref (dead)");
        } else {
            demo_label(r, inner, sizeof inner, 40);
            snprintf(tmp, sizeof tmp, "weakref to %s", inner);
        }
    } else if (t == &ou_staticmethod_type || t == &ou_classmethod_type) {
        Value f = ((OuStaticMethod *)AS_OBJ(v))->func;
        Value q = ou_is_type(f, &ou_function_type) ? ((OuFunction *)AS_OBJ(f))->qualname : OU_UNDEF;
        snprintf(tmp, sizeof tmp, "%s %s", type_name(t), IS_STR(q) ? ou_str_data(q) : "?");
    } else if (t == &ou_method_type) {
        Value f = ((OuMethod *)AS_OBJ(v))->func;
        Value q = ou_is_type(f, &ou_function_type) ? ((OuFunction *)AS_OBJ(f))->qualname : OU_UNDEF;
        snprintf(tmp, sizeof tmp, "method %s", IS_STR(q) ? ou_str_data(q) : "?");
    } else {
        /* An instance: its type, and its `name` attribute when that is a str, which is what
         * tells the Persons of the demo apart. */
        Value d = demo_instance_dict(v);
        Value nm = IS_UNDEF(d) ? OU_UNDEF : ou_dict_get_str(d, "name");
        if (IS_STR(nm)) {
            demo_value_text(nm, inner, sizeof inner, 24);
            snprintf(tmp, sizeof tmp, "%s %s", type_name(t), inner);
        } else {
            snprintf(tmp, sizeof tmp, "%s", type_name(t));
        }
    }
    demo_fit(buf, n, tmp, max);
}

/* ---- display width ---- */

static int cp_width(uint32_t c) {
    if (c == 0) return 0;
    if ((c >= 0x300 && c <= 0x36F) || c == 0x200B || (c >= 0xFE00 && c <= 0xFE0F)) return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
        (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
        (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

/* Decodes one UTF-8 sequence at s (length in *len); invalid bytes count as one column. */
static uint32_t decode(const unsigned char *s, int *len) {
    if (s[0] < 0x80) { *len = 1; return s[0]; }
    if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
        (s[3] & 0xC0) == 0x80) {
        *len = 4;
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *len = 1;
    return '?';
}

int demo_width(const char *s) {
    int w = 0, len;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        if (*p == 0x1B) { /* ANSI colour sequences take no columns */
            while (*p && *p != 'm') p++;
            if (*p) p++;
            continue;
        }
        w += cp_width(decode(p, &len));
        p += len;
    }
    return w;
}

void demo_fit(char *buf, size_t n, const char *s, int max) {
    if (n == 0) return;
    const unsigned char *p = (const unsigned char *)s;
    size_t out = 0;
    int w = 0, len;
    if (demo_width(s) <= max) {
        snprintf(buf, n, "%s", s);
        return;
    }
    while (*p) {
        int cw = cp_width(decode(p, &len));
        if (w + cw > max - 1 || out + (size_t)len + 4 > n) break;
        memcpy(buf + out, p, (size_t)len);
        out += (size_t)len;
        w += cw;
        p += len;
    }
    memcpy(buf + out, "…", 4); /* "…" is three bytes of UTF-8 and the NUL */
}
