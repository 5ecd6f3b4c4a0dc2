/* vm.h: the interface of the vm/ folder beyond the public object API (include/ouro.h):
 * code objects, frames, the interpreter loop, the compiler entry point, module running.
 * Prefix: vm_ for interpreter services, ou_ for what ouro.h already declares. */
#ifndef OU_VM_H
#define OU_VM_H

#include "ouro.h"
#include "opcodes.h"

/* Code object flags. */
#define OU_CO_VARARGS 0x1    /* has *args (its slot follows the positional+kwonly params) */
#define OU_CO_VARKW 0x2      /* has **kwargs (slot after *args) */
#define OU_CO_NEWLOCALS 0x4  /* function scope (fast locals); absent for module/class bodies */
#define OU_CO_CLASSBODY 0x8  /* class body: LOAD_NAME uses the class namespace */
#define OU_CO_MODULE 0x10    /* module body */
#define OU_CO_GENERATOR 0x20 /* reserved: generators are a later issue */
#define OU_CO_NESTED 0x40

/* A code object: immutable after compilation.
 * Fast-local slots 0..nlocals-1 hold parameters first (positional, then keyword-only, then
 * *args, then **kwargs), then the other locals; their names are varnames[0..nlocals).
 * Cell slots follow: cellvars (variables of this scope captured by inner scopes) then freevars
 * (captured from the enclosing scope, filled from the function's closure tuple).
 * A parameter that is also a cellvar is copied into its cell at frame entry: cell2arg[i] is
 * the parameter slot of cellvar i, or -1.
 * lines[i] is the source line of instruction i (1-based); cols[i] its 0-based column. */
struct OuCode {
    OuObject ob;
    uint32_t *code;
    int32_t ncode;
    int32_t *lines;
    int32_t *cols;
    int32_t argcount;      /* positional parameters (including positional-or-keyword) */
    int32_t kwonlyargcount;
    int32_t nlocals;
    int32_t ncellvars, nfreevars;
    int32_t *cell2arg;     /* ncellvars entries, or NULL */
    int32_t stacksize;     /* max evaluation stack depth */
    int32_t blocksize;     /* max block stack depth */
    int32_t firstline;
    uint32_t flags;
    Value consts;   /* tuple */
    Value names;    /* tuple of interned str */
    Value varnames; /* tuple of str, nlocals long */
    Value cellvars; /* tuple of str */
    Value freevars; /* tuple of str */
    Value name;     /* str: function name, "<module>", class name, "<listcomp>"... */
    Value qualname;
    Value filename; /* str */
    Value docstring; /* str or None */
    void *cache;    /* inline caches (owned by the interpreter), NULL until first run */
    void *attr_caches; /* the per-instruction part of `cache` (NULL with it), kept so that
                        * attribute sites index it without recomputing where it starts */
    int32_t posonlyargcount; /* the first posonlyargcount of argcount are positional-only */
    /* For the loop's inline call path (simple_call_ok in vm/interp.c), set by the assembler:
     * the frame's slot count (locals, free variables, blocks, stack) when the code has no
     * keyword-only parameters, no *args or **kwargs and no cells of its own, else -1. */
    int32_t simple_frame;
    /* Also for the call path and LOAD_FRAME, set with simple_frame: fast_argc is argcount when
     * simple_frame >= 0 and there are no free variables (a plain call then needs only
     * nargs == fast_argc), else -1; nslots = nlocals + ncellvars + nfreevars; stack_off, the
     * offset of the evaluation stack from the frame's base (after the slots and blocks);
     * const_items and name_items, the items of consts and names (tuples never move them). */
    int32_t fast_argc, nslots, stack_off;
    Value *const_items, *name_items;
};

/* Frees co->cache and what hangs off it (vm/interp.c owns its layout); for code_dealloc. */
void vm_code_cache_free(OuCode *co);

/* Compile source to a module code object. mode: "exec" (file), "single" (REPL statement,
 * expression statements PRINT_EXPR), "eval" (an expression, RETURN_VALUE of it).
 * On a syntax error returns OU_ERR with SyntaxError set whose args are
 * (msg, (filename, lineno, offset, text)) and attributes filename, lineno, offset, text, msg,
 * as CPython's. `incomplete` (may be NULL) is set true when the error is only that the input
 * ended early (REPL continuation). */
Value vm_compile(const char *src, size_t len, const char *filename, const char *mode,
                 bool *incomplete);

/* Run a code object in a globals dict (and locals, may be equal). Returns the result. */
Value vm_run_code(OuCode *code, Value globals, Value locals);

/* Call a Python function object (used by ou_call for OuFunction). */
Value vm_call_function(OuFunction *f, Value *args, int nargs, Value kwnames);

/* The interpreter state. */
typedef struct VmFrame VmFrame;
typedef struct {
    Value *stack;         /* OU_STACK_SIZE values */
    Value *stack_top;     /* first free value */
    VmFrame *frame;       /* innermost running frame */
    int depth;            /* Python frames active */
    int recursion_limit;
    int c_depth;          /* ou_enter_recursive_call depth */
    Value curexc;         /* exception being raised (OU_UNDEF if none) */
    Value builtins;       /* dict */
    Value modules;        /* sys.modules dict */
    Value main_dir;       /* str: directory of the main script, for imports */
    volatile int interrupted; /* SIGINT seen: raise KeyboardInterrupt at the next safe point */
} VmState;
extern VmState vm;

/* One activation. Lives in C memory owned by the interpreter loop (not malloc per call);
 * its locals and evaluation stack are a window of vm.stack starting at `base`. */
typedef struct {
    int32_t kind;       /* SETUP_EXCEPT handler or EXCEPT_HANDLER */
    int32_t handler;    /* jump target */
    int32_t level;      /* stack depth (relative to the eval stack base) to unwind to */
    Value saved_exc;    /* EXCEPT_HANDLER: previously handled exception to restore */
} VmBlock;

struct VmFrame {
    VmFrame *back;
    OuCode *code;
    OuFunction *func;   /* NULL for module code */
    Value globals, builtins;
    Value locals;       /* dict for module/class bodies, else OU_UNDEF */
    Value *base;        /* fast locals start here, then cells, then the eval stack */
    int32_t ip;         /* index of the next instruction; saved before anything can raise */
    int32_t nblocks;
    VmBlock *blocks;
    Value handled_exc;  /* exception currently being handled in this frame, or OU_UNDEF */
    Value *stackbase;   /* first slot of the evaluation stack (after locals, cells, blocks) */
    Value *sp;          /* saved stack pointer while the frame is not the running one */
};

/* Slices of lists by normalised indices (vm/list.c), for the loop's slice fast paths and for
 * list's own slots. start, step and the length n (or slen) are as ou_slice_indices returns
 * them. vm_list_slice: a new exact list of the n items. vm_list_setslice: assigns the
 * iterable v to those items (step 1: any length; else exactly slen items, ValueError
 * otherwise), or deletes them when v is OU_UNDEF; 0/-1. list may be a subclass instance. */
Value vm_list_slice(Value list, int64_t start, int64_t step, int64_t n);
int vm_list_setslice(Value list, int64_t start, int64_t step, int64_t slen, Value v);

/* Start-up and shutdown of the whole runtime (vm/run.c). */
int vm_init(int argc, char **argv);   /* argv: the script's sys.argv */
void vm_finalize(void);               /* module teardown, __del__s, frees everything */
/* Run a file / string as __main__. Return the process exit status (0, 1, or SystemExit's). */
int vm_run_file(const char *path);
int vm_run_string(const char *src, const char *filename);
/* Print an uncaught exception (handles SystemExit: returns its code) -> exit status. */
int vm_handle_uncaught(void);

/* Disassemble a code object to stdout (ouro --dis). */
void vm_disassemble(OuCode *code);

/* The interactive session (vm/repl.c): prompts, libedit line editing when stdin and stdout
 * are terminals, history, completion, multi-line statements. Prints the banner first when
 * `banner`. Returns the exit status: 0 at end of input, SystemExit's code otherwise. */
int vm_repl(bool banner);

/* Current frame access for builtins that need it (globals(), locals(), super()). */
VmFrame *vm_current_frame(void);
/* Zero-argument super(): the innermost Python frame's __class__ cell contents and its first
 * argument, both borrowed. 0 on success; -1 with RuntimeError set ("super(): no arguments",
 * "super(): __class__ cell not found", "super(): empty __class__ cell") otherwise.
 * Implemented by vm/interp.c; used by the super type in vm/type.c. */
int vm_super_args(OuType **cls, Value *self);
Value vm_frame_locals(VmFrame *f);   /* new ref: dict of the frame's locals */
/* The class statement (MAKE_CLASS / MAKE_CLASS_KW, vm/class.c): picks the metaclass (a
 * `metaclass` keyword, else the most derived type of the bases), gets the namespace from its
 * __prepare__ (or a new dict), runs the body function `body` in it, calls the metaclass with
 * (name, bases, ns, **other keywords) and fills the __class__ cell. kwv holds one value per
 * name of kwnames (a tuple of str, or OU_UNDEF for none). All arguments borrowed. */
Value vm_build_class(Value body, Value name, Value *bases, int nbases, Value *kwv, Value kwnames,
                     Value globals);
/* The script's command-line arguments (sys.argv), as given to vm_init. */
extern int vm_argc;
extern char **vm_argv;

/* The exception currently being handled (innermost frame with one), borrowed, or OU_UNDEF.
 * Implemented in vm/interp.c; used by vm/error.c to set __context__ implicitly. */
Value vm_handled_exception(void);

/* Traceback: add an entry for frame f at its current ip to the current exception. */
void vm_traceback_add(VmFrame *f);
/* The exception being raised leaves frame f (no handler in it): the newest traceback entry,
 * made for f, takes over f's local and cell references (see OuTraceback). */
void vm_traceback_keep_locals(VmFrame *f);

/* Module-level registry (vm/import.c). */
Value vm_import_file(Value name, const char *path);

/* Init functions of the builtin types, called by vm_init in this order. Each calls
 * ou_type_ready on its types and adds their methods; 0/-1. The file that defines each is named. */
int vm_init_object(void);     /* vm/type.c: type, object, property, staticmethod, classmethod, super */
int vm_init_func(void);       /* vm/func.c: function, builtin function, method, cell, module */
int vm_init_code(void);       /* vm/code.c: code objects */
int vm_init_int(void);        /* vm/int.c: int, bool, NoneType, NotImplemented, Ellipsis */
int vm_init_float(void);      /* vm/float.c */
int vm_init_str(void);        /* vm/str.c (and the intern table) */
int vm_init_list(void);       /* vm/list.c */
int vm_init_tuple(void);      /* vm/tuple.c (and ou_empty_tuple) */
int vm_init_dict(void);       /* vm/dict.c */
int vm_init_set(void);        /* vm/set.c: set, frozenset */
int vm_init_range(void);      /* vm/range.c: range, slice */
int vm_init_iter(void);       /* vm/iterobject.c: iterators, enumerate, zip, map, filter, reversed */
/* The builtin iterator types that are builtins names (defined in vm/iterobject.c, exposed by
 * stdlib/builtins.c). */
extern OuType ou_enumerate_type, ou_zip_type, ou_map_type, ou_filter_type, ou_reversed_type;
int vm_init_exceptions(void); /* vm/exc.c: the exception hierarchy, traceback type */
int vm_init_file(void);       /* stdlib/fileobject.c: file objects, sys.stdout/err/in */
int vm_init_builtins(void);   /* stdlib/builtins.c: the builtins module (vm.builtins) */
int vm_init_modules(void);    /* stdlib/: registers sys, math, time, gc... as builtin modules */
/* Teardown in reverse, releasing what the init functions made (for 0 bytes lost at exit). */
void vm_fini_str(void);       /* intern table */
void vm_fini_tuple(void);
void vm_fini_types(void);     /* vm/type.c: clears static types' dicts/mro/bases */
void vm_fini_exceptions(void); /* vm/exc.c: the preallocated MemoryError, exception types */
void vm_fini_modules(void);   /* stdlib/modules.c: what the builtin modules keep (sys dict, gc.garbage) */
/* stdlib/mod_weakref.c: run the weakref.finalize objects still alive whose atexit flag is
 * set (newest first); vm_finalize calls it first, before any module is torn down. */
void vm_weakref_atexit(void);

#endif
