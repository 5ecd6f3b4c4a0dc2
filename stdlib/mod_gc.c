/* mod_gc.c: the `gc` module, the script's view of the cycle collector (gc/gc.c).
 *
 * Messages and argument handling follow CPython 3.11's Modules/gcmodule.c. The module owns
 * the two lists the collector reads, gc.callbacks and gc.garbage (gc_callbacks, gc_garbage):
 * they are created on the first import and released at exit by ou_mod_gc_fini.
 *
 * One deliberate simplification: CPython untracks a dict while all its keys and values are
 * atoms; Ouro's dicts always stay tracked (it costs the collector a little time, nothing
 * else), and is_tracked() answers for a dict what CPython would: whether any key or value
 * may be tracked.
 */
#include "gc.h"
#include "ouro.h"

static int gen_arg(Value v, int64_t *out) {
    if (IS_BOOL(v)) {
        *out = v == OU_TRUE;
        return 0;
    }
    return ou_int_arg(v, out, "generation");
}

static Value m_collect(Value *args, int nargs, Value kwnames) {
    Value gen = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "collect", "|O", (const char *const[]){"generation", NULL},
                      &gen) < 0)
        return OU_ERR;
    int64_t g = 2;
    if (!IS_UNDEF(gen) && gen_arg(gen, &g) < 0) return OU_ERR;
    if (g < 0 || g > 2) return ou_err_format(ou_ValueError, "invalid generation");
    return ou_int(gc_collect((int)g));
}

static Value no_args(const char *name, int nargs, Value kwnames) {
    if (nargs != 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError, "%s() takes no arguments (%d given)", name,
                             nargs + (IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len));
    return OU_NONE;
}

static Value m_enable(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("enable", nargs, kwnames))) return OU_ERR;
    gc_enabled = true;
    return OU_NONE;
}

static Value m_disable(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("disable", nargs, kwnames))) return OU_ERR;
    gc_enabled = false;
    return OU_NONE;
}

static Value m_isenabled(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("isenabled", nargs, kwnames))) return OU_ERR;
    return MK_BOOL(gc_enabled);
}

static Value one_arg(const char *name, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "%s() takes no keyword arguments", name);
    if (nargs != 1)
        return ou_err_format(ou_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
    return OU_NONE;
}

/* CPython's view of tracking for a dict: see the header comment. */
static bool dict_has_container(Value d) {
    int64_t pos = 0;
    Value k, v;
    while (ou_dict_next(d, &pos, &k, &v))
        if (gc_may_be_tracked(k) || gc_may_be_tracked(v)) return true;
    return false;
}

static Value m_is_tracked(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(one_arg("gc.is_tracked", nargs, kwnames))) return OU_ERR;
    Value v = args[0];
    if (!IS_OBJ(v) || !(AS_OBJ(v)->gcflags & OU_GCF_TRACKED)) return OU_FALSE;
    if (IS_DICT(v)) return MK_BOOL(dict_has_container(v));
    return OU_TRUE;
}

static Value m_is_finalized(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(one_arg("gc.is_finalized", nargs, kwnames))) return OU_ERR;
    Value v = args[0];
    return MK_BOOL(IS_OBJ(v) && (AS_OBJ(v)->type->flags & OU_TPFLAG_GC) &&
                   (AS_OBJ(v)->gcflags & OU_GCF_FINALIZED));
}

static Value m_get_count(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("get_count", nargs, kwnames))) return OU_ERR;
    int64_t c[GC_NGENS];
    gc_get_counts(c);
    return ou_tuple_pack(3, MK_SMALLINT(c[0]), MK_SMALLINT(c[1]), MK_SMALLINT(c[2]));
}

static Value m_get_threshold(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("get_threshold", nargs, kwnames))) return OU_ERR;
    int64_t t[GC_NGENS];
    gc_get_thresholds(t);
    return ou_tuple_pack(3, MK_SMALLINT(t[0]), MK_SMALLINT(t[1]), MK_SMALLINT(t[2]));
}

/* A C int argument as CPython's "i" format converts it. */
static int c_int_arg(Value v, int64_t *out) {
    if (IS_FLOAT(v)) {
        ou_err_format(ou_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (ou_int_arg(v, out, "threshold") < 0) return -1;
    if (*out > INT32_MAX) {
        ou_err_format(ou_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (*out < INT32_MIN) {
        ou_err_format(ou_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    return 0;
}

static Value m_set_threshold(Value *args, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "set_threshold() takes no keyword arguments");
    if (nargs < 1)
        return ou_err_format(ou_TypeError, "set_threshold() takes at least 1 argument (%d given)", nargs);
    if (nargs > 3)
        return ou_err_format(ou_TypeError, "set_threshold() takes at most 3 arguments (%d given)", nargs);
    int64_t t[GC_NGENS];
    gc_get_thresholds(t);
    for (int i = 0; i < nargs; i++)
        if (c_int_arg(args[i], &t[i]) < 0) return OU_ERR;
    gc_set_thresholds(t);
    return OU_NONE;
}

static Value m_get_stats(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("get_stats", nargs, kwnames))) return OU_ERR;
    GcGenStats st[GC_NGENS];
    gc_get_stats(st);
    Value l = ou_list_new(0);
    if (IS_ERR(l)) return OU_ERR;
    for (int i = 0; i < GC_NGENS; i++) {
        Value d = ou_dict_new();
        if (IS_ERR(d)) goto fail;
        Value c1 = ou_int(st[i].collections), c2 = ou_int(st[i].collected),
              c3 = ou_int(st[i].uncollectable);
        int r = ou_dict_set_str(d, "collections", c1) < 0 || ou_dict_set_str(d, "collected", c2) < 0 ||
                ou_dict_set_str(d, "uncollectable", c3) < 0 || ou_list_append_steal(l, d) < 0;
        ou_xdecref(c1);
        ou_xdecref(c2);
        ou_xdecref(c3);
        if (r) goto fail;
    }
    return l;
fail:
    ou_decref(l);
    return OU_ERR;
}

static Value m_set_debug(Value *args, int nargs, Value kwnames) {
    Value flags = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "set_debug", "O", (const char *const[]){"flags", NULL},
                      &flags) < 0)
        return OU_ERR;
    int64_t f;
    if (c_int_arg(flags, &f) < 0) return OU_ERR;
    gc_debug = (int)f;
    return OU_NONE;
}

static Value m_get_debug(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("get_debug", nargs, kwnames))) return OU_ERR;
    return MK_SMALLINT(gc_debug);
}

static Value m_freeze(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("freeze", nargs, kwnames))) return OU_ERR;
    gc_freeze();
    return OU_NONE;
}

static Value m_unfreeze(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("unfreeze", nargs, kwnames))) return OU_ERR;
    gc_unfreeze();
    return OU_NONE;
}

static Value m_get_freeze_count(Value *args, int nargs, Value kwnames) {
    if (IS_ERR(no_args("get_freeze_count", nargs, kwnames))) return OU_ERR;
    return ou_int(gc_freeze_count());
}

/* ---- object lists ---- */

typedef struct {
    Value result; /* the list being filled: never reported itself */
    Value *objs;  /* get_referrers: the objects looked for */
    int nobjs;
    bool found;
} Gather;

/* Objects with rc == 0 are being deallocated (their dealloc slot ran Python code, such as a
 * weakref callback or a __del__ of a child, that called get_objects/get_referrers) or wait in
 * the trashcan (vm/object.c): they are never reported, since a reference handed out would
 * outlive the object, and are not traversed, since their children may already be freed. */
static int gather_all(OuObject *o, void *ctx) {
    Gather *g = ctx;
    if (MK_OBJ(o) == g->result || o->rc == 0) return 0;
    return ou_list_append(g->result, MK_OBJ(o)) < 0 ? -1 : 0;
}

static Value m_get_objects(Value *args, int nargs, Value kwnames) {
    Value gen = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, "get_objects", "|O",
                      (const char *const[]){"generation", NULL}, &gen) < 0)
        return OU_ERR;
    int64_t g = -1;
    if (!IS_NONE(gen)) {
        if (!ou_is_int(gen))
            return ou_err_format(ou_TypeError, "argument should be integer or None, not '%s'",
                                 OU_TYPE_NAME(gen));
        if (gen_arg(gen, &g) < 0) return OU_ERR;
        if (g >= GC_NGENS)
            return ou_err_format(ou_ValueError, "generation parameter must be less than the number "
                                                "of available generations (%i)", GC_NGENS);
        /* -1 means all generations, as None does (CPython 3.11). */
        if (g < -1) return ou_err_format(ou_ValueError, "generation parameter cannot be negative");
    }
    Gather c = {ou_list_new(0), NULL, 0, false};
    if (IS_ERR(c.result)) return OU_ERR;
    if (gc_foreach_gen((int)g, gather_all, &c) < 0) {
        ou_decref(c.result);
        return OU_ERR;
    }
    return c.result;
}

static int visit_match(OuObject *child, void *arg) {
    Gather *g = arg;
    for (int i = 0; i < g->nobjs; i++)
        if (MK_OBJ(child) == g->objs[i]) {
            g->found = true;
            return 1;
        }
    return 0;
}

static int gather_referrer(OuObject *o, void *ctx) {
    Gather *g = ctx;
    if (MK_OBJ(o) == g->result || !o->type->traverse || o->rc == 0) return 0;
    g->found = false;
    o->type->traverse(o, visit_match, g);
    if (g->found && ou_list_append(g->result, MK_OBJ(o)) < 0) return -1;
    return 0;
}

static Value m_get_referrers(Value *args, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "get_referrers() takes no keyword arguments");
    Gather c = {ou_list_new(0), args, nargs, false};
    if (IS_ERR(c.result)) return OU_ERR;
    if (gc_foreach_gen(-1, gather_referrer, &c) < 0) {
        ou_decref(c.result);
        return OU_ERR;
    }
    return c.result;
}

static int visit_append(OuObject *child, void *arg) {
    return ou_list_append(*(Value *)arg, MK_OBJ(child)) < 0 ? -1 : 0;
}

/* CPython's traverse slots visit every item of a list or tuple, and of a dict the values (and
 * the keys unless they are all str): Ouro's visit only objects, so these three are read
 * directly to give the same answer for ints, floats and None too. */
static int referents_of(Value v, Value result) {
    OuObject *o = AS_OBJ(v);
    if (o->type == &ou_list_type || o->type == &ou_tuple_type) {
        int64_t n = o->type == &ou_list_type ? AS_LIST(v)->len : AS_TUPLE(v)->len;
        Value *items = o->type == &ou_list_type ? AS_LIST(v)->items : AS_TUPLE(v)->items;
        for (int64_t i = n - 1; i >= 0; i--) /* CPython visits them last first */
            if (ou_list_append(result, items[i]) < 0) return -1;
        return 0;
    }
    if (o->type == &ou_dict_type) {
        int64_t pos = 0;
        Value k, val;
        bool strkeys = true;
        while (ou_dict_next(v, &pos, &k, &val)) strkeys = strkeys && IS_STR(k);
        pos = 0;
        while (ou_dict_next(v, &pos, &k, &val))
            if (ou_list_append(result, val) < 0 || (!strkeys && ou_list_append(result, k) < 0))
                return -1;
        return 0;
    }
    if (!(o->type->flags & OU_TPFLAG_GC) || !o->type->traverse) return 0;
    return o->type->traverse(o, visit_append, &result) ? -1 : 0;
}

static Value m_get_referents(Value *args, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "get_referents() takes no keyword arguments");
    Value result = ou_list_new(0);
    if (IS_ERR(result)) return OU_ERR;
    for (int i = 0; i < nargs; i++) {
        if (!IS_OBJ(args[i])) continue;
        if (referents_of(args[i], result) < 0) {
            ou_decref(result);
            return OU_ERR;
        }
    }
    return result;
}

static const OuMethodDef gc_functions[] = {
    {"collect", m_collect, "Run the garbage collector."},
    {"enable", m_enable, "Enable automatic garbage collection."},
    {"disable", m_disable, "Disable automatic garbage collection."},
    {"isenabled", m_isenabled, "Returns true if automatic garbage collection is enabled."},
    {"is_tracked", m_is_tracked, "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", m_is_finalized, "Returns true if the object has been already finalized by the GC."},
    {"get_count", m_get_count, "Return a three-tuple of the current collection counts."},
    {"get_threshold", m_get_threshold, "Return the current collection thresholds."},
    {"set_threshold", m_set_threshold, "Set the collection thresholds (the collection frequency)."},
    {"get_stats", m_get_stats, "Return a list of dictionaries containing per-generation statistics."},
    {"set_debug", m_set_debug, "Set the garbage collection debugging flags."},
    {"get_debug", m_get_debug, "Get the garbage collection debugging flags."},
    {"get_objects", m_get_objects, "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", m_get_referrers, "Return the list of objects that directly refer to any of objs."},
    {"get_referents", m_get_referents, "Return the list of objects that are directly referred to by objs."},
    {"freeze", m_freeze, "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", m_unfreeze, "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", m_get_freeze_count, "Return the number of objects in the permanent generation."},
    {NULL, NULL, NULL},
};

Value ou_mod_gc_init(void) {
    Value m = ou_module_new("gc");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value name = ou_str_cstr("gc");
    int r = IS_ERR(name) ? -1 : ou_add_functions(d, gc_functions, name);
    ou_xdecref(name);
    if (r < 0) goto fail;
    if (!IS_OBJ(gc_garbage) && IS_ERR(gc_garbage = ou_list_new(0))) goto fail_lists;
    if (!IS_OBJ(gc_callbacks) && IS_ERR(gc_callbacks = ou_list_new(0))) goto fail_lists;
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"DEBUG_STATS", GC_DEBUG_STATS},       {"DEBUG_COLLECTABLE", GC_DEBUG_COLLECTABLE},
        {"DEBUG_UNCOLLECTABLE", GC_DEBUG_UNCOLLECTABLE}, {"DEBUG_SAVEALL", GC_DEBUG_SAVEALL},
        {"DEBUG_LEAK", GC_DEBUG_LEAK},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ou_dict_set_str(d, consts[i].name, MK_SMALLINT(consts[i].value)) < 0) goto fail;
    if (ou_dict_set_str(d, "garbage", gc_garbage) < 0 ||
        ou_dict_set_str(d, "callbacks", gc_callbacks) < 0)
        goto fail;
    return m;
fail_lists:
    gc_garbage = IS_ERR(gc_garbage) ? OU_UNDEF : gc_garbage;
    gc_callbacks = IS_ERR(gc_callbacks) ? OU_UNDEF : gc_callbacks;
fail:
    ou_decref(m);
    return OU_ERR;
}

void ou_mod_gc_fini(void) {
    Value g = gc_garbage, c = gc_callbacks;
    gc_garbage = gc_callbacks = OU_UNDEF;
    ou_xdecref(g);
    ou_xdecref(c);
}
