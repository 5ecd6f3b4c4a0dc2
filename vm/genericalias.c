/* genericalias.c: list[int], dict[str, int]... (CPython's types.GenericAlias), made by the
 * __class_getitem__ classmethod of the builtin containers. Annotations are evaluated when a
 * function is defined, so `def f(x: list[int])` needs these to exist; they print like
 * CPython's and calling one calls its origin class. */
#include "container.h"
#include "vm.h"

typedef struct { OuObject ob; Value origin, args; } GenericAlias; /* args: a tuple */

static void ga_dealloc(OuObject *o) {
    GenericAlias *g = (GenericAlias *)o;
    ou_decref(g->origin);
    ou_decref(g->args);
    ou_obj_free(o);
}
static int ga_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    CT_VISIT(((GenericAlias *)o)->origin);
    CT_VISIT(((GenericAlias *)o)->args);
    return 0;
}
static void ga_clear(OuObject *o) {
    GenericAlias *g = (GenericAlias *)o;
    Value a = g->origin, b = g->args;
    g->origin = g->args = OU_NONE;
    ou_decref(a);
    ou_decref(b);
}

/* A type prints as its qualified name (module-qualified outside builtins), ... as "...",
 * anything else by repr, as CPython's ga_repr_item does. */
static int put_item(CtBuf *b, Value v) {
    if (v == ou_Ellipsis) return ct_buf_puts(b, "...");
    if (ou_instance_of(v, &ou_type_type)) {
        OuType *t = AS_TYPE(v);
        if (IS_STR(t->module) && !ou_str_eq_cstr(t->module, "builtins")) {
            if (ct_buf_put_str(b, t->module) < 0 || ct_buf_puts(b, ".") < 0) return -1;
        }
        if (IS_STR(t->qualname)) return ct_buf_put_str(b, t->qualname);
        return ct_buf_puts(b, t->name);
    }
    return ct_buf_put_repr(b, v);
}

static Value ga_repr(Value self) {
    GenericAlias *g = (GenericAlias *)AS_OBJ(self);
    CtBuf b;
    ct_buf_init(&b);
    if (put_item(&b, g->origin) < 0 || ct_buf_puts(&b, "[") < 0) goto fail;
    OuTuple *args = AS_TUPLE(g->args);
    if (args->len == 0 && ct_buf_puts(&b, "()") < 0) goto fail;
    for (int64_t i = 0; i < args->len; i++) {
        if (i > 0 && ct_buf_puts(&b, ", ") < 0) goto fail;
        if (put_item(&b, args->items[i]) < 0) goto fail;
    }
    if (ct_buf_puts(&b, "]") < 0) goto fail;
    return ct_buf_finish(&b);
fail:
    ct_buf_free(&b);
    return OU_ERR;
}

static Value ga_call(Value self, Value *args, int nargs, Value kwnames) {
    return ou_call(((GenericAlias *)AS_OBJ(self))->origin, args, nargs, kwnames);
}

static Value ga_getattr(Value self, Value name) {
    GenericAlias *g = (GenericAlias *)AS_OBJ(self);
    if (ou_str_eq_cstr(name, "__origin__")) return ou_newref(g->origin);
    if (ou_str_eq_cstr(name, "__args__")) return ou_newref(g->args);
    return ou_getattr(g->origin, name);
}

static Value ga_richcmp(Value a, Value b, int op) {
    OuType *t = AS_OBJ(a)->type;
    if ((op != OU_EQ && op != OU_NE) || !ou_is_type(b, t)) return ou_newref(ou_NotImplemented);
    GenericAlias *x = (GenericAlias *)AS_OBJ(a), *y = (GenericAlias *)AS_OBJ(b);
    int eq = ct_eq(x->origin, y->origin);
    if (eq == 1) eq = ct_eq(x->args, y->args);
    if (eq < 0) return OU_ERR;
    return MK_BOOL(op == OU_EQ ? eq : !eq);
}

static int64_t ga_hash(Value self) {
    GenericAlias *g = (GenericAlias *)AS_OBJ(self);
    int64_t a = ou_hash(g->origin);
    if (a == -1) return -1;
    int64_t b = ou_hash(g->args);
    if (b == -1) return -1;
    int64_t h = a ^ b;
    return h == -1 ? -2 : h;
}

static OuType genericalias_type = {
    .ob = CT_STATIC_HEAD,
    .name = "types.GenericAlias",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(GenericAlias),
    .dealloc = ga_dealloc,
    .traverse = ga_traverse,
    .clear = ga_clear,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcmp = ga_richcmp,
    .call = ga_call,
    .getattr = ga_getattr,
};

/* cls.__class_getitem__(item): a classmethod, so args[0] is the class. */
static Value class_getitem(Value *args, int nargs, Value kwnames) {
    if (ct_no_kw(kwnames, "__class_getitem__") < 0 || ct_args_one("__class_getitem__", nargs - 1) < 0)
        return OU_ERR;
    Value items = IS_TUPLE(args[1]) ? ou_newref(args[1]) : ou_tuple_pack(1, args[1]);
    if (IS_ERR(items)) return OU_ERR;
    GenericAlias *g = ou_obj_alloc(&genericalias_type, sizeof(GenericAlias));
    if (!g) {
        ou_decref(items);
        return OU_ERR;
    }
    g->origin = ou_newref(args[0]);
    g->args = items;
    return MK_OBJ(g);
}

/* Called from vm_init_iter, after the container types are ready. */
int ct_init_genericalias(void) {
    if (ou_type_ready(&genericalias_type) < 0) return -1;
    OuType *types[] = {&ou_list_type, &ou_tuple_type, &ou_dict_type, &ou_set_type,
                       &ou_frozenset_type, &ou_enumerate_type};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (ct_add_classmethod(types[i], "__class_getitem__", class_getitem) < 0) return -1;
    return 0;
}
