/* mod_gc.c: the `gc` module, the script's view of the cycle collector (gc/).
 * This first version exposes the single-list collector; generations, callbacks, debug flags
 * and freezing come with the memory issue. */
#include "gc.h"
#include "ouro.h"

static Value gc_garbage = OU_UNDEF;

static Value m_collect(Value *args, int nargs, Value kwnames) {
    Value gen = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "collect", "|O", (const char *const[]){"generation", NULL},
                      &gen) < 0)
        return OU_ERR;
    int64_t g = 2;
    if (!IS_UNDEF(gen) && ou_int_arg(gen, &g, "generation") < 0) return OU_ERR;
    if (g < 0 || g > 2) return ou_err_format(ou_ValueError, "invalid generation");
    int64_t n = gc_collect((int)g);
    if (n < 0) return OU_ERR;
    return ou_int(n);
}

static Value m_enable(Value *args, int nargs, Value kwnames) {
    gc_enabled = true;
    return OU_NONE;
}

static Value m_disable(Value *args, int nargs, Value kwnames) {
    gc_enabled = false;
    return OU_NONE;
}

static Value m_isenabled(Value *args, int nargs, Value kwnames) { return MK_BOOL(gc_enabled); }

static Value m_is_tracked(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return ou_err_format(ou_TypeError, "is_tracked() takes exactly one argument (%d given)", nargs);
    return MK_BOOL(IS_OBJ(args[0]) && (AS_OBJ(args[0])->gcflags & OU_GCF_TRACKED));
}

static Value m_is_finalized(Value *args, int nargs, Value kwnames) {
    if (nargs != 1) return ou_err_format(ou_TypeError, "is_finalized() takes exactly one argument (%d given)", nargs);
    return MK_BOOL(IS_OBJ(args[0]) && (AS_OBJ(args[0])->gcflags & OU_GCF_FINALIZED));
}

static const OuMethodDef gc_functions[] = {
    {"collect", m_collect, "Run a full collection and return the number of unreachable objects."},
    {"enable", m_enable, "Enable automatic garbage collection."},
    {"disable", m_disable, "Disable automatic garbage collection."},
    {"isenabled", m_isenabled, "Return true if automatic collection is enabled."},
    {"is_tracked", m_is_tracked, "Return true if the object is tracked by the collector."},
    {"is_finalized", m_is_finalized, "Return true if the object's finalizer has run."},
    {NULL, NULL, NULL},
};

Value ou_mod_gc_init(void) {
    Value m = ou_module_new("gc");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    Value name = ou_str_cstr("gc");
    int r = IS_ERR(name) ? -1 : ou_add_functions(d, gc_functions, name);
    ou_decref(name);
    if (r < 0) goto fail;
    if (!IS_OBJ(gc_garbage)) {
        gc_garbage = ou_list_new(0);
        if (IS_ERR(gc_garbage)) goto fail;
    }
    if (ou_dict_set_str(d, "garbage", gc_garbage) < 0) goto fail;
    return m;
fail:
    ou_decref(m);
    return OU_ERR;
}

void ou_mod_gc_fini(void) {
    ou_decref(gc_garbage);
    gc_garbage = OU_UNDEF;
}
