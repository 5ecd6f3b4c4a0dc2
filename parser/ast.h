/* ast.h: the abstract syntax tree produced by parser/ and consumed by the compiler (vm/compile.c).
 *
 * All nodes and their strings live in one arena (PsArena) freed in one call after compilation,
 * so the parser never frees individual nodes (Bison %destructor has nothing to do but the
 * arena owns everything). Node lists are arrays (PsList) of node pointers.
 *
 * Every node carries its source position: line (1-based) and col (0-based, in code points from
 * the start of the line), and for error carets end_line/end_col where known.
 * Identifiers and string-literal contents are NUL-terminated UTF-8 in the arena; string
 * literals have their escapes already decoded (len gives the byte length; they may contain
 * NUL bytes). Adjacent literals are already concatenated. Number literals are parsed values.
 */
#ifndef OU_AST_H
#define OU_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct PsArena PsArena;
typedef struct PsNode PsNode;

typedef struct {
    int n, cap;
    PsNode **items;
} PsList;

typedef enum {
    /* ---- statements ---- */
    N_MODULE,      /* body */
    N_EXPR_STMT,   /* a = value */
    N_ASSIGN,      /* targets (list: a = b = value has two targets), value (in a) */
    N_AUGASSIGN,   /* a = target, op (OU_BIN_*, in ival), value (in b) */
    N_ANNASSIGN,   /* a = target, b = annotation, value (in c; NULL if absent), simple flag (ival=1
                      when target is a plain name not in parentheses) */
    N_DEL,         /* targets */
    N_PASS, N_BREAK, N_CONTINUE,
    N_RETURN,      /* value or NULL */
    N_RAISE,       /* a = exc or NULL, b = cause or NULL */
    N_GLOBAL, N_NONLOCAL, /* names (PsList of N_NAME nodes) */
    N_ASSERT,      /* a = test, b = msg or NULL */
    N_IMPORT,      /* names: list of N_ALIAS (str = dotted name, str2 = asname or NULL) */
    N_IMPORTFROM,  /* str = module name, names: list of N_ALIAS ("*" for star), ival = level */
    N_IF,          /* a = test, body, orelse (elif is an N_IF alone in orelse) */
    N_WHILE,       /* a = test, body, orelse */
    N_FOR,         /* a = target, b = iter, body, orelse */
    N_TRY,         /* body, handlers (list of N_EXCEPTHANDLER), orelse, finalbody */
    N_EXCEPTHANDLER, /* a = type expr or NULL, str = name or NULL, body */
    N_WITH,        /* items: list of N_WITHITEM, body */
    N_WITHITEM,    /* a = context expr, b = optional target or NULL */
    N_FUNCDEF,     /* str = name, args (N_ARGUMENTS in a), body, decorators, b = returns
                      annotation or NULL */
    N_CLASSDEF,    /* str = name, bases (list, in args), keywords (list of N_KEYWORD), body,
                      decorators */
    /* ---- expressions ---- */
    N_BOOLOP,      /* ival = 0 and / 1 or; values (list, >= 2) */
    N_BINOP,       /* a OP b, ival = OU_BIN_* */
    N_UNARYOP,     /* ival = OU_UN_NEG/POS/INVERT, or 3 for `not`; a */
    N_LAMBDA,      /* a = N_ARGUMENTS, b = body expression */
    N_IFEXP,       /* a = test, b = body, c = orelse */
    N_DICT,        /* keys and values lists of equal length; a NULL key means **value */
    N_SET,         /* elts */
    N_LISTCOMP, N_SETCOMP, /* a = element, generators (list of N_COMPREHENSION) */
    N_DICTCOMP,    /* a = key, b = value, generators */
    N_GENEXP,      /* a = element, generators (parsed; compiler may reject until generators) */
    N_COMPREHENSION, /* a = target, b = iter, ifs (list) */
    N_COMPARE,     /* a = left, ops (ints in iops: OU_LT..OU_GE, 6 is, 7 is not, 8 in,
                      9 not in), comparators (list) */
    N_CALL,        /* a = func, args (list; N_STARRED for *x), keywords (list of N_KEYWORD;
                      str NULL for **x) */
    N_KEYWORD,     /* str = arg name or NULL for **, a = value */
    N_FSTRING,     /* values: list of N_CONST str pieces and N_FORMATTED */
    N_FORMATTED,   /* a = value, ival = conversion (-1 none, 's', 'r', 'a'), b = format spec
                      (an N_FSTRING, may be NULL) */
    N_CONST,       /* kind says which of ival/fval/str/len is used */
    N_ATTRIBUTE,   /* a = value, str = attr, ctx */
    N_SUBSCRIPT,   /* a = value, b = slice or index expr, ctx */
    N_STARRED,     /* a = value, ctx */
    N_NAME,        /* str = id, ctx */
    N_LIST, N_TUPLE, /* elts, ctx */
    N_SLICE,       /* a = lower, b = upper, c = step (each may be NULL) */
    N_NAMEDEXPR,   /* a = target name, b = value (walrus; optional) */
    /* ---- helpers ---- */
    N_ARGUMENTS,   /* see PsArgs */
    N_ARG,         /* str = name, a = annotation or NULL */
    N_ALIAS,       /* str = name, str2 = asname or NULL */
    /* ---- added by the parser (compiler may reject until generators exist) ---- */
    N_YIELD,       /* a = value or NULL (an expression) */
    N_YIELD_FROM,  /* a = value (an expression) */
    N__COUNT
} PsKind;

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } PsCtx;

typedef enum {
    K_NONE, K_TRUE, K_FALSE, K_ELLIPSIS,
    K_INT,    /* ival (fits int64) */
    K_BIGINT, /* str = decimal digits (an int literal too large for int64) */
    K_FLOAT,  /* fval */
    K_IMAG,   /* fval: imaginary literal (compiler may reject) */
    K_STR,    /* str/len */
    K_BYTES   /* str/len (compiler may reject) */
} PsConstKind;

/* Parameters of a def or lambda. posonly/args/kwonly are lists of N_ARG; defaults applies to the
 * LAST len(defaults) of posonly+args; kw_defaults has one entry per kwonly arg (NULL when it has
 * no default); vararg / kwarg are N_ARG or NULL. */
typedef struct {
    PsList posonly, args, kwonly, defaults, kw_defaults;
    PsNode *vararg, *kwarg;
} PsArgs;

struct PsNode {
    PsKind kind;
    int line, col, end_line, end_col;
    PsCtx ctx;
    PsConstKind ckind;
    int64_t ival;
    double fval;
    const char *str;   /* identifiers, string constants (decoded), module names */
    const char *str2;
    size_t len;        /* byte length of str for K_STR / K_BYTES */
    PsNode *a, *b, *c;
    PsList body, orelse, finalbody, handlers, targets, names, items, decorators;
    PsList values, keys, elts, generators, ifs, args, keywords, comparators;
    int *iops;         /* N_COMPARE: comparators.n operators */
    PsArgs *params;    /* N_ARGUMENTS (also reachable as funcdef->a / lambda->a) */
};

/* Arena. */
PsArena *ps_arena_new(void);
void ps_arena_free(PsArena *a);
void *ps_alloc(PsArena *a, size_t n);           /* zeroed; aborts on out-of-memory */
char *ps_strdup(PsArena *a, const char *s, size_t n);
PsNode *ps_node(PsArena *a, PsKind k, int line, int col);
void ps_list_push(PsArena *a, PsList *l, PsNode *n);

/* Parse result. On failure, err_msg/err_line/err_col/err_text describe the SyntaxError as CPython
 * words it ("invalid syntax", "expected ':'", "unexpected indent", "unindent does not match any
 * outer indentation level", "unterminated string literal (detected at line 3)", "EOL while ...",
 * "'(' was never closed", "too many nested parentheses", ...); err_kind 1 = IndentationError,
 * 2 = TabError, 0 = SyntaxError. err_col is 1-based as in CPython's offset. incomplete is set when
 * the input ended inside an open construct (for the REPL's "... " continuation). */
typedef struct {
    PsNode *module;  /* N_MODULE, or for mode "eval" an N_MODULE whose body is one N_EXPR_STMT */
    const char *err_msg;
    int err_line, err_col, err_end_col;
    int err_kind;
    char *err_text;  /* the offending source line (arena) */
    bool incomplete;
} PsResult;

/* Parse `src` (UTF-8, len bytes). mode: "exec", "single", "eval". Returns 0 on success, -1 on a
 * syntax error (details in *res). The tree lives in `arena`. */
int ps_parse(PsArena *arena, const char *src, size_t len, const char *filename, const char *mode,
             PsResult *res);

/* Debugging: print the tree (ouro --ast). */
void ps_dump(PsNode *n, int indent);

#endif
