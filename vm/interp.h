/* interp.h: private interface between the interpreter loop (vm/interp.c), frame creation and
 * argument binding (vm/call.c) and the runner (vm/run.c). Not for use outside vm/.
 *
 * Frames live in one array indexed by depth (frames are strictly LIFO: every call, from the
 * loop or from C, pushes on top), and their slots in vm.stack starting at vm.stack_top:
 *   base: [fast locals (nlocals) | cells (ncellvars + nfreevars) | blocks | eval stack]
 * The block area holds code->blocksize VmBlocks (each exactly VM_BLOCK_SLOTS Values wide).
 * Every Value slot of a live frame holds an owned reference or OU_UNDEF, so releasing a frame
 * is a linear sweep.
 */
#ifndef OU_INTERP_H
#define OU_INTERP_H

#include "vm.h"

#define VM_BLOCK_SLOTS ((int)(sizeof(VmBlock) / sizeof(Value)))
_Static_assert(sizeof(VmBlock) % sizeof(Value) == 0, "VmBlock must be a whole number of Values");

/* Block kinds of VmBlock.kind. */
enum { VM_BLOCK_SETUP = 1, VM_BLOCK_EXCEPT_HANDLER = 2 };

/* Push a frame for calling f with args bound as CPython binds them (TypeError on mismatch).
 * locals is OU_UNDEF, or the namespace dict of a class body. Arguments are borrowed.
 * Returns the new running frame, or NULL with an exception set (nothing pushed). */
VmFrame *vm_frame_push_call(OuFunction *f, Value *args, int nargs, Value kwnames, Value locals);
/* Push a frame for module-level code (no arguments). */
VmFrame *vm_frame_push_code(OuCode *code, Value globals, Value locals);
/* Pop the running frame, releasing every reference it holds. */
void vm_frame_pop(VmFrame *f);
/* Run frames from `entry` (already pushed, the running frame) until entry returns; entry is
 * popped before returning. Result is a new reference or OU_ERR. */
Value vm_eval(VmFrame *entry);
/* Clears vm.interrupted and raises KeyboardInterrupt; returns OU_ERR. */
Value vm_raise_interrupt(void);
/* True when the C stack is nearly exhausted (deep Python -> C -> Python recursion). */
bool vm_c_stack_low(void);
/* Lowest usable C stack address, set by vm_init. */
extern uintptr_t vm_c_stack_limit;

/* The frame array: vm_frames[d] is the frame at depth d + 1 (vm/call.c). The loop pushes
 * simple frames itself (no defaults, keywords, cells or *args to work out) with the same
 * layout frame_alloc gives. */
extern VmFrame vm_frames[OU_MAX_FRAMES_HARD + 1];
/* A frame whose `locals` is VM_LOCALS_INIT runs an __init__ for a class call made by the loop:
 * the new instance already sits where the caller's result goes, so RETURN_VALUE checks that
 * the result is None and pushes nothing. Not an object, so every IS_OBJ(f->locals) test
 * treats it as "no locals dict". */
#define VM_LOCALS_INIT (OU_TAG_SPECIAL | 0x20)

/* vm/type.c: the method cache's epoch, bumped when any class dict changes; inline attribute
 * caches record it and are valid only while it is unchanged. */
extern const uint64_t *const om_type_epoch;
/* vm/dict.c: the counter dict versions are drawn from (a version identifies one state of one
 * dict); a cache that stores into a dict directly takes its new version from it. */
extern uint64_t dict_global_version;

/* Reads a whole file into a NUL-terminated malloc'd buffer; NULL with errno set on failure. */
char *vm_read_file(const char *path, size_t *len);
/* Set by vm_handle_uncaught for an uncaught KeyboardInterrupt (main dies by SIGINT). */
extern bool vm_exit_by_sigint;
/* Run `src` compiled in mode (exec/single) in __main__'s namespace (the REPL); 0 or the exit
 * status of an uncaught SystemExit; other errors are printed. *exited is set for SystemExit. */
int vm_run_interactive(const char *src, bool *incomplete, bool *exited);

/* Slices of lists by normalised indices (vm/list.c), for the loop's slice fast paths and for
 * list's own slots. start, step and the length n (or slen) are as ou_slice_indices returns
 * them. vm_list_slice: a new exact list of the n items. vm_list_setslice: assigns the
 * iterable v to those items (step 1: any length; else exactly slen items, ValueError
 * otherwise), or deletes them when v is OU_UNDEF; 0/-1. list may be a subclass instance. */
/* vm/range.c's range iterator, which FOR_ITER steps inline: the next value, the step, and
 * how many values are left (next may wrap around after the last one is produced). */
typedef struct {
    OuObject ob;
    int64_t next, step, left;
} VmRangeIter;
extern OuType vm_rangeiter_type;
/* vm/list.c's list iterator, also stepped inline by FOR_ITER: seq is the list, or OU_UNDEF
 * once the iterator is exhausted; index the next position. */
typedef struct {
    OuObject ob;
    Value seq;
    int64_t index;
} VmListIter;
extern OuType ct_listiter_type;

Value vm_list_slice(Value list, int64_t start, int64_t step, int64_t n);
int vm_list_setslice(Value list, int64_t start, int64_t step, int64_t slen, Value v);

#endif
