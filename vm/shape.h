/* shape.h: compact instances (vm/shape.c), shared by the object-model files and the inline
 * caches of vm/interp.c. The layout and its two modes are described at OuInstance in
 * include/ouro.h; the limits are in include/ouroconf.h.
 *
 * Shapes: the hidden classes of compact instances. A shape is an ordered list of attribute
 * names; shape S has S->count names and the value of names[i] lives in slot i of an instance
 * in shape mode. Shapes form one transition tree rooted at vm_shape_root (no names): adding
 * name N to S gives the child of S for N, made once and then found again, so instances that
 * got the same names in the same order share one shape, and "same shape" means "same names at
 * the same slots" (which is what the inline caches test with one compare). Invariants:
 *   - shapes are immortal and shared by every class (the caches also check the type); they
 *     are freed only by vm_fini_shapes at exit, after every instance;
 *   - names are interned str (a counted reference each), distinct within a shape;
 *     child->names extends parent->names by one; count <= OU_SHAPE_MAX_SLOTS; at most
 *     OU_SHAPE_MAX_COUNT shapes exist;
 *   - an instance's `dict` word holds VM_MK_SHAPE(shape): tag 0xFFFF, which no Python value
 *     uses, so ou_incref/ou_decref and every IS_* test but VM_IS_SHAPE ignore it.
 */
#ifndef OU_SHAPE_H
#define OU_SHAPE_H

#include "vm.h"

typedef struct VmShape VmShape;
typedef struct {
    Value name;
    VmShape *child;
} VmShapeEdge;
struct VmShape {
    VmShape *parent;    /* NULL for the root */
    Value *names;       /* names[0..count) */
    uint32_t count;
    uint32_t nedges, edgecap;
    VmShapeEdge *edges; /* the transitions made so far: name -> child */
};
#define VM_TAG_SHAPE 0xFFFF000000000000ULL
#define VM_IS_SHAPE(v) (((v)&OU_TAG_MASK) == VM_TAG_SHAPE)
#define VM_AS_SHAPE(v) ((VmShape *)(uintptr_t)((v)&OU_PAYLOAD))
#define VM_MK_SHAPE(s) (VM_TAG_SHAPE | (uint64_t)(uintptr_t)(s))
extern VmShape vm_shape_root;

/* Slot index of name in s, or -1. name: any str (interned ones compare by identity). */
int32_t vm_shape_index(const VmShape *s, Value name);
/* The child of s for name (which s lacks), made on first need; NULL (no exception set) when a
 * limit of ouroconf.h is reached, name is not an exact str, or memory ran out. */
VmShape *vm_shape_add(VmShape *s, Value name);
void vm_fini_shapes(void);

/* The shape of an instance in shape mode, else NULL (any object). */
static inline VmShape *vm_inst_shape(OuObject *o) {
    if (o->type->dictoffset != (int32_t)offsetof(OuInstance, dict)) return NULL;
    Value d = ((OuInstance *)o)->dict;
    return VM_IS_SHAPE(d) ? VM_AS_SHAPE(d) : NULL;
}
/* Converts an instance in shape mode to dict mode: 0, or -1 with MemoryError (unchanged). */
int vm_inst_to_dict(OuObject *o);
/* Stores (v == OU_UNDEF: deletes) attribute name of an instance in shape mode s. 0 when done,
 * -1 on error (AttributeError for a missing name to delete), 1 when the instance has moved to
 * dict mode and the caller must do the store in its dict. */
int vm_inst_set(OuObject *o, VmShape *s, Value name, Value v);
/* False once the heap tools want dicts (ou_instances_use_dicts): new instances of inline
 * types then start in dict mode. */
extern bool vm_inline_attrs;
/* Sets t->inline_cap for a new inline class from the `self.NAME = ...` stores of its methods
 * and its bases'. */
void vm_shape_estimate_cap(OuType *t);

#endif
