/* shape.c: compact instances. The transition tree of shapes (hidden classes), the slot
 * capacity of new instances, and the conversion of an instance from shape mode to dict mode.
 * The layout and its two modes are described at OuInstance (include/ouro.h), the shapes'
 * invariants at VmShape (vm/vm.h). The attribute protocol uses these from vm/type.c (generic
 * getattr/setattr), vm/class.c (dealloc, traverse, clear) and the inline caches of
 * vm/interp.c.
 *
 * Every shape ever made is in `all_shapes` (vm_shape_root excepted), which is what lets
 * vm_fini_shapes free them; nothing else owns a shape. A shape owns a reference to each of its
 * names (the interned str) and to nothing else.
 */
#include <stdlib.h>

#include "gc.h"
#include "shape.h"

VmShape vm_shape_root;
bool vm_inline_attrs = true;

static VmShape **all_shapes;
static uint32_t nshapes, shapes_cap;

static bool is_interned(Value s) { return (AS_OBJ(s)->aux & OU_STR_INTERNED) != 0; }

int32_t vm_shape_index(const VmShape *s, Value name) {
    const Value *n = s->names;
    uint32_t count = s->count;
    for (uint32_t i = 0; i < count; i++)
        if (n[i] == name) return (int32_t)i;
    /* Shapes hold interned names only, so an interned name that did not match is absent; a
     * name computed at run time (getattr(o, "a" + "b")) is compared by its text. */
    if (count == 0 || is_interned(name)) return -1;
    for (uint32_t i = 0; i < count; i++)
        if (ou_str_eq(n[i], name)) return (int32_t)i;
    return -1;
}

static bool remember(VmShape *s) {
    if (nshapes == shapes_cap) {
        uint32_t cap = shapes_cap ? shapes_cap * 2 : 64;
        VmShape **p = ou_mem_realloc(all_shapes, cap * sizeof *p);
        if (!p) return false;
        all_shapes = p;
        shapes_cap = cap;
    }
    all_shapes[nshapes++] = s;
    return true;
}

VmShape *vm_shape_add(VmShape *s, Value name) {
    for (uint32_t i = 0; i < s->nedges; i++)
        if (s->edges[i].name == name) return s->edges[i].child;
    if (!IS_STR(name) || s->count >= OU_SHAPE_MAX_SLOTS || nshapes >= OU_SHAPE_MAX_COUNT)
        return NULL;
    if (!is_interned(name))
        for (uint32_t i = 0; i < s->nedges; i++)
            if (ou_str_eq(s->edges[i].name, name)) return s->edges[i].child;
    Value iname = ou_str_intern_value(ou_newref(name));
    if (IS_ERR(iname)) goto nomem;
    if (s->nedges == s->edgecap) {
        uint32_t cap = s->edgecap ? s->edgecap * 2 : 2;
        VmShapeEdge *e = ou_mem_realloc(s->edges, cap * sizeof *e);
        if (!e) goto nomem_name;
        s->edges = e;
        s->edgecap = cap;
    }
    VmShape *c = ou_mem_alloc(sizeof *c);
    if (!c) goto nomem_name;
    memset(c, 0, sizeof *c);
    c->names = ou_mem_alloc((s->count + 1) * sizeof(Value));
    if (!c->names || !remember(c)) {
        ou_mem_free(c->names);
        ou_mem_free(c);
        goto nomem_name;
    }
    for (uint32_t i = 0; i < s->count; i++) c->names[i] = ou_newref(s->names[i]);
    c->names[s->count] = iname; /* the reference from ou_str_intern_value */
    c->count = s->count + 1;
    c->parent = s;
    s->edges[s->nedges].name = iname;
    s->edges[s->nedges].child = c;
    s->nedges++;
    return c;
nomem_name:
    ou_decref(iname);
nomem:
    /* Out of memory only costs the compact layout: the caller goes on with a dict. */
    ou_err_clear();
    return NULL;
}

void vm_fini_shapes(void) {
    for (uint32_t i = 0; i < nshapes; i++) {
        VmShape *s = all_shapes[i];
        for (uint32_t j = 0; j < s->count; j++) ou_decref(s->names[j]);
        ou_mem_free(s->names);
        ou_mem_free(s->edges);
        ou_mem_free(s);
    }
    ou_mem_free(all_shapes);
    ou_mem_free(vm_shape_root.edges);
    memset(&vm_shape_root, 0, sizeof vm_shape_root);
    all_shapes = NULL;
    nshapes = shapes_cap = 0;
}

/* ---- instances ------------------------------------------------------------------------------ */

int vm_inst_to_dict(OuObject *o) {
    OuInstance *in = (OuInstance *)o;
    VmShape *s = VM_AS_SHAPE(in->dict);
    Value d = ou_dict_new();
    if (IS_ERR(d)) return -1;
    for (uint32_t i = 0; i < s->count; i++) {
        if (ou_dict_set(d, s->names[i], in->slots[i]) < 0) {
            ou_decref(d);
            return -1;
        }
    }
    /* The dict holds its own references now: switch modes first, then drop the slots' ones
     * (none can reach zero, so no __del__ runs while the instance is half converted). */
    in->dict = d;
    for (uint32_t i = 0; i < s->count; i++) {
        Value v = in->slots[i];
        in->slots[i] = OU_UNDEF;
        ou_decref(v);
    }
    return 0;
}

int vm_inst_set(OuObject *o, VmShape *s, Value name, Value v) {
    OuInstance *in = (OuInstance *)o;
    int32_t i = vm_shape_index(s, name);
    if (IS_UNDEF(v)) {
        if (i < 0) {
            ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'", o->type->name,
                          name);
            return -1;
        }
        /* A deleted attribute would leave a hole in the slots: dicts handle deletion. */
        return vm_inst_to_dict(o) < 0 ? -1 : 1;
    }
    if (i >= 0) {
        Value old = in->slots[i];
        in->slots[i] = ou_newref(v);
        ou_decref(old);
        return 0;
    }
    if (s->count < o->aux) {
        VmShape *c = vm_shape_add(s, name);
        if (c) {
            in->slots[s->count] = ou_newref(v);
            in->dict = VM_MK_SHAPE(c);
            return 0;
        }
    } else if (s->count < OU_SHAPE_MAX_SLOTS && o->type->inline_cap <= s->count) {
        /* This instance outgrew the capacity its class gave it: give later ones one more
         * slot. A class whose instances end with k more attributes than it was given settles
         * after k instances in dict mode, and no instance carries slots it never fills. */
        o->type->inline_cap = s->count + 1;
    }
    return vm_inst_to_dict(o) < 0 ? -1 : 1;
}

Value ou_instance_dict(Value o) {
    if (!IS_OBJ(o)) return OU_UNDEF;
    OuObject *ob = AS_OBJ(o);
    if (vm_inst_shape(ob) && vm_inst_to_dict(ob) < 0) return OU_ERR;
    int32_t off = ob->type->dictoffset;
    if (off <= 0) {
        /* str/tuple subclasses keep their dict after the items: the attribute protocol knows
         * where. */
        if (off == 0) return OU_UNDEF;
        Value d = ou_getattr_cstr(o, "__dict__");
        if (IS_ERR(d)) return OU_ERR;
        ou_decref(d); /* the instance keeps its own reference */
        return d;
    }
    Value d = *(Value *)((char *)ob + off);
    return IS_OBJ(d) ? d : OU_UNDEF;
}

/* Collects the compact instances alive: gc_foreach's callback must not allocate objects. */
typedef struct {
    OuObject **v;
    size_t n, cap;
    bool failed;
} InstList;

static void collect_compact(OuObject *o, void *ctx) {
    InstList *l = ctx;
    if (l->failed || !vm_inst_shape(o)) return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        OuObject **p = realloc(l->v, cap * sizeof *p);
        if (!p) {
            l->failed = true;
            return;
        }
        l->v = p;
        l->cap = cap;
    }
    l->v[l->n++] = o;
}

int ou_instances_use_dicts(void) {
    vm_inline_attrs = false;
    InstList l = {NULL, 0, 0, false};
    gc_foreach(collect_compact, &l);
    int r = 0;
    if (l.failed) {
        ou_err_nomemory();
        r = -1;
    }
    for (size_t i = 0; i < l.n && r == 0; i++)
        if (vm_inst_shape(l.v[i]) && vm_inst_to_dict(l.v[i]) < 0) r = -1;
    free(l.v);
    return r;
}

/* ---- the capacity of new instances ---------------------------------------------------------- */

/* Adds to names[*n] the distinct names of `self.NAME = ...` stores in f's code (the first
 * parameter loaded and stored into at once, as the compiler emits it; the assembler has made
 * the load a LOAD_FAST_STORE_ATTR, but a jump to the STORE_ATTR could leave a plain one). */
static void scan_self_stores(OuFunction *f, Value *names, uint32_t *n) {
    OuCode *co = f->code;
    if (co->argcount < 1) return;
    const Value *cn = AS_TUPLE(co->names)->items;
    for (int32_t i = 1; i < co->ncode && *n < OU_SHAPE_MAX_SLOTS; i++) {
        if (OU_OP(co->code[i]) != OP_STORE_ATTR ||
            (co->code[i - 1] != OU_INSTR(OP_LOAD_FAST, 0) &&
             co->code[i - 1] != OU_INSTR(OP_LOAD_FAST_STORE_ATTR, 0)))
            continue;
        Value name = cn[OU_ARG(co->code[i])];
        uint32_t j = 0;
        while (j < *n && names[j] != name) j++;
        if (j == *n) names[(*n)++] = name;
    }
}

void vm_shape_estimate_cap(OuType *t) {
    /* The names the methods of the class and its bases store into self: what a typical
     * instance ends up with, so that it fits exactly and nothing is wasted. Instances that
     * get more (attributes set from outside) make the class grow it (vm_inst_set). */
    Value names[OU_SHAPE_MAX_SLOTS];
    uint32_t n = 0, learnt = 0;
    OuTuple *mro = IS_TUPLE(t->mro) ? AS_TUPLE(t->mro) : NULL;
    for (int64_t k = 0; mro && k < mro->len; k++) {
        OuType *b = AS_TYPE(mro->items[k]);
        if (!(b->flags & OU_TPFLAG_HEAPTYPE) || !IS_DICT(b->dict)) continue;
        if (b != t && (b->flags & OU_TPFLAG_INLINE) && b->inline_cap > learnt)
            learnt = b->inline_cap;
        int64_t pos = 0;
        Value key, v;
        while (ou_dict_next(b->dict, &pos, &key, &v))
            if (ou_is_type(v, &ou_function_type)) scan_self_stores((OuFunction *)AS_OBJ(v), names, &n);
    }
    /* With no store to count, the bases' capacities (grown by their instances) say more than
     * the default. */
    if (n == 0) n = learnt > OU_INLINE_DEFAULT_CAP ? learnt : OU_INLINE_DEFAULT_CAP;
    t->inline_cap = n;
}
