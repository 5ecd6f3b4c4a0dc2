/* class.c: classes made by `class` or type(name, bases, dict) (heap types): creation (metaclass
 * choice, C3 MRO, instance layout), the generic slot functions that call dunders, and keeping
 * those slots right when a class attribute changes later.
 *
 * Slots of a heap type. A heap type first copies every slot from its best base, then for each
 * slot asks: is one of the slot's dunders defined by a heap class (a Python class) in the MRO,
 * before any builtin class? If so the slot becomes the generic slot_* function below, which
 * looks the dunder up (through the method cache) and calls it; a dunder set to None disables
 * the slot (`__hash__ = None` makes instances unhashable). Otherwise the slot of the nearest
 * builtin ancestor (om_builtin_base) stays, so e.g. len() of a list subclass runs list's C code.
 *
 * Layout. An instance of a heap type is its best base's instance followed by a `Value dict`
 * at type->dictoffset, unless the base already has a dict field (exceptions, heap bases), which
 * is then shared. Heap-type instances hold a counted reference to their type.
 *
 * Invariant of `heap_types`: every live heap type is in it exactly once (not counted
 * references); type_dealloc removes it. It serves __subclasses__() and slot updates.
 */
#include <stdlib.h>

#include "objmodel.h"

void om_property_set_name(Value prop, Value name); /* vm/type.c */

static OuType **heap_types;
static int64_t nheap, heap_cap;

static int remember_heap_type(OuType *t) {
    if (nheap == heap_cap) {
        int64_t cap = heap_cap ? heap_cap * 2 : 64;
        OuType **p = realloc(heap_types, (size_t)cap * sizeof *p);
        if (!p) {
            ou_err_nomemory();
            return -1;
        }
        heap_types = p;
        heap_cap = cap;
    }
    heap_types[nheap++] = t;
    return 0;
}

void om_forget_heap_type(OuType *t) {
    for (int64_t i = nheap - 1; i >= 0; i--) {
        if (heap_types[i] == t) {
            heap_types[i] = heap_types[--nheap];
            return;
        }
    }
}

void om_heap_types_fini(void) {
    free(heap_types);
    heap_types = NULL;
    nheap = heap_cap = 0;
}

Value om_type_subclasses(OuType *t) {
    Value list = ou_list_new(0);
    if (IS_ERR(list)) return OU_ERR;
    for (int64_t i = 0; i < nheap; i++) {
        OuType *h = heap_types[i];
        if (!IS_TUPLE(h->bases)) continue;
        OuTuple *b = AS_TUPLE(h->bases);
        for (int64_t j = 0; j < b->len; j++) {
            if (AS_TYPE(b->items[j]) == t) {
                if (ou_list_append(list, MK_OBJ(h)) < 0) {
                    ou_decref(list);
                    return OU_ERR;
                }
                break;
            }
        }
    }
    return list;
}

/* ---- calling dunders ---------------------------------------------------------------------- */

/* The dunder `name` of type t when a heap class defines it (borrowed), else OU_UNDEF. */
static Value heap_lookup(OuType *t, Value name) {
    OuType *owner = NULL;
    Value v = om_lookup(t, name, &owner);
    if (IS_UNDEF(v) || !owner || !om_is_heap(owner)) return OU_UNDEF;
    return v;
}

/* Calls f, found on type(self), as a method of self. */
static Value call_found(Value f, Value self, Value *args, int nargs, Value kwnames) {
    OuType *ft = ou_typeof(f);
    Value r;
    ou_incref(f);
    if (ft == &ou_function_type ||
        (ft == &ou_cfunction_type && IS_UNDEF(((OuCFunction *)AS_OBJ(f))->self))) {
        r = om_call_self(f, self, args, nargs, kwnames);
    } else if (ft->descr_get) {
        Value bound = ft->descr_get(f, self, MK_OBJ(ou_typeof(self)));
        if (IS_ERR(bound)) {
            ou_decref(f);
            return OU_ERR;
        }
        r = ou_call(bound, args, nargs, kwnames);
        ou_decref(bound);
    } else {
        r = ou_call(f, args, nargs, kwnames);
    }
    ou_decref(f);
    return r;
}

static Value call1(Value self, Value name) {
    Value f = heap_lookup(ou_typeof(self), name);
    if (IS_UNDEF(f)) f = om_lookup(ou_typeof(self), name, NULL);
    if (IS_UNDEF(f))
        return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'",
                             OU_TYPE_NAME(self), name);
    return call_found(f, self, NULL, 0, OU_UNDEF);
}

static Value call2(Value self, Value name, Value a) {
    Value f = om_lookup(ou_typeof(self), name, NULL);
    if (IS_UNDEF(f))
        return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'",
                             OU_TYPE_NAME(self), name);
    return call_found(f, self, &a, 1, OU_UNDEF);
}

/* ---- slot functions ----------------------------------------------------------------------- */

static Value slot_repr(Value self) { return call1(self, om.repr); }
static Value slot_str(Value self) { return call1(self, om.str); }

static int64_t slot_hash(Value self) {
    Value r = call1(self, om.hash);
    if (IS_ERR(r)) return -1;
    int64_t h;
    if (!ou_int_value(r, &h) && ou_is_int(r)) {
        /* Beyond int64: the int's own hash, as CPython. */
        h = ou_hash(r);
    } else if (!ou_int_value(r, &h)) {
        ou_decref(r);
        ou_err_format(ou_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    ou_decref(r);
    return h == -1 ? -2 : h;
}

static Value slot_richcmp(Value a, Value b, int op) {
    static Value *const names[] = {&om.lt, &om.le, &om.eq, &om.ne, &om.gt, &om.ge};
    OuType *t = ou_typeof(a);
    Value f = heap_lookup(t, *names[op]);
    if (IS_UNDEF(f)) {
        OuType *bb = om_builtin_base(t);
        return bb->richcmp ? bb->richcmp(a, b, op) : ou_newref(ou_NotImplemented);
    }
    if (IS_NONE(f)) return ou_newref(ou_NotImplemented);
    return call_found(f, a, &b, 1, OU_UNDEF);
}

static Value slot_binop(Value a, Value b, int op, bool reflected) {
    int base = op & ~OU_BIN_INPLACE;
    Value self = reflected ? b : a, other = reflected ? a : b;
    Value name = (op & OU_BIN_INPLACE) ? om.ibinop[base] : reflected ? om.rbinop[base] : om.binop[base];
    OuType *t = ou_typeof(self);
    Value f = heap_lookup(t, name);
    if (IS_UNDEF(f) || IS_NONE(f)) {
        OuType *bb = om_builtin_base(t);
        if (IS_UNDEF(f) && bb->binop) return bb->binop(a, b, op, reflected);
        return ou_newref(ou_NotImplemented);
    }
    return call_found(f, self, &other, 1, OU_UNDEF);
}

static Value slot_unaryop(Value a, int op) {
    Value name = op == OU_UN_NEG ? om.neg : op == OU_UN_POS ? om.pos : om.invert;
    OuType *t = ou_typeof(a);
    Value f = heap_lookup(t, name);
    if (IS_UNDEF(f)) {
        OuType *bb = om_builtin_base(t);
        return bb->unaryop ? bb->unaryop(a, op) : ou_newref(ou_NotImplemented);
    }
    if (IS_NONE(f)) return ou_newref(ou_NotImplemented);
    return call_found(f, a, NULL, 0, OU_UNDEF);
}

static int slot_truth(Value self) {
    Value r = call1(self, om.bool_);
    if (IS_ERR(r)) return -1;
    if (!IS_BOOL(r)) {
        ou_err_format(ou_TypeError, "__bool__ should return bool, returned %s", OU_TYPE_NAME(r));
        ou_decref(r);
        return -1;
    }
    return r == OU_TRUE;
}

static int64_t slot_len(Value self) {
    Value r = call1(self, om.len);
    if (IS_ERR(r)) return -1;
    int64_t n;
    if (!ou_int_value(r, &n) && ou_is_int(r)) {
        ou_decref(r);
        ou_err_format(ou_OverflowError, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    if (!ou_int_value(r, &n)) {
        ou_err_format(ou_TypeError, "'%s' object cannot be interpreted as an integer",
                      OU_TYPE_NAME(r));
        ou_decref(r);
        return -1;
    }
    ou_decref(r);
    if (n < 0) {
        ou_err_format(ou_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static Value slot_iter(Value self) { return call1(self, om.iter); }

static Value slot_next(Value self) {
    Value r = call1(self, om.next);
    if (IS_ERR(r) && ou_err_matches(ou_StopIteration)) {
        ou_err_clear();
        return OU_UNDEF;
    }
    return r;
}

static Value slot_call(Value self, Value *args, int nargs, Value kwnames) {
    Value f = om_lookup(ou_typeof(self), om.call, NULL);
    if (IS_UNDEF(f))
        return ou_err_format(ou_TypeError, "'%s' object is not callable", OU_TYPE_NAME(self));
    return call_found(f, self, args, nargs, kwnames);
}

static Value slot_getattr(Value self, Value name) {
    OuType *t = ou_typeof(self);
    Value ga = heap_lookup(t, om.getattribute);
    Value r;
    if (!IS_UNDEF(ga)) {
        r = call_found(ga, self, &name, 1, OU_UNDEF);
    } else {
        OuType *bb = om_builtin_base(t);
        if (!bb->getattr || bb->getattr == ou_generic_getattr) {
            r = om_generic_getattr_opt(self, name, true);
            if (!IS_UNDEF(r)) return r;
            Value g = heap_lookup(t, om.getattr);
            if (IS_UNDEF(g))
                return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'",
                                     t->name, name);
            return call_found(g, self, &name, 1, OU_UNDEF);
        }
        r = bb->getattr(self, name);
    }
    if (IS_ERR(r) && ou_err_matches(ou_AttributeError)) {
        Value g = heap_lookup(t, om.getattr);
        if (!IS_UNDEF(g)) {
            ou_err_clear();
            return call_found(g, self, &name, 1, OU_UNDEF);
        }
    }
    return r;
}

static int slot_setattr(Value self, Value name, Value v) {
    OuType *t = ou_typeof(self);
    Value f = heap_lookup(t, IS_UNDEF(v) ? om.delattr : om.setattr);
    if (IS_UNDEF(f)) {
        OuType *bb = om_builtin_base(t);
        return (bb->setattr ? bb->setattr : ou_generic_setattr)(self, name, v);
    }
    Value args[2] = {name, v};
    Value r = call_found(f, self, args, IS_UNDEF(v) ? 1 : 2, OU_UNDEF);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

static Value slot_getitem(Value self, Value key) { return call2(self, om.getitem, key); }

static int slot_setitem(Value self, Value key, Value v) {
    OuType *t = ou_typeof(self);
    Value f = heap_lookup(t, IS_UNDEF(v) ? om.delitem : om.setitem);
    if (IS_UNDEF(f) || IS_NONE(f)) {
        OuType *bb = om_builtin_base(t);
        if (IS_UNDEF(f) && bb->setitem) return bb->setitem(self, key, v);
        if (IS_UNDEF(v))
            ou_err_format(ou_AttributeError, "__delitem__");
        else
            ou_err_format(ou_TypeError, "'%s' object does not support item assignment", t->name);
        return -1;
    }
    Value args[2] = {key, v};
    Value r = call_found(f, self, args, IS_UNDEF(v) ? 1 : 2, OU_UNDEF);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

static int slot_contains(Value self, Value item) {
    Value r = call2(self, om.contains, item);
    if (IS_ERR(r)) return -1;
    int b = ou_truthy(r);
    ou_decref(r);
    return b;
}

static Value slot_descr_get(Value descr, Value obj, Value type) {
    Value args[2] = {IS_UNDEF(obj) ? OU_NONE : obj, IS_UNDEF(type) ? OU_NONE : type};
    Value f = om_lookup(ou_typeof(descr), om.get, NULL);
    if (IS_UNDEF(f)) return ou_newref(descr);
    return call_found(f, descr, args, 2, OU_UNDEF);
}

static int slot_descr_set(Value descr, Value obj, Value v) {
    Value f = om_lookup(ou_typeof(descr), IS_UNDEF(v) ? om.delete : om.set, NULL);
    if (IS_UNDEF(f)) {
        ou_err_format(ou_AttributeError, IS_UNDEF(v) ? "__delete__" : "__set__");
        return -1;
    }
    Value args[2] = {obj, v};
    Value r = call_found(f, descr, args, IS_UNDEF(v) ? 1 : 2, OU_UNDEF);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

static Value slot_new(OuType *t, Value *args, int nargs, Value kwnames) {
    Value f = om_lookup(t, om.new_, NULL);
    if (IS_UNDEF(f)) return om_object_new(t, args, nargs, kwnames);
    /* __new__ is a static method: unwrap it without binding. */
    ou_incref(f);
    Value fn = ou_typeof(f)->descr_get && ou_typeof(f) != &ou_function_type
                   ? ou_typeof(f)->descr_get(f, OU_UNDEF, MK_OBJ(t))
                   : ou_newref(f);
    ou_decref(f);
    if (IS_ERR(fn)) return OU_ERR;
    Value r = om_call_self(fn, MK_OBJ(t), args, nargs, kwnames);
    ou_decref(fn);
    return r;
}

static int slot_init(Value self, Value *args, int nargs, Value kwnames) {
    Value f = om_lookup(ou_typeof(self), om.init, NULL);
    if (IS_UNDEF(f)) return 0;
    Value r = call_found(f, self, args, nargs, kwnames);
    if (IS_ERR(r)) return -1;
    if (!IS_NONE(r)) {
        ou_err_format(ou_TypeError, "__init__() should return None, not '%s'", OU_TYPE_NAME(r));
        ou_decref(r);
        return -1;
    }
    return 0;
}

/* ---- instances: dealloc, traverse, clear --------------------------------------------------- */

Value *om_tail_dictptr(OuObject *o) {
    OuType *bb = om_builtin_base(o->type);
    size_t end;
    if (bb == &ou_str_type)
        end = offsetof(OuStr, data) + (size_t)((OuStr *)o)->len + 1;
    else if (bb == &ou_tuple_type)
        end = offsetof(OuTuple, items) + (size_t)((OuTuple *)o)->len * sizeof(Value);
    else
        return NULL;
    return (Value *)((char *)o + ((end + 7u) & ~(size_t)7u));
}

static Value *own_dictptr(OuObject *o, OuType *t, OuType *bb) {
    if (t->dictoffset < 0) return om_tail_dictptr(o);
    if (t->dictoffset == 0 || t->dictoffset == bb->dictoffset) return NULL;
    return (Value *)((char *)o + t->dictoffset);
}

/* Instances whose builtin base is object are an OuObject and then only Value words (slots,
 * dict): the words from the header to basicsize. */
static inline bool words_only(OuType *bb) { return bb == &ou_object_type; }
#define WORDS_BEGIN(o) ((Value *)((char *)(o) + sizeof(OuObject)))
#define WORDS_END(o, t) ((Value *)((char *)(o) + (t)->basicsize))

/* Drops the attributes of a compact instance in shape mode, leaving it on shape `to` (the
 * empty shape, or OU_UNDEF when it dies). The word changes first: a value's __del__ may look
 * at the instance. */
static void drop_inline_attrs(OuObject *o, VmShape *s, Value to) {
    OuInstance *in = (OuInstance *)o;
    in->dict = to;
    for (uint32_t i = 0; i < s->count; i++) {
        Value v = in->slots[i];
        in->slots[i] = OU_UNDEF;
        ou_decref(v);
    }
}

static void subtype_dealloc(OuObject *o) {
    OuType *t = o->type;
    OuType *bb = om_builtin_base(t);
    VmShape *s = vm_inst_shape(o);
    if (s) drop_inline_attrs(o, s, OU_UNDEF);
    if (words_only(bb)) {
        for (Value *w = WORDS_BEGIN(o); w < WORDS_END(o, t); w++) {
            Value d = *w;
            *w = OU_UNDEF;
            if (IS_OBJ(d)) ou_decref(d);
        }
        bb->dealloc(o);
        ou_decref(MK_OBJ(t));
        return;
    }
    Value *dp = own_dictptr(o, t, bb);
    if (dp) {
        Value d = *dp;
        *dp = OU_UNDEF;
        if (IS_OBJ(d)) ou_decref(d);
    }
    bb->dealloc(o);
    ou_decref(MK_OBJ(t));
}

static int subtype_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    OuType *t = o->type;
    OuType *bb = om_builtin_base(t);
    int r = visit(&t->ob, arg);
    if (r) return r;
    if (words_only(bb)) {
        for (Value *w = WORDS_BEGIN(o); w < WORDS_END(o, t); w++)
            if (IS_OBJ(*w) && (r = visit(AS_OBJ(*w), arg))) return r;
        VmShape *s = vm_inst_shape(o);
        if (s) {
            Value *slots = ((OuInstance *)o)->slots;
            for (uint32_t i = 0; i < s->count; i++)
                if (IS_OBJ(slots[i]) && (r = visit(AS_OBJ(slots[i]), arg))) return r;
        }
        return 0;
    }
    Value *dp = own_dictptr(o, t, bb);
    if (dp && IS_OBJ(*dp) && (r = visit(AS_OBJ(*dp), arg))) return r;
    return bb->traverse ? bb->traverse(o, visit, arg) : 0;
}

static void subtype_clear(OuObject *o) {
    OuType *t = o->type;
    OuType *bb = om_builtin_base(t);
    VmShape *s = vm_inst_shape(o);
    if (s) {
        /* Still a valid instance afterwards: one with no attributes. */
        drop_inline_attrs(o, s, VM_MK_SHAPE(&vm_shape_root));
        return;
    }
    if (words_only(bb)) {
        for (Value *w = WORDS_BEGIN(o); w < WORDS_END(o, t); w++) {
            Value d = *w;
            *w = OU_UNDEF;
            if (IS_OBJ(d)) ou_decref(d);
        }
        return;
    }
    Value *dp = own_dictptr(o, t, bb);
    if (dp) {
        Value d = *dp;
        *dp = OU_UNDEF;
        if (IS_OBJ(d)) ou_decref(d);
    }
    if (bb->clear) bb->clear(o);
}

/* ---- slot selection ------------------------------------------------------------------------ */

/* 1 if a heap class defines one of names (2 if it is set to None), else 0. */
static int defines(OuType *t, Value *const *names, int n) {
    for (int i = 0; i < n; i++) {
        Value v = heap_lookup(t, *names[i]);
        if (!IS_UNDEF(v)) return IS_NONE(v) ? 2 : 1;
    }
    return 0;
}
static int defines1(OuType *t, Value name) {
    Value v = heap_lookup(t, name);
    return IS_UNDEF(v) ? 0 : IS_NONE(v) ? 2 : 1;
}

void om_fixup_slots(OuType *t) {
    OuType *bb = om_builtin_base(t);
    int d;
#define PICK(slot, test, fn) \
    d = (test);              \
    t->slot = d == 1 ? fn : d == 2 ? NULL : bb->slot
    PICK(repr, defines1(t, om.repr), slot_repr);
    PICK(str, defines1(t, om.str), slot_str);
    {
        Value *const cmp[] = {&om.eq, &om.ne, &om.lt, &om.le, &om.gt, &om.ge};
        d = defines(t, cmp, 6);
        t->richcmp = d ? slot_richcmp : bb->richcmp;
    }
    PICK(hash, defines1(t, om.hash), slot_hash);
    {
        d = 0;
        for (int i = 0; i < OU_BIN_COUNT && !d; i++) {
            Value *const ops[] = {&om.binop[i], &om.rbinop[i], &om.ibinop[i]};
            d = defines(t, ops, 3);
        }
        t->binop = d ? slot_binop : bb->binop;
    }
    {
        Value *const un[] = {&om.neg, &om.pos, &om.invert};
        d = defines(t, un, 3);
        t->unaryop = d ? slot_unaryop : bb->unaryop;
    }
    PICK(truth, defines1(t, om.bool_), slot_truth);
    PICK(len, defines1(t, om.len), slot_len);
    /* A class with __len__ but no __bool__ is truthy by length, even over a builtin with its
     * own truth slot. */
    if (t->len == slot_len && t->truth != slot_truth) t->truth = NULL;
    PICK(iter, defines1(t, om.iter), slot_iter);
    PICK(next, defines1(t, om.next), slot_next);
    PICK(call, defines1(t, om.call), slot_call);
    {
        Value *const ga[] = {&om.getattribute, &om.getattr};
        d = defines(t, ga, 2);
        t->getattr = d ? slot_getattr : bb->getattr;
        Value *const sa[] = {&om.setattr, &om.delattr};
        d = defines(t, sa, 2);
        t->setattr = d ? slot_setattr : bb->setattr;
    }
    PICK(getitem, defines1(t, om.getitem), slot_getitem);
    {
        Value *const si[] = {&om.setitem, &om.delitem};
        d = defines(t, si, 2);
        t->setitem = d ? slot_setitem : bb->setitem;
    }
    PICK(contains, defines1(t, om.contains), slot_contains);
    PICK(descr_get, defines1(t, om.get), slot_descr_get);
    {
        Value *const ds[] = {&om.set, &om.delete};
        d = defines(t, ds, 2);
        t->descr_set = d ? slot_descr_set : bb->descr_set;
    }
    d = defines1(t, om.new_);
    t->new = d ? slot_new : bb->new;
    d = defines1(t, om.init);
    t->init = d ? slot_init : bb->init;
#undef PICK
    /* Instances of a class whose builtin base has a constructor but whose best base is a heap
     * class still go through that constructor (with the heap type). */
    if (!t->new) t->new = om_object_new;
    if (defines1(t, om.del)) t->flags |= OU_TPFLAG_HASDEL;
    else t->flags &= ~OU_TPFLAG_HASDEL;
}

void om_update_subclasses(OuType *t) {
    om_type_modified();
    for (int64_t i = 0; i < nheap; i++)
        if (ou_is_subtype(heap_types[i], t)) om_fixup_slots(heap_types[i]);
}

/* ---- the __dict__ and __weakref__ attributes of classes ----------------------------------- */

/* CPython lists `__dict__` and `__weakref__` descriptors in the dict of a class that adds an
 * instance dict; they are mirrored here so that C.__dict__ has the same keys. The generic
 * attribute code handles instance __dict__ before any lookup, so these mostly serve
 * introspection. */
typedef struct {
    OuObject ob;
    Value tname; /* str: the owning class's name, for the repr */
    bool weakref;
} GetSet;

static Value getset_get(Value descr, Value obj, Value type) {
    GetSet *g = (GetSet *)AS_OBJ(descr);
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    if (g->weakref) return OU_NONE;
    return ou_generic_getattr(obj, om.dict);
}
static int getset_set(Value descr, Value obj, Value v) {
    GetSet *g = (GetSet *)AS_OBJ(descr);
    if (g->weakref) {
        ou_err_format(ou_AttributeError, "attribute '__weakref__' of '%U' objects is not writable",
                      g->tname);
        return -1;
    }
    return ou_generic_setattr(obj, om.dict, v);
}
static Value getset_repr(Value self) {
    GetSet *g = (GetSet *)AS_OBJ(self);
    return ou_str_printf("<attribute '%s' of '%U' objects>", g->weakref ? "__weakref__" : "__dict__",
                         g->tname);
}
static void getset_dealloc(OuObject *o) {
    ou_decref(((GetSet *)o)->tname);
    ou_obj_free(o);
}
static OuType getset_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "getset_descriptor",
    .basicsize = sizeof(GetSet),
    .dealloc = getset_dealloc,
    .repr = getset_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
};

static int add_getset(Value dict, const char *key, Value tname, bool weakref) {
    if (ou_type_ready(&getset_type) < 0) return -1;
    GetSet *g = ou_obj_alloc(&getset_type, sizeof(GetSet));
    if (!g) return -1;
    g->tname = ou_newref(tname);
    g->weakref = weakref;
    int r = ou_dict_set_str(dict, key, MK_OBJ(g));
    ou_decref(MK_OBJ(g));
    return r;
}

/* ---- class creation ------------------------------------------------------------------------ */

/* ---- __slots__ ------------------------------------------------------------------------------
 * Slots are supported for classes whose builtin base is object (elsewhere __slots__ is accepted
 * and ignored: instances keep a dict). Such an instance is an OuObject followed only by Value
 * words: each class's slots, then (at dictoffset) the dict word if some class has one. Every
 * word starts as OU_UNDEF (om_object_new fills them), OU_UNDEF meaning "slot not set".
 * A member descriptor in the class dict reads and writes one word. */
typedef struct {
    OuObject ob;
    Value name;    /* str: the attribute name (mangled) */
    Value owner;   /* the class that defined the slot (counted) */
    uint32_t offset;
} Member;

static OuType member_type;
#define MEMBER(v) ((Member *)AS_OBJ(v))

static void member_dealloc(OuObject *o) {
    Member *m = (Member *)o;
    ou_decref(m->name);
    ou_xdecref(m->owner);
    ou_obj_free(o);
}

static int member_traverse(OuObject *o, ou_visitfn visit, void *arg) {
    Member *m = (Member *)o;
    return IS_OBJ(m->owner) ? visit(AS_OBJ(m->owner), arg) : 0;
}

static void member_clear(OuObject *o) {
    Member *m = (Member *)o;
    Value owner = m->owner;
    m->owner = OU_UNDEF;
    ou_xdecref(owner);
}

static int member_check(Member *m, Value obj) {
    if (IS_UNDEF(m->owner)) {
        ou_err_format(ou_AttributeError, "%U", m->name);
        return -1;
    }
    if (!ou_instance_of(obj, AS_TYPE(m->owner))) {
        ou_err_format(ou_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' "
                      "object", m->name, AS_TYPE(m->owner)->name, OU_TYPE_NAME(obj));
        return -1;
    }
    return 0;
}

static Value member_get(Value descr, Value obj, Value type) {
    Member *m = MEMBER(descr);
    if (IS_UNDEF(obj) || IS_NONE(obj)) return ou_newref(descr);
    if (member_check(m, obj) < 0) return OU_ERR;
    Value v = *(Value *)((char *)AS_OBJ(obj) + m->offset);
    if (IS_UNDEF(v))
        return ou_err_format(ou_AttributeError, "'%s' object has no attribute '%U'",
                             OU_TYPE_NAME(obj), m->name);
    return ou_newref(v);
}

static int member_set(Value descr, Value obj, Value v) {
    Member *m = MEMBER(descr);
    if (member_check(m, obj) < 0) return -1;
    Value *slot = (Value *)((char *)AS_OBJ(obj) + m->offset);
    Value old = *slot;
    if (IS_UNDEF(v) && IS_UNDEF(old)) {
        ou_err_format(ou_AttributeError, "%U", m->name);
        return -1;
    }
    *slot = ou_newref(v);
    ou_xdecref(old);
    return 0;
}

static Value member_repr(Value self) {
    Member *m = MEMBER(self);
    return ou_str_printf("<member '%U' of '%s' objects>", m->name,
                         IS_UNDEF(m->owner) ? "?" : AS_TYPE(m->owner)->name);
}

static Value member_getattr(Value self, Value name) {
    Member *m = MEMBER(self);
    if (ou_str_eq_cstr(name, "__name__")) return ou_newref(m->name);
    if (ou_str_eq_cstr(name, "__objclass__")) return ou_newref(m->owner);
    return ou_generic_getattr(self, name);
}

static OuType member_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "member_descriptor",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(Member),
    .dealloc = member_dealloc,
    .traverse = member_traverse,
    .clear = member_clear,
    .repr = member_repr,
    .getattr = member_getattr,
    .descr_get = member_get,
    .descr_set = member_set,
};

/* True when the heap type t adds slot words to its base's layout. */
static bool adds_slots(OuType *t) {
    OuType *b = t->base;
    if (!b || om_builtin_base(t) != &ou_object_type) return false;
    int64_t extra = (int64_t)t->basicsize - (int64_t)((b->basicsize + 7u) & ~7u);
    if (t->dictoffset > 0 && b->dictoffset == 0) extra -= (int64_t)sizeof(Value);
    return extra > 0;
}

/* `__x` in class C becomes `_C__x`, as for names in the class body. */
static Value mangle_slot(Value cls_name, Value s) {
    const char *n = ou_str_data(s);
    size_t len = (size_t)ou_str_len(s);
    if (len < 3 || n[0] != '_' || n[1] != '_' || (n[len - 1] == '_' && n[len - 2] == '_'))
        return ou_newref(s);
    const char *c = ou_str_data(cls_name);
    while (*c == '_') c++;
    if (!*c) return ou_newref(s);
    return ou_str_printf("_%s%U", c, s);
}

/* The slot names of a class body's __slots__ (a str or an iterable of str), mangled, as a new
 * list; *want_dict is set when "__dict__" is among them ("__weakref__" is dropped). Raises
 * CPython's TypeError/ValueError for bad items and clashes with class attributes. */
static Value parse_slots(Value slots, Value cls_name, Value dict, bool *want_dict) {
    Value seq = IS_STR_SUB(slots) ? ou_tuple_pack(1, slots) : ou_sequence_list(slots);
    if (IS_ERR(seq)) return OU_ERR;
    Value out = ou_list_new(0);
    if (IS_ERR(out)) {
        ou_decref(seq);
        return OU_ERR;
    }
    Value it = ou_iter(seq);
    ou_decref(seq);
    if (IS_ERR(it)) goto fail;
    Value s;
    while (!IS_UNDEF(s = ou_next(it))) {
        if (IS_ERR(s)) goto fail_it;
        if (!IS_STR_SUB(s)) {
            ou_err_format(ou_TypeError, "__slots__ items must be strings, not '%s'",
                          OU_TYPE_NAME(s));
            ou_decref(s);
            goto fail_it;
        }
        if (ou_str_eq_cstr(s, "__dict__") || ou_str_eq_cstr(s, "__weakref__")) {
            if (ou_str_eq_cstr(s, "__dict__")) *want_dict = true;
            ou_decref(s);
            continue;
        }
        Value m = mangle_slot(cls_name, s);
        ou_decref(s);
        if (IS_ERR(m)) goto fail_it;
        Value clash = ou_dict_get(dict, m);
        if (!IS_UNDEF(clash) && !IS_ERR(clash)) {
            ou_err_format(ou_ValueError, "%R in __slots__ conflicts with class variable", m);
            ou_decref(m);
            goto fail_it;
        }
        int r = ou_list_append_steal(out, m);
        if (r < 0) goto fail_it;
    }
    ou_decref(it);
    return out;
fail_it:
    ou_decref(it);
fail:
    ou_decref(out);
    return OU_ERR;
}

/* The type that fixes an instance layout: the builtin ancestor, widened up its base chain while
 * the base has the same size (an exception subclass is laid out like BaseException). */
static OuType *solid_base(OuType *t) {
    for (OuType *h = t; h && om_is_heap(h); h = h->base)
        if (adds_slots(h)) return h;
    OuType *s = om_builtin_base(t);
    while (s->base && s->base != &ou_object_type && s->base->basicsize == s->basicsize &&
           s->base->itemsize == s->itemsize)
        s = s->base;
    return s;
}

/* C3 linearization of t with the given bases. Returns a new tuple (t first) or OU_ERR. */
static Value c3_mro(OuType *t, OuTuple *bases) {
    int64_t nl = bases->len + 1;
    /* seqs[i] is the remaining part of list i: [start, len). Lists are the bases' MROs and
     * then the list of bases itself. */
    OuType ***seqs = ou_mem_alloc((size_t)nl * sizeof *seqs);
    int64_t *start = ou_mem_alloc((size_t)nl * sizeof *start);
    int64_t *len = ou_mem_alloc((size_t)nl * sizeof *len);
    Value result = OU_ERR;
    OuType **out = NULL;
    if (!seqs || !start || !len) goto done;
    int64_t total = 1;
    for (int64_t i = 0; i < nl; i++) {
        start[i] = 0;
        if (i < bases->len) {
            OuType *b = AS_TYPE(bases->items[i]);
            if (IS_TUPLE(b->mro)) {
                OuTuple *m = AS_TUPLE(b->mro);
                len[i] = m->len;
                seqs[i] = ou_mem_alloc((size_t)(m->len ? m->len : 1) * sizeof(OuType *));
                if (!seqs[i]) goto done;
                for (int64_t k = 0; k < m->len; k++) seqs[i][k] = AS_TYPE(m->items[k]);
            } else {
                len[i] = 1;
                seqs[i] = ou_mem_alloc(sizeof(OuType *));
                if (!seqs[i]) goto done;
                seqs[i][0] = b;
            }
        } else {
            len[i] = bases->len;
            seqs[i] = ou_mem_alloc((size_t)(bases->len ? bases->len : 1) * sizeof(OuType *));
            if (!seqs[i]) goto done;
            for (int64_t k = 0; k < bases->len; k++) seqs[i][k] = AS_TYPE(bases->items[k]);
        }
        total += len[i];
    }
    out = ou_mem_alloc((size_t)total * sizeof *out);
    if (!out) goto done;
    int64_t nout = 0;
    out[nout++] = t;
    for (;;) {
        bool empty = true;
        OuType *pick = NULL;
        for (int64_t i = 0; i < nl && !pick; i++) {
            if (start[i] >= len[i]) continue;
            empty = false;
            OuType *cand = seqs[i][start[i]];
            bool in_tail = false;
            for (int64_t j = 0; j < nl && !in_tail; j++)
                for (int64_t k = start[j] + 1; k < len[j]; k++)
                    if (seqs[j][k] == cand) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) pick = cand;
        }
        if (empty) break;
        if (!pick) {
            /* CPython names the distinct heads of the lists that could not be merged. */
            Value names = ou_list_new(0);
            if (IS_ERR(names)) goto done;
            for (int64_t i = 0; i < nl; i++) {
                if (start[i] >= len[i]) continue;
                OuType *h = seqs[i][start[i]];
                bool seen = false;
                for (int64_t j = 0; j < i; j++)
                    if (start[j] < len[j] && seqs[j][start[j]] == h) seen = true;
                if (seen) continue;
                Value s = ou_str_cstr(h->name);
                if (IS_ERR(s) || ou_list_append_steal(names, s) < 0) {
                    ou_decref(names);
                    goto done;
                }
            }
            Value sep = ou_str_cstr(", ");
            Value joined = IS_ERR(sep) ? OU_ERR : ou_call_method(sep, "join", &names, 1);
            ou_xdecref(sep);
            ou_decref(names);
            if (IS_ERR(joined)) goto done;
            ou_err_format(ou_TypeError,
                          "Cannot create a consistent method resolution\norder (MRO) for bases %U",
                          joined);
            ou_decref(joined);
            goto done;
        }
        out[nout++] = pick;
        for (int64_t i = 0; i < nl; i++)
            if (start[i] < len[i] && seqs[i][start[i]] == pick) start[i]++;
    }
    result = ou_tuple_new(nout);
    if (IS_ERR(result)) goto done;
    for (int64_t i = 0; i < nout; i++) ou_tuple_set_steal(result, i, ou_newref(MK_OBJ(out[i])));
done:
    if (seqs)
        for (int64_t i = 0; i < nl; i++) ou_mem_free(seqs[i]);
    ou_mem_free(seqs);
    ou_mem_free(start);
    ou_mem_free(len);
    ou_mem_free(out);
    return result;
}

static bool is_type_value(Value v) {
    return IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_type_type);
}

/* Wraps dict[name] in kind (staticmethod/classmethod) when it is a plain function. */
static int wrap_implicit(Value dict, Value name, OuType *kind) {
    Value f = ou_dict_get(dict, name);
    if (IS_ERR(f)) return -1;
    if (IS_UNDEF(f) || ou_typeof(f) != &ou_function_type) return 0;
    OuStaticMethod *sm = ou_obj_alloc(kind, sizeof(OuStaticMethod));
    if (!sm) return -1;
    sm->func = ou_newref(f);
    int r = ou_dict_set(dict, name, MK_OBJ(sm));
    ou_decref(MK_OBJ(sm));
    return r;
}

/* As CPython 3.11: an exception from __set_name__ becomes the cause of a RuntimeError that
 * names the attribute and the class. */
static void set_name_error(OuType *t, Value v, Value name) {
    Value cause = ou_err_fetch();
    ou_err_format(ou_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                  OU_TYPE_NAME(v), name, t->name);
    if (!ou_instance_of(cause, ou_BaseException)) {
        ou_xdecref(cause);
        return;
    }
    Value exc = ou_err_fetch();
    if (ou_instance_of(exc, ou_BaseException)) {
        OuException *e = (OuException *)AS_OBJ(exc);
        ou_decref(e->cause);
        ou_decref(e->context);
        e->cause = ou_newref(cause);
        e->context = cause;
        e->suppress_context = true;
    } else {
        ou_decref(cause);
    }
    ou_err_restore(exc);
}

/* Calls __set_name__ on the class attributes that have it, then the parent's
 * __init_subclass__ with the class keywords. */
static int finish_class(OuType *t, Value *kwvals, Value kwnames) {
    Value items = ou_dict_keys_list(t->dict);
    if (IS_ERR(items)) return -1;
    OuList *keys = AS_LIST(items);
    for (int64_t i = 0; i < keys->len; i++) {
        Value v = ou_dict_get(t->dict, keys->items[i]);
        if (IS_ERR(v)) goto fail;
        if (IS_UNDEF(v)) continue;
        OuType *vt = ou_typeof(v);
        if (ou_is_subtype(vt, &ou_property_type)) {
            om_property_set_name(v, keys->items[i]);
        } else if (om_is_heap(vt) && !IS_UNDEF(om_lookup(vt, om.set_name, NULL))) {
            Value args[2] = {MK_OBJ(t), keys->items[i]};
            ou_incref(v);
            Value r = om_lookup(vt, om.set_name, NULL);
            r = call_found(r, v, args, 2, OU_UNDEF);
            if (IS_ERR(r)) {
                set_name_error(t, v, keys->items[i]);
                ou_decref(v);
                goto fail;
            }
            ou_decref(v);
            ou_decref(r);
        }
    }
    ou_decref(items);
    OuTuple *mro = AS_TUPLE(t->mro);
    for (int64_t i = 1; i < mro->len; i++) {
        OuType *b = AS_TYPE(mro->items[i]);
        if (!IS_OBJ(b->dict)) continue;
        Value f = ou_dict_get(b->dict, om.init_subclass);
        if (IS_ERR(f)) return -1;
        if (IS_UNDEF(f)) continue;
        ou_incref(f);
        Value bound = ou_typeof(f)->descr_get ? ou_typeof(f)->descr_get(f, OU_UNDEF, MK_OBJ(t))
                                              : ou_newref(f);
        ou_decref(f);
        if (IS_ERR(bound)) return -1;
        Value r;
        if (ou_typeof(bound) == &ou_cfunction_type) /* object's: bind the class by hand */
            r = om_call_self(bound, MK_OBJ(t), kwvals, 0, kwnames);
        else
            r = ou_call(bound, kwvals, 0, kwnames);
        ou_decref(bound);
        if (IS_ERR(r)) return -1;
        ou_decref(r);
        break;
    }
    return 0;
fail:
    ou_decref(items);
    return -1;
}

Value om_type_new(OuType *meta, Value *args, int nargs, Value kwnames) {
    if (om_finish_types() < 0) return OU_ERR;
    if (nargs != 3)
        return ou_err_format(ou_TypeError, "type.__new__() takes exactly 3 arguments (%d given)",
                             nargs);
    Value name = args[0], bases = args[1], ns = args[2];
    if (!IS_STR(name))
        return ou_err_format(ou_TypeError, "type.__new__() argument 1 must be str, not %s",
                             OU_TYPE_NAME(name));
    if (!IS_TUPLE(bases))
        return ou_err_format(ou_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             OU_TYPE_NAME(bases));
    if (!ou_instance_of(ns, &ou_dict_type))
        return ou_err_format(ou_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             OU_TYPE_NAME(ns));
    OuTuple *bt = AS_TUPLE(bases);

    /* The metaclass: the most derived of meta and the bases' metaclasses. */
    OuType *winner = meta;
    for (int64_t i = 0; i < bt->len; i++) {
        OuType *mt = ou_typeof(bt->items[i]);
        if (ou_is_subtype(winner, mt)) continue;
        if (ou_is_subtype(mt, winner)) {
            winner = mt;
            continue;
        }
        return ou_err_format(ou_TypeError,
                             "metaclass conflict: the metaclass of a derived class must be a "
                             "(non-strict) subclass of the metaclasses of all its bases");
    }
    if (winner != meta && winner->new != om_type_new) return winner->new(winner, args, nargs, kwnames);
    meta = winner;

    Value own_bases;
    if (bt->len == 0) {
        own_bases = ou_tuple_pack(1, MK_OBJ(&ou_object_type));
        if (IS_ERR(own_bases)) return OU_ERR;
    } else {
        own_bases = ou_newref(bases);
    }
    bt = AS_TUPLE(own_bases);
    OuType *best = NULL, *winner_solid = NULL;
    for (int64_t i = 0; i < bt->len; i++) {
        Value b = bt->items[i];
        if (!is_type_value(b)) {
            ou_decref(own_bases);
            return ou_err_format(ou_TypeError, "bases must be types");
        }
        OuType *bty = AS_TYPE(b);
        if (!(bty->flags & OU_TPFLAG_BASETYPE)) {
            ou_decref(own_bases);
            return ou_err_format(ou_TypeError, "type '%s' is not an acceptable base type",
                                 bty->name);
        }
        for (int64_t j = 0; j < i; j++)
            if (bt->items[j] == b) {
                ou_decref(own_bases);
                return ou_err_format(ou_TypeError, "duplicate base class %s", bty->name);
            }
        OuType *s = solid_base(bty);
        if (!winner_solid) {
            winner_solid = s;
            best = bty;
        } else if (ou_is_subtype(winner_solid, s)) {
            /* The layout so far already extends this base's. */
        } else if (ou_is_subtype(s, winner_solid)) {
            winner_solid = s;
            best = bty;
        } else {
            ou_decref(own_bases);
            return ou_err_format(ou_TypeError, "multiple bases have instance lay-out conflict");
        }
    }
    if (!best) best = AS_TYPE(bt->items[0]);

    Value dict = ou_dict_copy(ns);
    if (IS_ERR(dict)) {
        ou_decref(own_bases);
        return OU_ERR;
    }
    Value qualname = OU_UNDEF, classcell = OU_UNDEF, mro = OU_UNDEF, iname = OU_UNDEF;
    Value slot_names = OU_UNDEF; /* list of str when __slots__ applies */
    OuType *t = NULL;

    /* __module__ defaults to the calling module's __name__. */
    Value v = ou_dict_get(dict, om.module);
    if (IS_ERR(v)) goto fail;
    if (IS_UNDEF(v)) {
        VmFrame *f = vm_current_frame();
        if (f && IS_OBJ(f->globals)) {
            Value modname = ou_dict_get(f->globals, om.name_global);
            if (!IS_UNDEF(modname) && !IS_ERR(modname) && ou_dict_set(dict, om.module, modname) < 0)
                goto fail;
        }
    }
    qualname = ou_dict_pop(dict, om.qualname);
    if (IS_ERR(qualname)) goto fail;
    if (IS_UNDEF(qualname)) {
        qualname = ou_newref(name);
    } else if (!IS_STR(qualname)) {
        ou_err_format(ou_TypeError, "type __qualname__ must be a str, not %s",
                      OU_TYPE_NAME(qualname));
        goto fail;
    }
    classcell = ou_dict_pop(dict, om.classcell);
    if (IS_ERR(classcell)) goto fail;
    /* __slots__ (honoured when the layout is object's plus Value words, see above). */
    bool slots_dict = false;
    v = ou_dict_get(dict, om.slots);
    if (IS_ERR(v)) goto fail;
    bool bare = false; /* `__slots__ = ()` over another builtin: the base layout, no dict */
    if (!IS_UNDEF(v)) {
        slot_names = parse_slots(v, name, dict, &slots_dict);
        if (IS_ERR(slot_names)) goto fail;
        if (om_builtin_base(best) != &ou_object_type || (best->flags & OU_TPFLAG_EXC)) {
            /* Slot words are laid out only after object's header; over other builtins an
             * empty __slots__ just drops the dict, and named slots over str/tuple are refused
             * as CPython does (over list, dict, ... they are ignored: attributes go to a dict). */
            int64_t nnames = AS_LIST(slot_names)->len;
            if (nnames && best->itemsize) {
                ou_err_format(ou_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                              om_builtin_base(best)->name);
                goto fail;
            }
            bare = nnames == 0 && !slots_dict;
            ou_decref(slot_names);
            slot_names = OU_UNDEF;
        }
    }
    bool no_dict = (!IS_UNDEF(slot_names) && !slots_dict) || bare;
    if (best->dictoffset == 0 && !no_dict && IS_UNDEF(ou_dict_get(dict, om.dict)) &&
        add_getset(dict, "__dict__", name, false) < 0)
        goto fail;
    if (!om_is_heap(best) && IS_UNDEF(ou_dict_get_str(dict, "__weakref__")) &&
        add_getset(dict, "__weakref__", name, true) < 0)
        goto fail;
    v = ou_dict_get(dict, om.doc);
    if (IS_ERR(v)) goto fail;
    if (IS_UNDEF(v) && ou_dict_set(dict, om.doc, OU_NONE) < 0) goto fail;
    if (wrap_implicit(dict, om.new_, &ou_staticmethod_type) < 0 ||
        wrap_implicit(dict, om.init_subclass, &ou_classmethod_type) < 0 ||
        wrap_implicit(dict, om.class_getitem, &ou_classmethod_type) < 0)
        goto fail;
    /* Defining __eq__ without __hash__ makes instances unhashable. */
    v = ou_dict_get(dict, om.eq);
    if (!IS_UNDEF(v) && !IS_ERR(v)) {
        Value h = ou_dict_get(dict, om.hash);
        if (IS_UNDEF(h) && ou_dict_set(dict, om.hash, OU_NONE) < 0) goto fail;
    }

    iname = ou_str_intern_value(ou_newref(name));
    if (IS_ERR(iname)) goto fail;

    t = ou_obj_alloc(meta, meta->basicsize ? meta->basicsize : sizeof(OuType));
    if (!t) goto fail;
    t->name = ou_str_data(iname); /* the type now owns iname's reference */
    iname = OU_UNDEF;
    t->flags = OU_TPFLAG_HEAPTYPE | OU_TPFLAG_BASETYPE | OU_TPFLAG_GC |
               (best->flags & OU_TPFLAG_EXC);
    if (!IS_UNDEF(slot_names)) {
        /* Slot words after the base's words, then a dict word if asked for and new. */
        uint32_t off = (best->basicsize + 7u) & ~7u;
        int64_t nslots = AS_LIST(slot_names)->len;
        t->basicsize = off + (uint32_t)(nslots * (int64_t)sizeof(Value));
        t->dictoffset = best->dictoffset;
        if (slots_dict && t->dictoffset == 0) {
            t->dictoffset = (int32_t)t->basicsize;
            t->basicsize += (uint32_t)sizeof(Value);
        }
    } else if (best->dictoffset != 0 || bare) {
        t->basicsize = best->basicsize;
        t->itemsize = best->itemsize;
        t->dictoffset = best->dictoffset;
    } else if (best->itemsize == 0) {
        uint32_t off = (best->basicsize + 7u) & ~7u;
        t->basicsize = off + (uint32_t)sizeof(Value);
        t->dictoffset = (int32_t)off;
    } else {
        /* str and tuple keep their items inline, so the dict goes after them; their allocators
         * add the word when the type's dictoffset is OU_DICTOFFSET_TAIL. */
        t->basicsize = best->basicsize;
        t->itemsize = best->itemsize;
        t->dictoffset = OU_DICTOFFSET_TAIL;
    }
    ou_incref(MK_OBJ(best));
    t->base = best;
    t->bases = own_bases;
    own_bases = OU_UNDEF;
    t->dict = dict;
    dict = OU_UNDEF;
    t->qualname = qualname;
    qualname = OU_UNDEF;
    v = ou_dict_get(t->dict, om.module);
    t->module = (IS_STR(v)) ? ou_newref(v) : OU_UNDEF;
    t->mro = OU_UNDEF;
    /* Copy the best base's slots, then let the dunders override them. */
    OuType *bb = om_builtin_base(best);
    t->repr = bb->repr;
    t->str = bb->str;
    t->hash = bb->hash;
    t->richcmp = bb->richcmp;
    t->binop = bb->binop;
    t->unaryop = bb->unaryop;
    t->truth = bb->truth;
    t->iter = bb->iter;
    t->next = bb->next;
    t->call = bb->call;
    t->getattr = bb->getattr;
    t->setattr = bb->setattr;
    t->len = bb->len;
    t->getitem = bb->getitem;
    t->setitem = bb->setitem;
    t->contains = bb->contains;
    t->descr_get = bb->descr_get;
    t->descr_set = bb->descr_set;
    t->new = bb->new;
    t->init = bb->init;
    t->dealloc = subtype_dealloc;
    t->traverse = subtype_traverse;
    t->clear = subtype_clear;

    if (!IS_UNDEF(slot_names)) {
        if (ou_type_ready(&member_type) < 0) goto fail;
        uint32_t off = (best->basicsize + 7u) & ~7u;
        for (int64_t i = 0; i < AS_LIST(slot_names)->len; i++) {
            Member *m = ou_obj_alloc(&member_type, sizeof(Member));
            if (!m) goto fail;
            m->name = ou_newref(AS_LIST(slot_names)->items[i]);
            m->owner = ou_newref(MK_OBJ(t));
            m->offset = off + (uint32_t)(i * (int64_t)sizeof(Value));
            int r = ou_dict_set(t->dict, m->name, MK_OBJ(m));
            ou_decref(MK_OBJ(m));
            if (r < 0) goto fail;
        }
        ou_decref(slot_names);
        slot_names = OU_UNDEF;
    }
    mro = c3_mro(t, AS_TUPLE(t->bases));
    if (IS_ERR(mro)) goto fail;
    t->mro = mro;
    mro = OU_UNDEF;
    if (remember_heap_type(t) < 0) goto fail;
    om_type_modified();
    om_fixup_slots(t);
    /* Instances of exactly OuInstance's layout keep their attributes inline (OuInstance). */
    if (om_builtin_base(t) == &ou_object_type && !(t->flags & OU_TPFLAG_EXC) &&
        t->basicsize == sizeof(OuInstance) && t->dictoffset == (int32_t)offsetof(OuInstance, dict)) {
        t->flags |= OU_TPFLAG_INLINE;
        vm_shape_estimate_cap(t);
    }

    if (ou_typeof(classcell) == &ou_cell_type) {
        OuCell *c = (OuCell *)AS_OBJ(classcell);
        Value old = c->v;
        c->v = ou_newref(MK_OBJ(t));
        ou_xdecref(old);
    }
    ou_xdecref(classcell);
    classcell = OU_UNDEF;
    if (finish_class(t, args + 3, kwnames) < 0) {
        ou_decref(MK_OBJ(t));
        return OU_ERR;
    }
    return MK_OBJ(t);

fail:
    ou_xdecref(slot_names);
    ou_xdecref(own_bases);
    ou_xdecref(dict);
    ou_xdecref(qualname);
    ou_xdecref(classcell);
    ou_xdecref(mro);
    ou_xdecref(iname);
    if (t) ou_decref(MK_OBJ(t));
    return OU_ERR;
}

/* ---- the class statement ------------------------------------------------------------------- */

#include "interp.h"

/* The metaclass that wins for bases (CPython's _PyType_CalculateMetaclass): the most derived
 * of meta and the bases' types, which must form a chain. NULL with TypeError on a conflict. */
static OuType *winner_meta(OuType *meta, Value *bases, int n) {
    for (int i = 0; i < n; i++) {
        OuType *bt = ou_typeof(bases[i]);
        if (ou_is_subtype(meta, bt)) continue;
        if (ou_is_subtype(bt, meta)) {
            meta = bt;
            continue;
        }
        ou_err_format(ou_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                    "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return meta;
}

Value vm_build_class(Value body, Value name, Value *bases_v, int n, Value *kwv, Value kwnames,
                     Value globals) {
    int nkw = IS_TUPLE(kwnames) ? (int)AS_TUPLE(kwnames)->len : 0;
    /* meta is borrowed: from the keyword values, or the type of a base, all held by the
     * caller's stack for the whole call. */
    Value meta = OU_UNDEF, bases = OU_ERR, ns = OU_ERR, cell = OU_ERR, cls = OU_ERR;
    Value kwn = OU_UNDEF; /* kwnames without `metaclass` (new ref), or OU_UNDEF */
    Value *kv = NULL;     /* the matching values (borrowed), a copy when metaclass was given */
    Value small[8];
    int nk = 0;
    for (int i = 0; i < nkw; i++)
        if (ou_str_eq_cstr(AS_TUPLE(kwnames)->items[i], "metaclass")) meta = kwv[i];
    if (nkw) {
        kv = nkw <= 8 ? small : ou_mem_alloc(sizeof(Value) * (size_t)nkw);
        if (!kv) return OU_ERR;
        kwn = ou_tuple_new(nkw - (IS_UNDEF(meta) ? 0 : 1));
        if (IS_ERR(kwn)) goto done;
        for (int i = 0; i < nkw; i++) {
            Value k = AS_TUPLE(kwnames)->items[i];
            if (ou_str_eq_cstr(k, "metaclass")) continue;
            ou_tuple_set_steal(kwn, nk, ou_newref(k));
            kv[nk++] = kwv[i];
        }
        if (nk == 0) {
            ou_decref(kwn);
            kwn = OU_UNDEF;
        }
    }
    bases = ou_tuple_from(bases_v, n);
    if (IS_ERR(bases)) goto done;
    /* Without an explicit metaclass: type(bases[0]), or type; a class given as metaclass still
     * yields to a more derived metaclass of a base. */
    if (IS_UNDEF(meta)) meta = n ? MK_OBJ(ou_typeof(bases_v[0])) : MK_OBJ(&ou_type_type);
    if (ou_instance_of(meta, &ou_type_type)) {
        OuType *w = winner_meta(AS_TYPE(meta), bases_v, n);
        if (!w) goto done;
        meta = MK_OBJ(w);
    }
    /* A metaclass's __prepare__(name, bases, **kw) supplies the namespace. */
    Value prep = ou_getattr_opt(meta, ou_str_intern("__prepare__"));
    if (IS_ERR(prep)) goto done;
    if (IS_UNDEF(prep)) {
        ns = ou_dict_new();
    } else {
        Value pa[2 + 8];
        Value *pargs = nk <= 8 ? pa : ou_mem_alloc(sizeof(Value) * (size_t)(nk + 2));
        if (!pargs) {
            ou_decref(prep);
            goto done;
        }
        pargs[0] = name;
        pargs[1] = bases;
        for (int i = 0; i < nk; i++) pargs[2 + i] = kv[i];
        ns = ou_call(prep, pargs, 2, kwn);
        if (pargs != pa) ou_mem_free(pargs);
        ou_decref(prep);
        if (!IS_ERR(ns) && !ou_instance_of(ns, &ou_dict_type)) {
            ou_err_format(ou_TypeError, "%s.__prepare__() must return a mapping, not %s",
                          ou_instance_of(meta, &ou_type_type) ? AS_TYPE(meta)->name : "<metaclass>",
                          OU_TYPE_NAME(ns));
            ou_decref(ns);
            ns = OU_ERR;
        }
    }
    if (IS_ERR(ns)) goto done;
    Value modname = IS_DICT(globals) ? ou_dict_get_str(globals, "__name__") : OU_UNDEF;
    OuFunction *bf = (OuFunction *)AS_OBJ(body);
    if ((!IS_UNDEF(modname) && ou_dict_set_str(ns, "__module__", modname) < 0) ||
        ou_dict_set_str(ns, "__qualname__", IS_STR(bf->qualname) ? bf->qualname : name) < 0)
        goto done;
    if (vm_c_stack_low()) {
        ou_err_format(ou_RecursionError, "maximum recursion depth exceeded");
        goto done;
    }
    VmFrame *fr = vm_frame_push_call(bf, NULL, 0, OU_UNDEF, ns);
    if (!fr) goto done;
    cell = vm_eval(fr);
    if (IS_ERR(cell)) goto done;
    {
        Value ca[3 + 8];
        Value *cargs = nk <= 8 ? ca : ou_mem_alloc(sizeof(Value) * (size_t)(nk + 3));
        if (!cargs) goto done;
        cargs[0] = name;
        cargs[1] = bases;
        cargs[2] = ns;
        for (int i = 0; i < nk; i++) cargs[3 + i] = kv[i];
        cls = ou_call(meta, cargs, 3, kwn);
        if (cargs != ca) ou_mem_free(cargs);
    }
    if (!IS_ERR(cls) && ou_is_type(cell, &ou_cell_type)) {
        OuCell *c = (OuCell *)AS_OBJ(cell);
        Value old = c->v;
        c->v = ou_newref(cls);
        ou_xdecref(old);
    }
done:
    if (!IS_ERR(cell)) ou_decref(cell);
    if (!IS_ERR(ns)) ou_decref(ns);
    if (!IS_ERR(bases)) ou_decref(bases);
    ou_xdecref(kwn);
    if (kv && kv != small) ou_mem_free(kv);
    return cls;
}
