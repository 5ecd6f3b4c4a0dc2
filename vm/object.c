/* object.c: the death of an object. ou_decref calls ou_obj_dealloc when a count reaches zero;
 * it runs a class's __del__ (at most once per object, PEP 442), lets the object be
 * resurrected, and then hands the memory to the type's dealloc slot.
 *
 * The trashcan. A dealloc slot releases its children, which may reach zero and be freed in
 * turn, so freeing a linked list of a million nodes would recurse a million C frames deep. The
 * nesting depth of ou_obj_dealloc is counted; beyond OM_TRASH_DEPTH, an object is not freed but
 * pushed onto `pending`, and the outermost call drains that list after its own dealloc returns.
 * The C stack therefore never holds more than OM_TRASH_DEPTH nested deallocs.
 * Invariant: objects on `pending` have rc == 0 and have not had __del__ or dealloc run yet; only
 * the outermost active ou_obj_dealloc (depth 1) removes them.
 */
#include <stdlib.h>

#include "objmodel.h"

#define OM_TRASH_DEPTH 50

static int dealloc_depth;
static OuObject **pending;
static size_t npending, pending_cap;

/* Runs o's __del__ if its class has one and it has not run yet. Returns true when the object
 * survived (the finalizer stored a new reference to it somewhere). */
static bool run_finalizer(OuObject *o) {
    OuType *t = o->type;
    if (!om_is_heap(t) || !(t->flags & OU_TPFLAG_HASDEL) || (o->gcflags & OU_GCF_FINALIZED) ||
        !om_names_ready)
        return false;
    Value del = om_lookup(t, om.del, NULL);
    if (IS_UNDEF(del)) return false;
    o->gcflags |= OU_GCF_FINALIZED;
    /* Temporarily resurrect the object so that the finalizer's own references to self can
     * come and go without re-entering deallocation. */
    o->rc = 1;
    ou_incref(del);
    Value saved = ou_err_fetch();
    Value r = om_call_self(del, MK_OBJ(o), NULL, 0, OU_UNDEF);
    if (IS_ERR(r))
        ou_err_write_unraisable(del);
    else
        ou_decref(r);
    if (!IS_UNDEF(saved) && !IS_ERR(saved)) ou_err_restore(saved);
    ou_decref(del);
    if (o->rc > 1) {
        ou_decref(MK_OBJ(o)); /* resurrected: a decrement to nonzero, seen by the collector */
        return true;
    }
    o->rc = 0;
    return false;
}

static void dealloc_one(OuObject *o) {
    if (run_finalizer(o)) return;
    /* Weak references die with the object, after __del__ (which may resurrect it). */
    if (o->gcflags & OU_GCF_WEAKREFS) ou_weakref_object_dying(o);
    o->type->dealloc(o);
}

void ou_obj_dealloc(OuObject *o) {
    if (dealloc_depth >= OM_TRASH_DEPTH) {
        if (npending == pending_cap) {
            size_t cap = pending_cap ? pending_cap * 2 : 256;
            OuObject **p = realloc(pending, cap * sizeof *p);
            if (!p) {
                /* Out of memory for the deferral list: free it right here, deeper on the
                 * stack, which is still correct for all but pathological nesting. */
                dealloc_one(o);
                return;
            }
            pending = p;
            pending_cap = cap;
        }
        pending[npending++] = o;
        return;
    }
    dealloc_depth++;
    dealloc_one(o);
    if (dealloc_depth == 1) {
        while (npending > 0) dealloc_one(pending[--npending]);
        /* Deep cascades are rare and cost far more than one malloc: release the list so that
         * nothing of Ouro's is left allocated at exit (valgrind's "still reachable"). */
        if (pending) {
            free(pending);
            pending = NULL;
            pending_cap = 0;
        }
    }
    dealloc_depth--;
}
