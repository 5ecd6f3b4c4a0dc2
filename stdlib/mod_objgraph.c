/* mod_objgraph.c: `objgraph`, built in: the names and arguments of the popular objgraph
 * package (count, typestats, most_common_types, show_most_common_types, growth, show_growth,
 * by_type, find_backref_chain, find_ref_chain, show_refs, show_backrefs, is_proper_module,
 * get_leaking_objects), walking the collector's tracked objects as objgraph walks
 * gc.get_objects().
 *
 * show_refs/show_backrefs draw the graph as text when no filename is given, write Graphviz
 * for a .dot filename, and render .png/.svg (any other extension) through the `dot` program
 * when it is installed. Labels and edges come from demo/ (demo.h), the heap inspection that
 * `ouro --step` uses, so no user __repr__ runs while a graph is built.
 */
#include <errno.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "demo.h"
#include "gc.h"
#include "ouro.h"

extern char **environ;

static Value peak_stats = OU_UNDEF; /* growth()'s default peak_stats dict, as objgraph's {} */

/* ---- type names ---- */

static Value short_typename(Value v) { return ou_str_cstr(ou_typeof(v)->name); }

static Value long_typename(Value v) {
    OuType *t = ou_typeof(v);
    Value mod = t->module;
    if (t->flags & OU_TPFLAG_HEAPTYPE) {
        Value m = IS_DICT(t->dict) ? ou_dict_get_str(t->dict, "__module__") : OU_UNDEF;
        if (IS_STR(m)) mod = m;
    }
    if (IS_STR(mod)) return ou_str_printf("%U.%s", mod, t->name);
    return ou_str_printf("builtins.%s", t->name);
}

/* ---- the objects: gc.get_objects() as a list (holding references while Python code such
 * as a filter runs) ---- */

static void push_obj(OuObject *o, void *ctx) { demo_vec_push(ctx, o); }

static Value get_objects(void) {
    DemoVec v = {0};
    gc_foreach(push_obj, &v);
    Value l = ou_list_new(v.n);
    if (IS_ERR(l)) {
        demo_vec_free(&v);
        return OU_ERR;
    }
    for (int64_t i = 0; i < v.n; i++) ou_list_set_steal(l, i, ou_newref(MK_OBJ(v.items[i])));
    demo_vec_free(&v);
    return l;
}

/* objects given, or every tracked object: a new list (or other iterable turned into one). */
static Value objects_arg(Value objects) {
    if (IS_UNDEF(objects) || IS_NONE(objects)) return get_objects();
    return ou_sequence_list(objects);
}

static Value typestats_impl(Value objects, bool shortnames, Value filter) {
    Value objs = objects_arg(objects);
    if (IS_ERR(objs)) return OU_ERR;
    Value stats = ou_dict_new();
    if (IS_ERR(stats)) goto fail;
    for (int64_t i = 0; i < AS_LIST(objs)->len; i++) {
        Value o = AS_LIST(objs)->items[i];
        if (!IS_UNDEF(filter) && !IS_NONE(filter)) {
            Value r = ou_call1(filter, o);
            if (IS_ERR(r)) goto fail;
            int t = ou_truthy(r);
            ou_decref(r);
            if (t < 0) goto fail;
            if (!t) continue;
        }
        Value name = shortnames ? short_typename(o) : long_typename(o);
        if (IS_ERR(name)) goto fail;
        Value old = ou_dict_get(stats, name);
        int64_t n = 0;
        if (!IS_UNDEF(old) && !IS_ERR(old)) ou_int_value(old, &n);
        int r = ou_dict_set(stats, name, MK_SMALLINT(n + 1));
        ou_decref(name);
        if (r < 0) goto fail;
    }
    ou_decref(objs);
    return stats;
fail:
    ou_decref(objs);
    ou_xdecref(stats);
    return OU_ERR;
}

static int truth_arg(Value v, bool dflt) {
    if (IS_UNDEF(v)) return dflt;
    return ou_truthy(v);
}

static Value m_typestats(Value *args, int nargs, Value kwnames) {
    Value objects = OU_UNDEF, shortnames = OU_UNDEF, filter = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "typestats", "|OOO",
                      (const char *const[]){"objects", "shortnames", "filter", NULL}, &objects,
                      &shortnames, &filter) < 0)
        return OU_ERR;
    int sn = truth_arg(shortnames, true);
    if (sn < 0) return OU_ERR;
    return typestats_impl(objects, sn, filter);
}

/* A name matches the short type name, or the long one when it contains a dot. */
static int name_matches(Value o, Value typename) {
    bool dotted = strchr(ou_str_data(typename), '.') != NULL;
    Value n = dotted ? long_typename(o) : short_typename(o);
    if (IS_ERR(n)) return -1;
    int r = ou_str_eq(n, typename);
    ou_decref(n);
    return r;
}

static Value by_type_impl(Value typename, Value objects, bool count_only) {
    if (!IS_STR(typename))
        return ou_err_format(ou_TypeError, "typename must be str, not %T", typename);
    Value objs = objects_arg(objects);
    if (IS_ERR(objs)) return OU_ERR;
    Value out = count_only ? OU_UNDEF : ou_list_new(0);
    int64_t n = 0;
    if (IS_ERR(out)) goto fail;
    for (int64_t i = 0; i < AS_LIST(objs)->len; i++) {
        Value o = AS_LIST(objs)->items[i];
        int m = name_matches(o, typename);
        if (m < 0) goto fail;
        if (!m) continue;
        n++;
        if (!count_only && ou_list_append(out, o) < 0) goto fail;
    }
    ou_decref(objs);
    return count_only ? ou_int(n) : out;
fail:
    ou_decref(objs);
    if (!count_only) ou_xdecref(out);
    return OU_ERR;
}

static Value m_count(Value *args, int nargs, Value kwnames) {
    Value typename = OU_UNDEF, objects = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "count", "O|O",
                      (const char *const[]){"typename", "objects", NULL}, &typename, &objects) < 0)
        return OU_ERR;
    return by_type_impl(typename, objects, true);
}

static Value m_by_type(Value *args, int nargs, Value kwnames) {
    Value typename = OU_UNDEF, objects = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "by_type", "O|O",
                      (const char *const[]){"typename", "objects", NULL}, &typename, &objects) < 0)
        return OU_ERR;
    return by_type_impl(typename, objects, false);
}

/* Sorts (name, count...) tuples by item `col` descending, stably (as sorted(reverse=True)). */
static void sort_desc(Value list, int col) {
    OuList *l = AS_LIST(list);
    for (int64_t i = 1; i < l->len; i++) {
        Value x = l->items[i];
        int64_t xv = 0, j = i;
        ou_int_value(AS_TUPLE(x)->items[col], &xv);
        while (j > 0) {
            int64_t yv = 0;
            ou_int_value(AS_TUPLE(l->items[j - 1])->items[col], &yv);
            if (yv >= xv) break;
            l->items[j] = l->items[j - 1];
            j--;
        }
        l->items[j] = x;
    }
}

static Value dict_items_sorted(Value d) {
    Value l = ou_list_new(0);
    if (IS_ERR(l)) return OU_ERR;
    int64_t pos = 0;
    Value k, v;
    while (ou_dict_next(d, &pos, &k, &v)) {
        Value t = ou_tuple_pack(2, k, v);
        if (IS_ERR(t) || ou_list_append_steal(l, t) < 0) {
            ou_decref(l);
            return OU_ERR;
        }
    }
    sort_desc(l, 1);
    return l;
}

static Value cut_list(Value list, int64_t limit) {
    if (limit > 0 && AS_LIST(list)->len > limit) {
        for (int64_t i = limit; i < AS_LIST(list)->len; i++) ou_decref(AS_LIST(list)->items[i]);
        AS_LIST(list)->len = limit;
    }
    return list;
}

static int limit_arg(Value v, int64_t *out) {
    *out = 10;
    if (IS_UNDEF(v)) return 0;
    if (IS_NONE(v)) {
        *out = 0;
        return 0;
    }
    return ou_int_arg(v, out, "limit");
}

static Value most_common(Value limit, Value objects, Value shortnames, Value filter) {
    int64_t lim;
    if (limit_arg(limit, &lim) < 0) return OU_ERR;
    int sn = truth_arg(shortnames, true);
    if (sn < 0) return OU_ERR;
    Value stats = typestats_impl(objects, sn, filter);
    if (IS_ERR(stats)) return OU_ERR;
    Value l = dict_items_sorted(stats);
    ou_decref(stats);
    if (IS_ERR(l)) return OU_ERR;
    return cut_list(l, lim);
}

static Value m_most_common_types(Value *args, int nargs, Value kwnames) {
    Value limit = OU_UNDEF, objects = OU_UNDEF, shortnames = OU_UNDEF, filter = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "most_common_types", "|OOOO",
                      (const char *const[]){"limit", "objects", "shortnames", "filter", NULL},
                      &limit, &objects, &shortnames, &filter) < 0)
        return OU_ERR;
    return most_common(limit, objects, shortnames, filter);
}

static int write_to(Value file, Value s) {
    if (IS_UNDEF(file) || IS_NONE(file)) file = ou_sys_stdout;
    return ou_file_write_str(file, s);
}

static Value m_show_most_common_types(Value *args, int nargs, Value kwnames) {
    Value limit = OU_UNDEF, objects = OU_UNDEF, shortnames = OU_UNDEF, file = OU_UNDEF,
          filter = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "show_most_common_types", "|OOOOO",
                      (const char *const[]){"limit", "objects", "shortnames", "file", "filter",
                                            NULL},
                      &limit, &objects, &shortnames, &file, &filter) < 0)
        return OU_ERR;
    Value l = most_common(limit, objects, shortnames, filter);
    if (IS_ERR(l)) return OU_ERR;
    int64_t width = 0;
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        int64_t w = AS_STR(AS_TUPLE(AS_LIST(l)->items[i])->items[0])->nchars;
        if (w > width) width = w;
    }
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        Value t = AS_LIST(l)->items[i];
        Value name = AS_TUPLE(t)->items[0];
        int64_t n = 0;
        ou_int_value(AS_TUPLE(t)->items[1], &n);
        char num[32];
        snprintf(num, sizeof num, "%*s %lld\n", (int)(width - AS_STR(name)->nchars), "",
                 (long long)n);
        Value s = ou_str_printf("%U%s", name, num);
        if (IS_ERR(s)) goto fail;
        int r = write_to(file, s);
        ou_decref(s);
        if (r < 0) goto fail;
    }
    ou_decref(l);
    return OU_NONE;
fail:
    ou_decref(l);
    return OU_ERR;
}

/* growth(): the types whose count rose above their peak, with the increase. */
static Value growth_impl(Value limit, Value peak, Value shortnames, Value filter) {
    int64_t lim;
    if (limit_arg(limit, &lim) < 0) return OU_ERR;
    int sn = truth_arg(shortnames, true);
    if (sn < 0) return OU_ERR;
    if (IS_UNDEF(peak)) {
        if (IS_UNDEF(peak_stats)) {
            peak_stats = ou_dict_new();
            if (IS_ERR(peak_stats)) {
                peak_stats = OU_UNDEF;
                return OU_ERR;
            }
        }
        peak = peak_stats;
    }
    if (!IS_DICT(peak)) return ou_err_format(ou_TypeError, "peak_stats must be a dict");
    gc_collect(2);
    Value stats = typestats_impl(OU_UNDEF, sn, filter);
    if (IS_ERR(stats)) return OU_ERR;
    Value deltas = ou_list_new(0);
    if (IS_ERR(deltas)) goto fail;
    int64_t pos = 0;
    Value k, v;
    while (ou_dict_next(stats, &pos, &k, &v)) {
        int64_t count = 0, old = 0;
        ou_int_value(v, &count);
        Value o = ou_dict_get(peak, k);
        if (IS_ERR(o)) goto fail;
        if (!IS_UNDEF(o)) ou_int_value(o, &old);
        if (count > old) {
            Value t = ou_tuple_pack(3, k, v, MK_SMALLINT(count - old));
            if (IS_ERR(t) || ou_list_append_steal(deltas, t) < 0 || ou_dict_set(peak, k, v) < 0)
                goto fail;
        }
    }
    sort_desc(deltas, 2);
    ou_decref(stats);
    return cut_list(deltas, lim);
fail:
    ou_decref(stats);
    ou_xdecref(deltas);
    return OU_ERR;
}

static Value m_growth(Value *args, int nargs, Value kwnames) {
    Value limit = OU_UNDEF, peak = OU_UNDEF, shortnames = OU_UNDEF, filter = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "growth", "|OOOO",
                      (const char *const[]){"limit", "peak_stats", "shortnames", "filter", NULL},
                      &limit, &peak, &shortnames, &filter) < 0)
        return OU_ERR;
    return growth_impl(limit, peak, shortnames, filter);
}

static Value m_show_growth(Value *args, int nargs, Value kwnames) {
    Value limit = OU_UNDEF, peak = OU_UNDEF, shortnames = OU_UNDEF, file = OU_UNDEF,
          filter = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "show_growth", "|OOOOO",
                      (const char *const[]){"limit", "peak_stats", "shortnames", "file", "filter",
                                            NULL},
                      &limit, &peak, &shortnames, &file, &filter) < 0)
        return OU_ERR;
    Value l = growth_impl(limit, IS_NONE(peak) ? OU_UNDEF : peak, shortnames, filter);
    if (IS_ERR(l)) return OU_ERR;
    int64_t width = 0;
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        int64_t w = AS_STR(AS_TUPLE(AS_LIST(l)->items[i])->items[0])->nchars;
        if (w > width) width = w;
    }
    for (int64_t i = 0; i < AS_LIST(l)->len; i++) {
        Value *it = AS_TUPLE(AS_LIST(l)->items[i])->items;
        int64_t count = 0, delta = 0;
        ou_int_value(it[1], &count);
        ou_int_value(it[2], &delta);
        char num[64];
        snprintf(num, sizeof num, "%*s%9lld %+9lld\n", (int)(width - AS_STR(it[0])->nchars), "",
                 (long long)count, (long long)delta);
        Value s = ou_str_printf("%U%s", it[0], num);
        if (IS_ERR(s)) goto fail;
        int r = write_to(file, s);
        ou_decref(s);
        if (r < 0) goto fail;
    }
    ou_decref(l);
    return OU_NONE;
fail:
    ou_decref(l);
    return OU_ERR;
}

static Value m_is_proper_module(Value *args, int nargs, Value kwnames) {
    if (nargs != 1)
        return ou_err_format(ou_TypeError, "is_proper_module() takes exactly one argument (%d given)",
                             nargs);
    Value o = args[0];
    if (!ou_is_type(o, &ou_module_type)) return OU_FALSE;
    Value name = ((OuModule *)AS_OBJ(o))->name;
    if (!IS_STR(name)) return OU_FALSE;
    return MK_BOOL(ou_dict_get(ou_sys_modules(), name) == o);
}

/* ---- referents and referrers ---- */

/* The referrers of every tracked object, built in one heap walk: (child, parent) pairs sorted
 * by child, so the referrers of one object are a binary search away and a backward search
 * costs one walk, not one per step. */
typedef struct {
    OuObject *child, *parent;
} Pair;

typedef struct {
    DemoVec all;
    Pair *pairs;
    int64_t n, cap;
    int failed;
} Referrers;

typedef struct {
    Referrers *R;
    OuObject *parent;
} PairCtx;

static int visit_pair(OuObject *child, void *arg) {
    PairCtx *c = arg;
    Referrers *R = c->R;
    if (R->n == R->cap) {
        int64_t cap = R->cap ? R->cap * 2 : 1024;
        Pair *p = realloc(R->pairs, sizeof *p * (size_t)cap);
        if (!p) {
            R->failed = 1;
            return -1;
        }
        R->pairs = p;
        R->cap = cap;
    }
    R->pairs[R->n].child = child;
    R->pairs[R->n++].parent = c->parent;
    return 0;
}

static int pair_cmp(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)((const Pair *)a)->child, y = (uintptr_t)((const Pair *)b)->child;
    return x < y ? -1 : x > y;
}

static int referrers_build(Referrers *R) {
    memset(R, 0, sizeof *R);
    if (demo_heap_snapshot(&R->all, NULL) < 0) return -1;
    for (int64_t i = 0; i < R->all.n && !R->failed; i++) {
        OuObject *o = R->all.items[i];
        PairCtx c = {R, o};
        if (o->type->traverse) o->type->traverse(o, visit_pair, &c);
    }
    if (R->failed) return -1;
    /* A stable order among one child's referrers: heap order (the sort key is the child). */
    if (R->n) qsort(R->pairs, (size_t)R->n, sizeof *R->pairs, pair_cmp);
    return 0;
}

static void referrers_free(Referrers *R) {
    demo_vec_free(&R->all);
    free(R->pairs);
    R->pairs = NULL;
    R->n = R->cap = 0;
}

/* The referrers of o as a new list. */
static Value referrers_of(const Referrers *R, OuObject *o) {
    Value l = ou_list_new(0);
    if (IS_ERR(l)) return OU_ERR;
    int64_t lo = 0, hi = R->n;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)R->pairs[mid].child < (uintptr_t)o) lo = mid + 1;
        else hi = mid;
    }
    for (int64_t i = lo; i < R->n && R->pairs[i].child == o; i++)
        if (ou_list_append(l, MK_OBJ(R->pairs[i].parent)) < 0) {
            ou_decref(l);
            return OU_ERR;
        }
    return l;
}

static Value referents_of(Value v) {
    Value l = ou_list_new(0);
    if (IS_ERR(l)) return OU_ERR;
    DemoEdge e[256];
    int n = demo_referents(v, e, 256, false);
    for (int i = 0; i < n && i < 256; i++)
        if (IS_OBJ(e[i].v) && ou_list_append(l, e[i].v) < 0) {
            ou_decref(l);
            return OU_ERR;
        }
    return l;
}

/* Breadth-first search from obj along referrers (backward) or referents until predicate(x)
 * is true; returns the chain from obj to the match, [obj] when nothing matches. */
static Value find_chain(Value obj, Value predicate, int64_t max_depth, Value extra_ignore,
                        bool backward) {
    Referrers R;
    bool have_r = false;
    gc_collect(2);
    if (backward) {
        if (referrers_build(&R) < 0) {
            referrers_free(&R);
            return ou_err_nomemory();
        }
        have_r = true;
    }
    Value queue = ou_list_new(0), parent = ou_list_new(0), depth = ou_list_new(0);
    DemoMap seen = {0};
    Value result = OU_ERR;
    if (IS_ERR(queue) || IS_ERR(parent) || IS_ERR(depth)) goto done;
    if (ou_list_append(queue, obj) < 0 || ou_list_append(parent, MK_SMALLINT(-1)) < 0 ||
        ou_list_append(depth, MK_SMALLINT(0)) < 0)
        goto done;
    if (IS_OBJ(obj)) demo_map_put(&seen, AS_OBJ(obj), 0);
    /* What the search itself holds is no path. */
    demo_map_put(&seen, AS_OBJ(queue), 0);
    demo_map_put(&seen, AS_OBJ(parent), 0);
    demo_map_put(&seen, AS_OBJ(depth), 0);
    if (IS_OBJ(extra_ignore)) {
        demo_map_put(&seen, AS_OBJ(extra_ignore), 0);
        Value it = ou_sequence_list(extra_ignore);
        if (IS_ERR(it)) goto done;
        for (int64_t i = 0; i < AS_LIST(it)->len; i++) {
            Value x = AS_LIST(it)->items[i];
            /* extra_ignore holds id()s in objgraph; objects themselves are accepted too */
            int64_t addr;
            if (ou_int_value(x, &addr)) {
                for (int64_t j = 0; have_r && j < R.all.n; j++)
                    if ((int64_t)(uintptr_t)R.all.items[j] == addr) demo_map_put(&seen, R.all.items[j], 0);
            } else if (IS_OBJ(x)) {
                demo_map_put(&seen, AS_OBJ(x), 0);
            }
        }
        ou_decref(it);
    }
    for (int64_t qi = 0; qi < AS_LIST(queue)->len; qi++) {
        Value target = AS_LIST(queue)->items[qi];
        Value r = ou_call1(predicate, target);
        if (IS_ERR(r)) goto done;
        int t = ou_truthy(r);
        ou_decref(r);
        if (t < 0) goto done;
        if (t) {
            Value chain = ou_list_new(0);
            if (IS_ERR(chain)) goto done;
            for (int64_t j = qi; j >= 0;) {
                if (ou_list_append(chain, AS_LIST(queue)->items[j]) < 0) {
                    ou_decref(chain);
                    goto done;
                }
                j = AS_SMALLINT(AS_LIST(parent)->items[j]);
            }
            /* The chain runs from the match back to obj: find_backref_chain returns it so
             * ([module, ..., obj]), find_ref_chain reversed ([obj, ..., match]). */
            if (!backward) {
                OuList *c = AS_LIST(chain);
                for (int64_t a = 0, b = c->len - 1; a < b; a++, b--) {
                    Value x = c->items[a];
                    c->items[a] = c->items[b];
                    c->items[b] = x;
                }
            }
            result = chain;
            goto done;
        }
        int64_t d = AS_SMALLINT(AS_LIST(depth)->items[qi]);
        if (d >= max_depth || !IS_OBJ(target)) continue;
        Value next = backward ? referrers_of(&R, AS_OBJ(target)) : referents_of(target);
        if (IS_ERR(next)) goto done;
        for (int64_t j = 0; j < AS_LIST(next)->len; j++) {
            Value s = AS_LIST(next)->items[j];
            if (!IS_OBJ(s) || demo_map_get(&seen, AS_OBJ(s))) continue;
            demo_map_put(&seen, AS_OBJ(s), 0);
            if (ou_list_append(queue, s) < 0 || ou_list_append(parent, MK_SMALLINT(qi)) < 0 ||
                ou_list_append(depth, MK_SMALLINT(d + 1)) < 0) {
                ou_decref(next);
                goto done;
            }
        }
        ou_decref(next);
    }
    result = ou_list_from(&obj, 1);
done:
    ou_xdecref(queue);
    ou_xdecref(parent);
    ou_xdecref(depth);
    demo_map_free(&seen);
    if (have_r) referrers_free(&R);
    return result;
}

static Value chain_args(Value *args, int nargs, Value kwnames, const char *name, bool backward) {
    Value obj = OU_UNDEF, pred = OU_UNDEF, maxd = OU_UNDEF, ignore = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, name, "OO|OO",
                      (const char *const[]){"obj", "predicate", "max_depth", "extra_ignore", NULL},
                      &obj, &pred, &maxd, &ignore) < 0)
        return OU_ERR;
    int64_t md = 20;
    if (!IS_UNDEF(maxd) && ou_int_arg(maxd, &md, "max_depth") < 0) return OU_ERR;
    return find_chain(obj, pred, md, ignore, backward);
}

static Value m_find_backref_chain(Value *args, int nargs, Value kwnames) {
    return chain_args(args, nargs, kwnames, "find_backref_chain", true);
}

static Value m_find_ref_chain(Value *args, int nargs, Value kwnames) {
    return chain_args(args, nargs, kwnames, "find_ref_chain", false);
}

/* get_leaking_objects(): tracked objects that no tracked object refers to (the roots). */
static Value m_get_leaking_objects(Value *args, int nargs, Value kwnames) {
    Referrers R;
    if (referrers_build(&R) < 0) {
        referrers_free(&R);
        return ou_err_nomemory();
    }
    DemoMap referred = {0};
    for (int64_t i = 0; i < R.n; i++) demo_map_put(&referred, R.pairs[i].child, 1);
    Value l = ou_list_new(0);
    for (int64_t i = 0; !IS_ERR(l) && i < R.all.n; i++) {
        OuObject *o = R.all.items[i];
        if (demo_map_get(&referred, o) || (o->gcflags & OU_GCF_IMMORTAL)) continue;
        if (ou_list_append(l, MK_OBJ(o)) < 0) {
            ou_decref(l);
            l = OU_ERR;
        }
    }
    demo_map_free(&referred);
    referrers_free(&R);
    return l;
}

/* ---- show_refs / show_backrefs ---- */

typedef struct {
    int from, to;
    char label[40];
} GEdge;

typedef struct {
    Value nodes; /* list: holds every node alive while filters run */
    int *depth;
    GEdge *edges;
    int nedges, capedges, capdepth;
} OGraph;

static int node_index(OGraph *g, Value v) {
    for (int64_t i = 0; i < AS_LIST(g->nodes)->len; i++)
        if (AS_LIST(g->nodes)->items[i] == v) return (int)i;
    return -1;
}

static int add_node(OGraph *g, Value v, int depth) {
    if (AS_LIST(g->nodes)->len >= g->capdepth) {
        int cap = g->capdepth ? g->capdepth * 2 : 32;
        int *p = realloc(g->depth, sizeof *p * (size_t)cap);
        if (!p) return -1;
        g->depth = p;
        g->capdepth = cap;
    }
    if (ou_list_append(g->nodes, v) < 0) return -1;
    int i = (int)AS_LIST(g->nodes)->len - 1;
    g->depth[i] = depth;
    return i;
}

static int add_edge(OGraph *g, int from, int to, const char *label) {
    if (g->nedges == g->capedges) {
        int cap = g->capedges ? g->capedges * 2 : 32;
        GEdge *p = realloc(g->edges, sizeof *p * (size_t)cap);
        if (!p) return -1;
        g->edges = p;
        g->capedges = cap;
    }
    GEdge *e = &g->edges[g->nedges++];
    e->from = from;
    e->to = to;
    snprintf(e->label, sizeof e->label, "%s", label);
    return 0;
}

/* The label of the reference from parent to child, as in the drawn graph. */
static void edge_label(Value parent, Value child, char *buf, size_t n) {
    DemoEdge e[64];
    int k = demo_referents(parent, e, 64, true);
    for (int i = 0; i < k && i < 64; i++)
        if (e[i].v == child) {
            snprintf(buf, n, "%s", e[i].label);
            return;
        }
    /* References the folded view does not name: an instance's class and __dict__, a class's
     * own attributes. */
    const char *name = "";
    if (IS_OBJ(parent) && IS_OBJ(child)) {
        OuType *t = AS_OBJ(parent)->type;
        if (AS_OBJ(child) == (OuObject *)t) name = "__class__";
        else if (demo_instance_dict(parent) == child) name = "__dict__";
        else if (ou_is_subtype(t, &ou_type_type)) {
            OuType *ty = AS_TYPE(parent);
            if (ty->dict == child) name = "__dict__";
            else if (ty->mro == child) name = "__mro__";
            else if (ty->bases == child) name = "__bases__";
            else if ((OuObject *)ty->base == AS_OBJ(child)) name = "__base__";
            else if (ty->module == child) name = "__module__";
        }
    }
    snprintf(buf, n, "%s", name);
}

static bool is_ignored(Value v, Value extra_ignore) {
    if (!IS_OBJ(extra_ignore)) return false;
    OuType *t = ou_typeof(extra_ignore);
    if (t != &ou_list_type && t != &ou_tuple_type) return false;
    int64_t n = t == &ou_list_type ? AS_LIST(extra_ignore)->len : AS_TUPLE(extra_ignore)->len;
    Value *items = t == &ou_list_type ? AS_LIST(extra_ignore)->items : AS_TUPLE(extra_ignore)->items;
    for (int64_t i = 0; i < n; i++) {
        int64_t id;
        if (items[i] == v || (ou_int_value(items[i], &id) && id == (int64_t)(uintptr_t)AS_OBJ(v)))
            return true;
    }
    return false;
}

static int build_graph(OGraph *g, Value objs, int64_t max_depth, Value extra_ignore, Value filter,
                       int64_t too_many, bool backward) {
    Referrers R;
    bool have_r = false;
    int rc = -1;
    if (backward) {
        if (referrers_build(&R) < 0) {
            referrers_free(&R);
            ou_err_nomemory();
            return -1;
        }
        have_r = true;
    }
    Value start = IS_LIST(objs) || IS_TUPLE(objs) ? ou_sequence_list(objs) : ou_list_from(&objs, 1);
    if (IS_ERR(start)) goto done;
    for (int64_t i = 0; i < AS_LIST(start)->len; i++)
        if (node_index(g, AS_LIST(start)->items[i]) < 0 && add_node(g, AS_LIST(start)->items[i], 0) < 0) {
            ou_decref(start);
            goto done;
        }
    ou_decref(start);
    for (int64_t qi = 0; qi < AS_LIST(g->nodes)->len; qi++) {
        Value v = AS_LIST(g->nodes)->items[qi];
        if (g->depth[qi] >= max_depth || !IS_OBJ(v)) continue;
        /* Modules end a walk, as in objgraph: everything reaches everything through them. */
        if (ou_is_type(v, &ou_module_type) && g->depth[qi] > 0) continue;
        Value next = backward ? referrers_of(&R, AS_OBJ(v)) : referents_of(v);
        if (IS_ERR(next)) goto done;
        int64_t shown = 0;
        for (int64_t j = 0; j < AS_LIST(next)->len; j++) {
            Value s = AS_LIST(next)->items[j];
            if (s == g->nodes || is_ignored(s, extra_ignore)) continue;
            if (!IS_UNDEF(filter) && !IS_NONE(filter)) {
                Value r = ou_call1(filter, s);
                if (IS_ERR(r)) {
                    ou_decref(next);
                    goto done;
                }
                int t = ou_truthy(r);
                ou_decref(r);
                if (t < 0) {
                    ou_decref(next);
                    goto done;
                }
                if (!t) continue;
            }
            if (too_many > 0 && shown >= too_many) {
                shown++;
                continue;
            }
            shown++;
            int k = node_index(g, s);
            if (k < 0 && (k = add_node(g, s, g->depth[qi] + 1)) < 0) {
                ou_decref(next);
                goto done;
            }
            char label[40];
            if (backward) edge_label(s, v, label, sizeof label);
            else edge_label(v, s, label, sizeof label);
            if (backward ? add_edge(g, k, (int)qi, label) : add_edge(g, (int)qi, k, label)) {
                ou_decref(next);
                goto done;
            }
        }
        ou_decref(next);
        if (too_many > 0 && shown > too_many) {
            char more[40];
            snprintf(more, sizeof more, "%lld more", (long long)(shown - too_many));
            if (add_edge(g, backward ? -1 : (int)qi, backward ? (int)qi : -1, more) < 0) goto done;
        }
    }
    rc = 0;
done:
    if (have_r) referrers_free(&R);
    return rc;
}

static void node_text(OGraph *g, int i, bool refcounts, char *buf, size_t n) {
    Value v = AS_LIST(g->nodes)->items[i];
    char label[96];
    demo_label(v, label, sizeof label, 60);
    if (refcounts && IS_OBJ(v))
        snprintf(buf, n, "%s (refcount %u)", label, AS_OBJ(v)->rc - 1); /* less our list's */
    else
        snprintf(buf, n, "%s", label);
}

static void dot_quote(FILE *f, const char *s) {
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static int write_dot(OGraph *g, FILE *f, bool refcounts, int nstart) {
    fputs("digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n", f);
    for (int64_t i = 0; i < AS_LIST(g->nodes)->len; i++) {
        char text[160], label[200];
        node_text(g, (int)i, refcounts, text, sizeof text);
        Value v = AS_LIST(g->nodes)->items[i];
        snprintf(label, sizeof label, "%s\\n%s", ou_typeof(v)->name, text);
        fprintf(f, "  o%lld[label=", (long long)i);
        /* the \n separator is Graphviz's own escape: quote the parts, keep it */
        fputc('"', f);
        for (const char *s = ou_typeof(v)->name; *s; s++) {
            if (*s == '"' || *s == '\\') fputc('\\', f);
            fputc(*s, f);
        }
        fputs("\\n", f);
        for (const char *s = text; *s; s++) {
            if (*s == '"' || *s == '\\') fputc('\\', f);
            fputc(*s, f);
        }
        fputc('"', f);
        if (i < nstart) fputs(", fillcolor=\"#ffffc0\"", f);
        fputs("];\n", f);
    }
    for (int i = 0; i < g->nedges; i++) {
        GEdge *e = &g->edges[i];
        if (e->from < 0 || e->to < 0) {
            int k = e->from < 0 ? e->to : e->from;
            fprintf(f, "  too_many_%d[label=", i);
            dot_quote(f, e->label);
            fputs(", shape=box, style=dotted];\n", f);
            if (e->from < 0) fprintf(f, "  too_many_%d -> o%d;\n", i, k);
            else fprintf(f, "  o%d -> too_many_%d;\n", k, i);
            continue;
        }
        fprintf(f, "  o%d -> o%d [label=", e->from, e->to);
        dot_quote(f, e->label);
        fputs("];\n", f);
    }
    fputs("}\n", f);
    return ferror(f) ? -1 : 0;
}

static bool program_in_path(const char *prog) {
    const char *path = getenv("PATH");
    if (!path) return false;
    char buf[4096];
    while (*path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, prog);
        if (n && access(buf, X_OK) == 0) return true;
        path += n + (end ? 1 : 0);
    }
    return false;
}

/* printf to sys.stdout (lines of any length). */
static int printf_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int printf_out(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return 0;
    char *buf = malloc((size_t)n + 1);
    if (!buf) {
        ou_err_nomemory();
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    Value v = ou_str_new(buf, n);
    free(buf);
    if (IS_ERR(v)) return -1;
    int r = ou_file_write_str(ou_sys_stdout, v);
    ou_decref(v);
    return r;
}

static Value show_graph(Value *args, int nargs, Value kwnames, const char *fname, bool backward) {
    Value objs = OU_UNDEF, maxd = OU_UNDEF, ignore = OU_UNDEF, filter = OU_UNDEF, too_many = OU_UNDEF,
          highlight = OU_UNDEF, filename = OU_UNDEF, extra_info = OU_UNDEF, refcounts = OU_UNDEF,
          shortnames = OU_UNDEF, output = OU_UNDEF, extra_node_attrs = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, fname, "O|OOOOOOOOOOO",
                      (const char *const[]){"objs", "max_depth", "extra_ignore", "filter",
                                            "too_many", "highlight", "filename", "extra_info",
                                            "refcounts", "shortnames", "output",
                                            "extra_node_attrs", NULL},
                      &objs, &maxd, &ignore, &filter, &too_many, &highlight, &filename,
                      &extra_info, &refcounts, &shortnames, &output, &extra_node_attrs) < 0)
        return OU_ERR;
    int64_t md = 3, tm = 10;
    if (!IS_UNDEF(maxd) && ou_int_arg(maxd, &md, "max_depth") < 0) return OU_ERR;
    if (!IS_UNDEF(too_many) && ou_int_arg(too_many, &tm, "too_many") < 0) return OU_ERR;
    int rcs = truth_arg(refcounts, false);
    if (rcs < 0) return OU_ERR;
    if (!IS_UNDEF(filename) && !IS_NONE(filename) && !IS_STR(filename))
        return ou_err_format(ou_TypeError, "filename must be str, not %T", filename);
    OGraph g = {0};
    g.nodes = ou_list_new(0);
    if (IS_ERR(g.nodes)) return OU_ERR;
    Value result = OU_ERR;
    int nstart = IS_LIST(objs) ? (int)AS_LIST(objs)->len : IS_TUPLE(objs) ? (int)AS_TUPLE(objs)->len : 1;
    if (build_graph(&g, objs, md, ignore, filter, tm, backward) < 0) goto done;
    int64_t nnodes = AS_LIST(g.nodes)->len;
    if (!IS_UNDEF(output) && !IS_NONE(output)) {
        /* objgraph's `output`: the Graphviz text goes to that file object. */
        char *text = NULL;
        size_t len = 0;
        FILE *mf = open_memstream(&text, &len);
        if (!mf) {
            ou_err_nomemory();
            goto done;
        }
        write_dot(&g, mf, rcs, nstart);
        fclose(mf);
        Value str = ou_str_new(text, (int64_t)len);
        free(text);
        if (IS_ERR(str)) goto done;
        int r = ou_file_write_str(output, str);
        ou_decref(str);
        if (r < 0) goto done;
        result = OU_NONE;
        goto done;
    }
    if (IS_UNDEF(filename) || IS_NONE(filename)) {
        /* Text: every node with its references (or referrers). */
        if (printf_out("Graph of references %s %d object%s (max_depth=%lld), %lld nodes:\n",
                       backward ? "to" : "from", nstart, nstart == 1 ? "" : "s", (long long)md,
                       (long long)nnodes) < 0)
            goto done;
        for (int64_t i = 0; i < nnodes; i++) {
            char text[160];
            node_text(&g, (int)i, rcs, text, sizeof text);
            if (printf_out("  @%lld %s\n", (long long)i + 1, text) < 0) goto done;
            for (int k = 0; k < g.nedges; k++) {
                GEdge *e = &g.edges[k];
                if ((backward ? e->to : e->from) != i) continue;
                int other = backward ? e->from : e->to;
                char ot[160];
                int r;
                if (other < 0) {
                    r = printf_out("    %s (%s)\n", backward ? "<-" : "->", e->label);
                } else {
                    node_text(&g, other, false, ot, sizeof ot);
                    if (backward)
                        r = printf_out("    <- @%d %s%s%s\n", other + 1, ot,
                                       e->label[0] ? " via " : "", e->label);
                    else
                        r = printf_out("    -> %s%s@%d %s\n", e->label, e->label[0] ? ": " : "",
                                       other + 1, ot);
                }
                if (r < 0) goto done;
            }
        }
        result = OU_NONE;
        goto done;
    }
    const char *fn = ou_str_data(filename);
    size_t fl = strlen(fn);
    const char *dot_ext = strrchr(fn, '.');
    bool is_dot = dot_ext && !strcmp(dot_ext, ".dot");
    char dotpath[4096];
    if (is_dot)
        snprintf(dotpath, sizeof dotpath, "%s", fn);
    else
        snprintf(dotpath, sizeof dotpath, "%.*s.dot", (int)(dot_ext ? (size_t)(dot_ext - fn) : fl), fn);
    FILE *f = fopen(dotpath, "w");
    if (!f) {
        ou_err_format(ou_OSError, "[Errno %d] %s: '%s'", errno, strerror(errno), dotpath);
        goto done;
    }
    int wr = write_dot(&g, f, rcs, nstart);
    if (fclose(f) != 0 || wr < 0) {
        ou_err_format(ou_OSError, "cannot write '%s'", dotpath);
        goto done;
    }
    if (printf_out("Graph written to %s (%lld nodes)\n", dotpath, (long long)nnodes) < 0) goto done;
    if (!is_dot) {
        const char *fmt = dot_ext ? dot_ext + 1 : "png";
        if (!program_in_path("dot")) {
            if (printf_out("Image renderer (dot) not found: %s not generated; install Graphviz "
                           "to render %s\n", fn, dotpath) < 0)
                goto done;
        } else {
            char tflag[64];
            snprintf(tflag, sizeof tflag, "-T%s", fmt);
            char *argv[] = {(char *)"dot", tflag, (char *)"-o", (char *)fn, dotpath, NULL};
            pid_t pid;
            ou_stdout_flush();
            int status = -1;
            if (posix_spawnp(&pid, "dot", NULL, NULL, argv, environ) == 0)
                waitpid(pid, &status, 0);
            if (printf_out(status == 0 ? "Image generated as %s\n" : "dot failed to render %s\n",
                           fn) < 0)
                goto done;
        }
    }
    result = OU_NONE;
done:
    ou_decref(g.nodes);
    free(g.depth);
    free(g.edges);
    return result;
}

static Value m_show_refs(Value *args, int nargs, Value kwnames) {
    return show_graph(args, nargs, kwnames, "show_refs", false);
}

static Value m_show_backrefs(Value *args, int nargs, Value kwnames) {
    return show_graph(args, nargs, kwnames, "show_backrefs", true);
}

static const OuMethodDef objgraph_functions[] = {
    {"count", m_count, "Count tracked objects whose type is named typename."},
    {"typestats", m_typestats, "Count tracked objects by type name: a dict."},
    {"most_common_types", m_most_common_types, "The most common types: (name, count) pairs."},
    {"show_most_common_types", m_show_most_common_types, "Print the most common types."},
    {"growth", m_growth, "Types whose count grew since the last call: (name, count, delta)."},
    {"show_growth", m_show_growth, "Print the types whose count grew since the last call."},
    {"by_type", m_by_type, "The tracked objects whose type is named typename."},
    {"find_backref_chain", m_find_backref_chain, "A chain of referrers from a match to obj."},
    {"find_ref_chain", m_find_ref_chain, "A chain of references from obj to a match."},
    {"is_proper_module", m_is_proper_module, "True for a module registered in sys.modules."},
    {"get_leaking_objects", m_get_leaking_objects, "Tracked objects nothing tracked refers to."},
    {"show_refs", m_show_refs, "Show the objects reachable from objs (text, .dot, .png, .svg)."},
    {"show_backrefs", m_show_backrefs, "Show the objects that refer to objs."},
    {NULL, NULL, NULL},
};

Value mod_objgraph_init(void) {
    /* objgraph draws and counts instances with their __dict__ (as CPython's objgraph does):
     * compact instances (OuInstance) become ordinary ones from here on. */
    if (ou_instances_use_dicts() < 0) return OU_ERR;
    Value m = ou_module_new("objgraph");
    if (IS_ERR(m)) return OU_ERR;
    Value name = ou_str_cstr("objgraph");
    int r = IS_ERR(name) ? -1 : ou_add_functions(((OuModule *)AS_OBJ(m))->dict, objgraph_functions, name);
    ou_xdecref(name);
    if (r < 0) {
        ou_decref(m);
        return OU_ERR;
    }
    return m;
}

void mod_objgraph_fini(void) {
    ou_xdecref(peak_stats);
    peak_stats = OU_UNDEF;
}
