/* objmodel.h: private interface shared by the object-model files of vm/: type.c (type, object,
 * the method cache, descriptors, super), class.c (classes made by `class`: creation, C3 MRO,
 * layout, the slot_* functions), abstract.c (the ou_* abstract operations) and object.c
 * (deallocation, __del__, the trashcan). Nothing outside these four files includes it.
 * Prefix: om_.
 */
#ifndef OU_OBJMODEL_H
#define OU_OBJMODEL_H

#include "shape.h"

/* Interned dunder names, created by om_names_init() on first need (class creation, super,
 * type attribute access): they are immortal interned strings, so lookups compare pointers.
 * Before om_names_init() has run every field is 0 and must not be used. */
typedef struct {
    Value init, new_, del, repr, str, hash, eq, ne, lt, le, gt, ge, bool_, len, iter, next,
        call, getattr, getattribute, setattr, delattr, getitem, setitem, delitem, contains,
        get, set, delete, neg, pos, invert, class_, dict, name, qualname, module, doc,
        set_name, init_subclass, class_getitem, instancecheck, subclasscheck, classcell,
        slots, index, format, main, builtins, name_global;
    Value binop[OU_BIN_COUNT];  /* __add__ ... */
    Value rbinop[OU_BIN_COUNT]; /* __radd__ ... */
    Value ibinop[OU_BIN_COUNT]; /* __iadd__ ... */
} OmNames;
extern OmNames om;
extern bool om_names_ready;
int om_names_init(void); /* idempotent; 0/-1 */

/* Operator symbols by OU_BIN_* (without the `=` of the in-place form). */
extern const char *const om_binop_symbols[OU_BIN_COUNT];

/* MRO lookup through the per-process method cache. Returns a BORROWED value or OU_UNDEF;
 * *owner (may be NULL) receives the class whose dict held it. Never raises. */
Value om_lookup(OuType *t, Value name, OuType **owner);
/* Invalidate every cached lookup: called whenever a class dict changes, a class is created or
 * freed. Cheap (one counter increment). */
void om_type_modified(void);

/* Call `func` with `self` prepended to args (kwnames as in ou_call). */
Value om_call_self(Value func, Value self, Value *args, int nargs, Value kwnames);
/* Look a special method up on the TYPE of self (never the instance dict, as CPython does for
 * dunders) and call it with self prepended. OU_UNDEF without exception when the type has no
 * such attribute. */
Value om_call_special(Value self, Value name, Value *args, int nargs);

/* True when t is a class made by `class` (or by type(name, bases, dict)). */
static inline bool om_is_heap(const OuType *t) { return (t->flags & OU_TPFLAG_HEAPTYPE) != 0; }
/* The nearest builtin (static) ancestor of t on its solid-base chain: the type whose C slots a
 * heap type falls back to. */
static inline OuType *om_builtin_base(OuType *t) {
    while (t && om_is_heap(t)) t = t->base;
    return t ? t : &ou_object_type;
}
/* Address of the dict word after the variable part of a str or tuple subclass instance
 * (dictoffset OU_DICTOFFSET_TAIL); NULL for any other object. vm/class.c. */
Value *om_tail_dictptr(OuObject *o);
/* Address of the instance dict field of o, or NULL if its type has none. */
static inline Value *om_dictptr(Value o) {
    if (!IS_OBJ(o)) return NULL;
    OuObject *ob = AS_OBJ(o);
    int32_t off = ob->type->dictoffset;
    if (off < 0) return om_tail_dictptr(ob);
    return off > 0 ? (Value *)((char *)ob + off) : NULL;
}

/* vm/class.c */
Value om_type_new(OuType *meta, Value *args, int nargs, Value kwnames);
void om_fixup_slots(OuType *t);      /* recompute a heap type's slots from its MRO */
void om_update_subclasses(OuType *t); /* after a dunder changed on t: refresh t and subclasses */
void om_forget_heap_type(OuType *t); /* t is being freed */
void om_heap_types_fini(void);

/* vm/type.c */
Value om_type_repr(Value self);
Value om_object_repr(Value self);
int64_t om_object_hash(Value self);
Value om_object_richcmp(Value a, Value b, int op);
Value om_object_new(OuType *t, Value *args, int nargs, Value kwnames);
int om_object_init(Value self, Value *args, int nargs, Value kwnames);
void om_object_dealloc(OuObject *o);
Value om_generic_getattr_opt(Value o, Value name, bool suppress);
Value om_type_getattr(Value self, Value name);
int om_finish_types(void); /* lazily add object's methods and __new__ wrappers */

#endif
