/* iterobject.c: the sequence iterator (for classes with only __getitem__) and the builtin
 * iterator types enumerate, zip, map, filter and reversed.
 *
 * Every iterator here drops what it holds once it is exhausted (its source fields become
 * OU_UNDEF), so a finished iterator stays finished and frees its sources early. */
#include "container.h"
#include "vm.h"

static Value s_reversed, s_len;

static Value iter_self(Value self) { return ou_newref(self); }

/* Keyword arguments: find `name` among kwnames; the value is vals[i]. Unknown names raise
 * "'x' is an invalid keyword argument for f()". Returns 0/-1. */
static int parse_kw(Value *vals, Value kwnames, const char *fname, const char *const *names,
                    Value **outs) {
    int n = ct_nkw(kwnames);
    for (int i = 0; i < n; i++) {
        Value k = AS_TUPLE(kwnames)->items[i];
        int j = 0;
        for (; names[j]; j++) {
            if (ou_str_eq_cstr(k, names[j])) {
                *outs[j] = vals[i];
                break;
            }
        }
        if (!names[j]) {
            ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for %s()", k, fname);
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Sequence iterator: seq[0], seq[1], ... until IndexError or StopIteration. */

typedef struct { OuObject ob; Value seq; int64_t index; } SeqIter;

static void seqiter_dealloc(OuObject *o) {
    ou_decref(((SeqIter *)o)->seq);
    ou_obj_free(o);
}
static int seqiter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((SeqIter *)o)->seq);
    return 0;
}
static void seqiter_clear(OuObject *o) {
    SeqIter *it = (SeqIter *)o;
    Value s = it->seq;
    it->seq = OU_UNDEF;
    ou_decref(s);
}
static Value seqiter_next(Value self) {
    SeqIter *it = (SeqIter *)AS_OBJ(self);
    if (IS_UNDEF(it->seq)) return OU_UNDEF;
    Value v = ou_getitem(it->seq, MK_SMALLINT(it->index));
    if (IS_ERR(v)) {
        if (ou_err_matches(ou_IndexError) || ou_err_matches(ou_StopIteration)) {
            ou_err_clear();
            seqiter_clear(&it->ob);
            return OU_UNDEF;
        }
        return OU_ERR;
    }
    it->index++;
    return v;
}

OuType ct_seqiter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "iterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(SeqIter),
    .dealloc = seqiter_dealloc,
    .traverse = seqiter_traverse,
    .clear = seqiter_clear,
    .iter = iter_self,
    .next = seqiter_next,
};

Value ou_seqiter_new(Value seq) {
    SeqIter *it = ou_obj_alloc(&ct_seqiter_type, sizeof(SeqIter));
    if (!it) return OU_ERR;
    it->seq = ou_newref(seq);
    return MK_OBJ(it);
}

/* ------------------------------------------------------------------------------------------ */
/* enumerate(iterable, start=0). The (index, item) tuple is reused when the caller dropped it,
 * as in CPython, which saves an allocation per step of `for i, x in enumerate(...)`. */

typedef struct { OuObject ob; Value it; int64_t count; Value result; } Enumerate;

static void enum_dealloc(OuObject *o) {
    Enumerate *e = (Enumerate *)o;
    ou_decref(e->it);
    ou_decref(e->result);
    ou_obj_free(o);
}
static int enum_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((Enumerate *)o)->it);
    CT_VISIT(((Enumerate *)o)->result);
    return 0;
}
static void enum_clear(OuObject *o) {
    Enumerate *e = (Enumerate *)o;
    Value a = e->it, b = e->result;
    e->it = e->result = OU_UNDEF;
    ou_decref(a);
    ou_decref(b);
}

static Value enum_new(OuType *type, Value *args, int nargs, Value kwnames) {
    int nkw = ct_nkw(kwnames);
    if (nargs + nkw > 2)
        return ou_err_format(ou_TypeError, "enumerate() takes at most 2 arguments (%d given)", nargs + nkw);
    Value iterable = nargs > 0 ? args[0] : OU_UNDEF, start = nargs > 1 ? args[1] : OU_UNDEF;
    static const char *const names[] = {"iterable", "start", NULL};
    Value *outs[] = {&iterable, &start};
    if (parse_kw(args + nargs, kwnames, "enumerate", names, outs) < 0) return OU_ERR;
    if (IS_UNDEF(iterable)) return ou_err_format(ou_TypeError, "enumerate() missing required argument 'iterable'");
    int64_t n = 0;
    if (!IS_UNDEF(start) && ou_index(start, &n) < 0) return OU_ERR;
    Value it = ou_iter(iterable);
    if (IS_ERR(it)) return OU_ERR;
    Enumerate *e = ou_obj_alloc(type, sizeof(Enumerate));
    if (!e) {
        ou_decref(it);
        return OU_ERR;
    }
    e->it = it;
    e->count = n;
    e->result = OU_UNDEF;
    return MK_OBJ(e);
}

static Value enum_next(Value self) {
    Enumerate *e = (Enumerate *)AS_OBJ(self);
    if (IS_UNDEF(e->it)) return OU_UNDEF;
    Value item = ou_next(e->it);
    if (IS_ERR(item)) return OU_ERR;
    if (IS_UNDEF(item)) {
        enum_clear(&e->ob);
        return OU_UNDEF;
    }
    Value idx = ou_int(e->count++);
    if (IS_ERR(idx)) {
        ou_decref(item);
        return OU_ERR;
    }
    Value t = e->result;
    if (IS_OBJ(t) && AS_OBJ(t)->rc == 1) {
        OuTuple *tp = AS_TUPLE(t);
        Value a = tp->items[0], b = tp->items[1];
        tp->items[0] = idx;
        tp->items[1] = item;
        ou_decref(a);
        ou_decref(b);
        return ou_newref(t);
    }
    t = ou_tuple_new(2);
    if (IS_ERR(t)) {
        ou_decref(idx);
        ou_decref(item);
        return OU_ERR;
    }
    ou_tuple_set_steal(t, 0, idx);
    ou_tuple_set_steal(t, 1, item);
    Value old = e->result;
    e->result = ou_newref(t);
    ou_decref(old);
    return t;
}

OuType ou_enumerate_type = {
    .ob = CT_STATIC_HEAD,
    .name = "enumerate",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Enumerate),
    .dealloc = enum_dealloc,
    .traverse = enum_traverse,
    .clear = enum_clear,
    .iter = iter_self,
    .next = enum_next,
    .new = enum_new,
};

/* ------------------------------------------------------------------------------------------ */
/* zip(*iterables, strict=False). */

typedef struct { OuObject ob; Value its; bool strict; } Zip; /* its: tuple of iterators */

static void zip_dealloc(OuObject *o) {
    ou_decref(((Zip *)o)->its);
    ou_obj_free(o);
}
static int zip_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((Zip *)o)->its);
    return 0;
}
static void zip_clear(OuObject *o) {
    Zip *z = (Zip *)o;
    Value t = z->its;
    z->its = OU_UNDEF;
    ou_decref(t);
}

/* A tuple of iter(x) for each x in args[0..n). */
static Value iter_all(Value *args, int n) {
    Value its = ou_tuple_new(n);
    if (IS_ERR(its)) return OU_ERR;
    for (int i = 0; i < n; i++) AS_TUPLE(its)->items[i] = OU_NONE;
    for (int i = 0; i < n; i++) {
        Value it = ou_iter(args[i]);
        if (IS_ERR(it)) {
            ou_decref(its);
            return OU_ERR;
        }
        AS_TUPLE(its)->items[i] = it;
    }
    return its;
}

static Value zip_new(OuType *type, Value *args, int nargs, Value kwnames) {
    Value strict = OU_FALSE;
    static const char *const names[] = {"strict", NULL};
    Value *outs[] = {&strict};
    if (parse_kw(args + nargs, kwnames, "zip", names, outs) < 0) return OU_ERR;
    int st = ou_truthy(strict);
    if (st < 0) return OU_ERR;
    Value its = iter_all(args, nargs);
    if (IS_ERR(its)) return OU_ERR;
    Zip *z = ou_obj_alloc(type, sizeof(Zip));
    if (!z) {
        ou_decref(its);
        return OU_ERR;
    }
    z->its = its;
    z->strict = st;
    return MK_OBJ(z);
}

static Value zip_strict_fail(Zip *z, int64_t i) {
    OuTuple *its = AS_TUPLE(z->its);
    if (i > 0)
        return ou_err_format(ou_ValueError, "zip() argument %d is shorter than argument%s%d", (int)(i + 1),
                             i == 1 ? " " : "s 1-", (int)i);
    for (i = 1; i < its->len; i++) {
        Value v = ou_next(its->items[i]);
        if (IS_ERR(v)) return OU_ERR;
        if (!IS_UNDEF(v)) {
            ou_decref(v);
            return ou_err_format(ou_ValueError, "zip() argument %d is longer than argument%s%d",
                                 (int)(i + 1), i == 1 ? " " : "s 1-", (int)i);
        }
    }
    return OU_UNDEF;
}

static Value zip_next(Value self) {
    Zip *z = (Zip *)AS_OBJ(self);
    if (IS_UNDEF(z->its)) return OU_UNDEF;
    OuTuple *its = AS_TUPLE(z->its);
    if (its->len == 0) return OU_UNDEF;
    Value r = ou_tuple_new(its->len);
    if (IS_ERR(r)) return OU_ERR;
    for (int64_t i = 0; i < its->len; i++) {
        Value v = ou_next(its->items[i]);
        if (IS_ERR(v) || IS_UNDEF(v)) {
            for (int64_t j = i; j < its->len; j++) AS_TUPLE(r)->items[j] = OU_NONE;
            ou_decref(r);
            if (IS_ERR(v)) return OU_ERR;
            Value res = z->strict ? zip_strict_fail(z, i) : OU_UNDEF;
            if (IS_UNDEF(res)) zip_clear(&z->ob);
            return res;
        }
        AS_TUPLE(r)->items[i] = v;
    }
    return r;
}

OuType ou_zip_type = {
    .ob = CT_STATIC_HEAD,
    .name = "zip",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Zip),
    .dealloc = zip_dealloc,
    .traverse = zip_traverse,
    .clear = zip_clear,
    .iter = iter_self,
    .next = zip_next,
    .new = zip_new,
};

/* ------------------------------------------------------------------------------------------ */
/* map(func, *iterables). */

typedef struct { OuObject ob; Value func, its; } Map;

static void map_dealloc(OuObject *o) {
    Map *m = (Map *)o;
    ou_decref(m->func);
    ou_decref(m->its);
    ou_obj_free(o);
}
static int map_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((Map *)o)->func);
    CT_VISIT(((Map *)o)->its);
    return 0;
}
static void map_clear(OuObject *o) {
    Map *m = (Map *)o;
    Value a = m->func, b = m->its;
    m->func = m->its = OU_UNDEF;
    ou_decref(a);
    ou_decref(b);
}

static Value map_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "map") < 0) return OU_ERR;
    if (nargs < 2) return ou_err_format(ou_TypeError, "map() must have at least two arguments.");
    Value its = iter_all(args + 1, nargs - 1);
    if (IS_ERR(its)) return OU_ERR;
    Map *m = ou_obj_alloc(type, sizeof(Map));
    if (!m) {
        ou_decref(its);
        return OU_ERR;
    }
    m->func = ou_newref(args[0]);
    m->its = its;
    return MK_OBJ(m);
}

#define MAP_STACK_ARGS 8

static Value map_next(Value self) {
    Map *m = (Map *)AS_OBJ(self);
    if (IS_UNDEF(m->its)) return OU_UNDEF;
    OuTuple *its = AS_TUPLE(m->its);
    int64_t n = its->len;
    if (n == 1) {
        Value v = ou_next(its->items[0]);
        if (IS_UNDEF(v)) {
            map_clear(&m->ob);
            return OU_UNDEF;
        }
        if (IS_ERR(v)) return OU_ERR;
        Value r = ou_call1(m->func, v);
        ou_decref(v);
        return r;
    }
    Value stack[MAP_STACK_ARGS];
    Value *argv = n <= MAP_STACK_ARGS ? stack : ou_mem_alloc((size_t)n * sizeof(Value));
    if (!argv) return OU_ERR;
    Value r = OU_UNDEF;
    int64_t got = 0;
    for (; got < n; got++) {
        Value v = ou_next(its->items[got]);
        if (IS_ERR(v) || IS_UNDEF(v)) {
            r = v;
            break;
        }
        argv[got] = v;
    }
    if (got == n) r = ou_call(m->func, argv, (int)n, OU_UNDEF);
    for (int64_t i = 0; i < got; i++) ou_decref(argv[i]);
    if (argv != stack) ou_mem_free(argv);
    if (IS_UNDEF(r)) map_clear(&m->ob);
    return r;
}

OuType ou_map_type = {
    .ob = CT_STATIC_HEAD,
    .name = "map",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Map),
    .dealloc = map_dealloc,
    .traverse = map_traverse,
    .clear = map_clear,
    .iter = iter_self,
    .next = map_next,
    .new = map_new,
};

/* ------------------------------------------------------------------------------------------ */
/* filter(function or None, iterable). */

typedef struct { OuObject ob; Value func, it; } Filter;

static void filter_dealloc(OuObject *o) {
    Filter *f = (Filter *)o;
    ou_decref(f->func);
    ou_decref(f->it);
    ou_obj_free(o);
}
static int filter_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((Filter *)o)->func);
    CT_VISIT(((Filter *)o)->it);
    return 0;
}
static void filter_clear(OuObject *o) {
    Filter *f = (Filter *)o;
    Value a = f->func, b = f->it;
    f->func = f->it = OU_UNDEF;
    ou_decref(a);
    ou_decref(b);
}

static Value filter_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "filter") < 0 || ct_args_range("filter", nargs, 2, 2) < 0) return OU_ERR;
    Value it = ou_iter(args[1]);
    if (IS_ERR(it)) return OU_ERR;
    Filter *f = ou_obj_alloc(type, sizeof(Filter));
    if (!f) {
        ou_decref(it);
        return OU_ERR;
    }
    f->func = ou_newref(args[0]);
    f->it = it;
    return MK_OBJ(f);
}

static Value filter_next(Value self) {
    Filter *f = (Filter *)AS_OBJ(self);
    if (IS_UNDEF(f->it)) return OU_UNDEF;
    for (;;) {
        Value v = ou_next(f->it);
        if (IS_ERR(v)) return OU_ERR;
        if (IS_UNDEF(v)) {
            filter_clear(&f->ob);
            return OU_UNDEF;
        }
        int ok;
        if (IS_NONE(f->func) || f->func == MK_OBJ(&ou_bool_type)) {
            ok = ou_truthy(v);
        } else {
            Value r = ou_call1(f->func, v);
            if (IS_ERR(r)) {
                ou_decref(v);
                return OU_ERR;
            }
            ok = ou_truthy(r);
            ou_decref(r);
        }
        if (ok > 0) return v;
        ou_decref(v);
        if (ok < 0) return OU_ERR;
    }
}

OuType ou_filter_type = {
    .ob = CT_STATIC_HEAD,
    .name = "filter",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Filter),
    .dealloc = filter_dealloc,
    .traverse = filter_traverse,
    .clear = filter_clear,
    .iter = iter_self,
    .next = filter_next,
    .new = filter_new,
};

/* ------------------------------------------------------------------------------------------ */
/* reversed(seq): seq.__reversed__() when the type has it, else a reverse walk by index over
 * a sequence (__len__ and __getitem__). Exact lists and tuples index their items directly. */

typedef struct { OuObject ob; Value seq; int64_t index; } Reversed; /* index: next to yield */

static void rev_dealloc(OuObject *o) {
    ou_decref(((Reversed *)o)->seq);
    ou_obj_free(o);
}
static int rev_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((Reversed *)o)->seq);
    return 0;
}
static void rev_clear(OuObject *o) {
    Reversed *r = (Reversed *)o;
    Value s = r->seq;
    r->seq = OU_UNDEF;
    ou_decref(s);
}

static Value rev_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "reversed") < 0 || ct_args_range("reversed", nargs, 1, 1) < 0) return OU_ERR;
    Value seq = args[0];
    OuType *t = ou_typeof(seq);
    Value meth = ou_type_lookup(t, s_reversed);
    if (IS_NONE(meth))
        return ou_err_format(ou_TypeError, "'%s' object is not reversible", t->name);
    if (!IS_UNDEF(meth)) return ou_call_method(seq, "__reversed__", NULL, 0);
    if (!t->getitem || ou_is_subtype(t, &ou_dict_type) || (!t->len && IS_UNDEF(ou_type_lookup(t, s_len))))
        return ou_err_format(ou_TypeError, "'%s' object is not reversible", t->name);
    int64_t n = ou_len(seq);
    if (n < 0) return OU_ERR;
    Reversed *r = ou_obj_alloc(type, sizeof(Reversed));
    if (!r) return OU_ERR;
    r->seq = ou_newref(seq);
    r->index = n - 1;
    return MK_OBJ(r);
}

static Value rev_next(Value self) {
    Reversed *r = (Reversed *)AS_OBJ(self);
    if (IS_UNDEF(r->seq)) return OU_UNDEF;
    if (r->index >= 0) {
        Value seq = r->seq;
        if (IS_TUPLE(seq)) return ou_newref(AS_TUPLE(seq)->items[r->index--]);
        if (IS_LIST(seq) && r->index < AS_LIST(seq)->len) return ou_newref(AS_LIST(seq)->items[r->index--]);
        Value v = ou_getitem(seq, ou_int(r->index));
        if (!IS_ERR(v)) {
            r->index--;
            return v;
        }
        if (!ou_err_matches(ou_IndexError) && !ou_err_matches(ou_StopIteration)) return OU_ERR;
        ou_err_clear();
    }
    rev_clear(&r->ob);
    return OU_UNDEF;
}

OuType ou_reversed_type = {
    .ob = CT_STATIC_HEAD,
    .name = "reversed",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Reversed),
    .dealloc = rev_dealloc,
    .traverse = rev_traverse,
    .clear = rev_clear,
    .iter = iter_self,
    .next = rev_next,
    .new = rev_new,
};

/* ------------------------------------------------------------------------------------------ */

/* it.__next__() for the iterator types here and in the other container files, so that Python
 * code may call it explicitly. */
static Value m_next(Value *args, int nargs, Value kwnames) {
    if (ct_args_wrap(nargs - 1, 0) < 0) return OU_ERR;
    Value v = ou_typeof(args[0])->next(args[0]);
    if (IS_UNDEF(v)) {
        Value e = ou_exc_new(ou_StopIteration, NULL, 0);
        if (IS_ERR(e)) return OU_ERR;
        ou_err_set_exc(e);
        ou_decref(e);
        return OU_ERR;
    }
    return v;
}
static Value m_iter(Value *args, int nargs, Value kwnames) { return ou_newref(args[0]); }

static const OuMethodDef iter_methods[] = {
    {"__next__", m_next, "Implement next(self)."},
    {"__iter__", m_iter, "Implement iter(self)."},
    {NULL, NULL, NULL},
};

int vm_init_iter(void) {
    s_reversed = ou_str_intern("__reversed__");
    s_len = ou_str_intern("__len__");
    if (IS_ERR(s_reversed) || IS_ERR(s_len)) return -1;
    OuType *types[] = {&ct_seqiter_type, &ou_enumerate_type, &ou_zip_type, &ou_map_type,
                       &ou_filter_type, &ou_reversed_type, &ct_listiter_type, &ct_listreviter_type,
                       &ct_tupleiter_type, &ct_dictiter_keys_type, &ct_dictiter_values_type,
                       &ct_dictiter_items_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++) {
        if (ou_type_ready(types[i]) < 0) return -1;
        if (ou_add_functions(types[i]->dict, iter_methods, OU_UNDEF) < 0) return -1;
    }
    return ct_init_genericalias();
}
