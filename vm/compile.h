/* compile.h: private interface between the symbol table pass (vm/symtable.c), the code
 * generator (vm/compile.c) and the assembler (vm/assemble.c). Nothing outside these files
 * includes it; the public entry point is vm_compile in vm/vm.h. */
#ifndef OU_COMPILE_H
#define OU_COMPILE_H

#include "ast.h"
#include "vm.h"

/* Debug builds report inconsistent stack depths found by the assembler (a compiler bug). */
#ifdef OU_DEBUG
#define OU_DEBUG_COMPILE 1
#else
#define OU_DEBUG_COMPILE 0
#endif

/* ---------------------------------------------------------------------------------------------
 * Symbol tables.
 *
 * A StMap maps identifier strings (arena-owned, NUL-terminated) to a pair of ints. Entries are
 * kept in insertion order in `ents` (iteration order is deterministic, which keeps cellvars and
 * freevars stable from run to run); `index` is an open-addressing table of entry numbers + 1
 * (0 = empty slot) whose size is a power of two at least twice the entry count.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    const char *name;
    uint32_t hash;
    int flags; /* DEF_* bits below */
    int scope; /* SC_* after analysis, 0 before */
} StEntry;

typedef struct {
    StEntry *ents;
    int n, cap;
    int *index;
    int nindex; /* power of two, or 0 when empty */
} StMap;

/* How a name is used in one scope (collected by the first walk). */
#define DEF_GLOBAL 0x1     /* `global x` */
#define DEF_LOCAL 0x2      /* assigned (or def/class/for/with/except target) */
#define DEF_PARAM 0x4      /* formal parameter */
#define DEF_NONLOCAL 0x8   /* `nonlocal x` */
#define DEF_USE 0x10       /* read */
#define DEF_FREE_CLASS 0x20 /* class body binds it AND a method uses it from outside */
#define DEF_IMPORT 0x40    /* bound by import */
#define DEF_ANNOT 0x80     /* annotated */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* Where the name lives (decided by the analysis). */
enum { SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL };

typedef enum { ST_MODULE, ST_CLASS, ST_FUNCTION } StKind;

/* One scope: module, class body, function, lambda or comprehension. Children are in source
 * order; the code generator finds a child scope by its defining node. */
typedef struct StScope {
    StKind kind;
    PsNode *node;            /* N_MODULE / N_CLASSDEF / N_FUNCDEF / N_LAMBDA / N_*COMP / N_GENEXP */
    const char *name;
    struct StScope *parent;
    struct StScope **children;
    int nchildren, capchildren;
    StMap syms;
    bool comprehension;
    bool nested;             /* some enclosing scope is a function */
    bool needs_class_closure; /* class body: a method uses __class__ or super() */
    bool has_annotations;    /* module/class body contains a simple annotated assignment */
} StScope;

/* The symbol table of one compilation: the tree of scopes, all allocated in the parser's arena
 * (freed with the AST). */
typedef struct {
    PsArena *arena;
    StScope *top;
    const char *filename;
    const char *src;
    size_t srclen;
} StTable;

void stmap_init(StMap *m);
StEntry *stmap_get(const StMap *m, const char *name);
/* Find or add `name` (flags 0); never fails (the arena aborts on out-of-memory). */
StEntry *stmap_put(PsArena *a, StMap *m, const char *name);

/* Build and analyze the scopes of `module`. 0, or -1 with SyntaxError set. */
int st_build(StTable *st, PsNode *module);
/* The child scope of `s` defined by `node`, or NULL. */
StScope *st_child(StScope *s, PsNode *node);
/* Resolved scope of a (mangled) name in s: SC_* (SC_NONE if the scope never mentions it). */
int st_scope_of(StScope *s, const char *name);
/* Private-name mangling (`__x` inside class C -> `_C__x`). Returns name itself when no mangling
 * applies, else an arena copy. privname is the innermost class name or NULL. */
const char *st_mangle(PsArena *a, const char *privname, const char *name);

/* Raise SyntaxError `msg` at a node position (line 1-based, col 0-based) with CPython's args:
 * (msg, (filename, lineno, offset, text, end_lineno, end_offset)). Always returns -1. */
int cmp_syntax_error(const char *filename, const char *src, size_t srclen, int line, int col,
                     int end_line, int end_col, const char *fmt, ...);

/* ---------------------------------------------------------------------------------------------
 * Assembler: the instruction buffer of one code object under construction.
 *
 * Jump instructions carry a label number as their argument while the unit is being compiled;
 * labels[l] is the instruction index the label was bound to (-1 until bound). as_finish
 * rewrites every jump argument to its absolute target, then computes stacksize and blocksize by
 * walking every path (the VM sizes frames with them).
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    uint32_t *code;
    int32_t *lines, *cols;
    int n, cap;
    int *labels;
    int nlabels, caplabels;
    Value consts;       /* list being built */
    Value names;        /* list of interned str */
    /* Dedup tables: open addressing, entry = index + 1, 0 empty. */
    int *const_index;
    int nconst_index;
    int *name_index;
    int nname_index;
    int line, col;      /* position stamped on emitted instructions */
} AsBuf;

int as_init(AsBuf *b);
void as_free(AsBuf *b);
int as_emit(AsBuf *b, int op, int arg);   /* 0 / -1 */
int as_new_label(AsBuf *b);               /* label id or -1 */
void as_bind(AsBuf *b, int label);
bool as_is_jump(int op);
/* Index of a constant (dedup by type and value: 1, 1.0, True, -0.0 stay distinct; str by
 * content; tuples element-wise; code objects never merged). Borrows v. -1 on error. */
int as_const(AsBuf *b, Value v);
int as_name(AsBuf *b, const char *name);  /* index in names (interned), -1 on error */
/* Stack effect of an instruction; `jump` selects the effect along the taken branch. */
int as_stack_effect(int op, int arg, bool jump);

typedef struct {
    const char *name, *qualname, *filename;
    int argcount, kwonlyargcount, posonlyargcount, firstline;
    uint32_t flags;
    Value varnames, cellvars, freevars; /* tuples, borrowed */
    int32_t *cell2arg;                  /* copied, may be NULL */
    Value docstring;                    /* borrowed */
} AsCodeInfo;
/* Build the code object (resolves labels, computes depths). NULL with an exception set. */
OuCode *as_finish(AsBuf *b, const AsCodeInfo *info);

#endif
