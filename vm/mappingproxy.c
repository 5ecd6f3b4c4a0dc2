/* mappingproxy.c: the read-only, live view of a mapping that `C.__dict__` returns (CPython's
 * types.MappingProxyType). Reads go to the mapping; there is no way to write through it, so a
 * class's namespace changes only by setattr on the class, which keeps the attribute caches'
 * epoch honest. */
#include "container.h"
#include "vm.h"

typedef struct { OuObject ob; Value mapping; } MappingProxy; /* mapping: owned, never cleared
                                                                 to anything but None */

#define PROXY(v) ((MappingProxy *)AS_OBJ(v))

static void mp_dealloc(OuObject *o) {
    ou_decref(((MappingProxy *)o)->mapping);
    ou_obj_free(o);
}
static int mp_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((MappingProxy *)o)->mapping);
    return 0;
}
static void mp_clear(OuObject *o) {
    MappingProxy *p = (MappingProxy *)o;
    Value m = p->mapping;
    p->mapping = OU_NONE;
    ou_decref(m);
}

static Value mp_repr(Value self) { return ou_str_printf("mappingproxy(%R)", PROXY(self)->mapping); }
static Value mp_str(Value self) { return ou_to_str(PROXY(self)->mapping); }
static Value mp_getitem(Value self, Value key) { return ou_getitem(PROXY(self)->mapping, key); }
static int mp_contains(Value self, Value key) { return ou_contains(PROXY(self)->mapping, key); }
static Value mp_iter(Value self) { return ou_iter(PROXY(self)->mapping); }
static int64_t mp_len(Value self) { return ou_len(PROXY(self)->mapping); }

/* Comparisons and `|` act on the mapping itself, as CPython's do. */
static Value unwrap(Value v, OuType *t) { return ou_is_type(v, t) ? PROXY(v)->mapping : v; }
static Value mp_richcmp(Value a, Value b, int op) {
    return ou_richcmp(unwrap(a, ou_typeof(a)), b, op);
}
static Value mp_binop(Value a, Value b, int op, bool reflected) {
    if (op != OU_BIN_OR) return ou_newref(ou_NotImplemented);
    OuType *t = reflected ? ou_typeof(b) : ou_typeof(a);
    return ou_binop(unwrap(a, t), unwrap(b, t), OU_BIN_OR);
}

/* keys(), values(), items(), copy() and get() are the mapping's own. */
static Value forward(Value *args, int nargs, const char *name, int min, int max) {
    if (nargs - 1 < min || nargs - 1 > max) {
        if (max == 0) return ou_err_format(ou_TypeError, "%s() takes no arguments (%d given)",
                                           name, nargs - 1);
        return ou_err_format(ou_TypeError, "%s expected at most %d arguments, got %d", name,
                             max, nargs - 1);
    }
    return ou_call_method(PROXY(args[0])->mapping, name, args + 1, nargs - 1);
}
static Value m_keys(Value *args, int nargs, Value kw) {
    return ct_no_kw(kw, "keys") < 0 ? OU_ERR : forward(args, nargs, "keys", 0, 0);
}
static Value m_values(Value *args, int nargs, Value kw) {
    return ct_no_kw(kw, "values") < 0 ? OU_ERR : forward(args, nargs, "values", 0, 0);
}
static Value m_items(Value *args, int nargs, Value kw) {
    return ct_no_kw(kw, "items") < 0 ? OU_ERR : forward(args, nargs, "items", 0, 0);
}
static Value m_copy(Value *args, int nargs, Value kw) {
    return ct_no_kw(kw, "copy") < 0 ? OU_ERR : forward(args, nargs, "copy", 0, 0);
}
static Value m_get(Value *args, int nargs, Value kw) {
    return ct_no_kw(kw, "get") < 0 ? OU_ERR : forward(args, nargs, "get", 1, 2);
}
static const OuMethodDef mp_methods[] = {
    {"keys", m_keys, "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", m_values, "D.values() -> an object providing a view on D's values"},
    {"items", m_items, "D.items() -> a set-like object providing a view on D's items"},
    {"copy", m_copy, "D.copy() -> a shallow copy of D"},
    {"get", m_get, "Return the value for key if key is in the mapping, else default."},
    {NULL, NULL, NULL},
};

OuType ou_mappingproxy_type = {
    .ob = CT_STATIC_HEAD,
    .name = "mappingproxy",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(MappingProxy),
    .dealloc = mp_dealloc,
    .traverse = mp_traverse,
    .clear = mp_clear,
    .repr = mp_repr,
    .str = mp_str,
    .richcmp = mp_richcmp,
    .binop = mp_binop,
    .iter = mp_iter,
    .len = mp_len,
    .getitem = mp_getitem,
    .contains = mp_contains,
};

Value ou_mappingproxy_new(Value mapping) {
    static bool ready;
    if (!ready) {
        if (ou_type_ready(&ou_mappingproxy_type) < 0 ||
            ou_add_functions(ou_mappingproxy_type.dict, mp_methods, OU_UNDEF) < 0)
            return OU_ERR;
        ready = true;
    }
    MappingProxy *p = ou_obj_alloc(&ou_mappingproxy_type, sizeof(MappingProxy));
    if (!p) return OU_ERR;
    p->mapping = ou_newref(mapping);
    return MK_OBJ(p);
}
