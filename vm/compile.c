/* compile.c: the code generator, AST (parser/ast.h) -> code objects (vm/vm.h).
 *
 * vm_compile parses, builds the symbol table (vm/symtable.c), then walks the tree emitting
 * instructions into one AsBuf per code object (vm/assemble.c). One "unit" is the code object
 * being compiled; units nest like the scopes (module, class body, function, lambda,
 * comprehension).
 *
 * Reading of vm/opcodes.h where it leaves room (CPython 3.10 semantics otherwise):
 *   - Jumps carry absolute instruction indices (labels while compiling, resolved at the end).
 *   - try/except: SETUP_EXCEPT H; body; POP_BLOCK; else; JUMP end. H: [exc] PUSH_EXC_INFO, then
 *     per clause `type; JUMP_IF_NOT_EXC_MATCH next; (STORE name | POP_TOP); body; POP_EXCEPT;
 *     JUMP end`, and RERAISE when no clause matches. A named clause protects its body with a
 *     second SETUP_EXCEPT whose handler deletes the name and re-raises (CPython's
 *     `try: body finally: e = None; del e`). The handled exception is not kept on the value
 *     stack during a handler body (PUSH_EXC_INFO saves it in the block).
 *   - try/finally: the finally body is compiled inline on the normal path, before every
 *     return/break/continue that leaves the try, and once in a handler
 *     `[exc] PUSH_EXC_INFO; finalbody; RERAISE`.
 *   - with: `mgr; BEFORE_WITH; SETUP_WITH H; (store target | POP_TOP); body; POP_BLOCK;
 *     WITH_EXIT; JUMP end. H: [exit exc] PUSH_EXC_INFO; WITH_EXCEPT; POP_JUMP_IF_TRUE S;
 *     RERAISE. S: POP_TOP; POP_TOP; POP_EXCEPT`. The block is set up before the `as` target is
 *     stored, so an exception while storing it calls __exit__, as in CPython.
 *   - return/break/continue inside try, with, except and for bodies unwind the enclosing blocks
 *     inline (POP_BLOCK, the finally body, WITH_EXIT, POP_EXCEPT, popping iterators), with the
 *     return value kept on top (ROT_TWO) while doing so.
 *   - IMPORT_NAME takes the full dotted name and pushes that module; `import a.b` then also
 *     imports `a` and binds it; relative imports pass the leading dots in the name.
 *   - Generator expressions are compiled as list comprehensions whose result goes through
 *     GET_ITER: `sum(x for x in y)` works, but the genexp is evaluated eagerly (there are no
 *     generators yet). `yield` is not in the AST.
 *   - A class body is a function run by MAKE_CLASS; it stores __module__ and __qualname__
 *     first, and returns its __class__ cell (LOAD_CLOSURE) when a method uses super() or
 *     __class__, else None.
 *   - Integer literals beyond int64 arrive from the lexer as decimal text (K_BIGINT) and
 *     become big ints here; bytes and imaginary literals are SyntaxErrors.
 */
#include "compile.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------------------------------------
 * Compiler state.
 * ------------------------------------------------------------------------------------------- */

/* Frame blocks: the statically enclosing constructs that a return/break/continue must unwind
 * inline. */
typedef enum {
    FB_WHILE,
    FB_FOR,            /* the iterator is on the stack */
    FB_TRY_EXCEPT,     /* SETUP_EXCEPT block of a try body with handlers */
    FB_FINALLY_TRY,    /* SETUP_EXCEPT block of a try body with a finally: run it inline */
    FB_FINALLY_END,    /* finally body on the exception path: [exc] on stack, handler block */
    FB_WITH,           /* __exit__ on the stack, SETUP_EXCEPT block */
    FB_HANDLER,        /* except clause body: EXCEPT_HANDLER block */
    FB_HANDLER_CLEANUP, /* named except clause body: SETUP_EXCEPT + EXCEPT_HANDLER, name */
    FB_POP_VALUE       /* a pending return value under an inline finally body */
} FbKind;

typedef struct {
    FbKind kind;
    int start;         /* loops: label of `continue` */
    int exit;          /* loops: label of `break` */
    PsNode *node;      /* FB_FINALLY_TRY: the try statement; HANDLER_CLEANUP: the handler */
} FBlock;

#define MAX_FBLOCKS 256

typedef enum { U_MODULE, U_CLASS, U_FUNCTION } UnitKind;

typedef struct Unit {
    struct Unit *parent;
    StScope *ste;
    UnitKind kind;
    AsBuf as;
    const char *name, *qualname;
    const char *privname;     /* innermost enclosing class name, for mangling */
    StMap varnames;           /* name -> index (in `flags`) */
    StMap cellvars, freevars;
    int firstline;
    FBlock fb[MAX_FBLOCKS];
    int nfb;
} Unit;

typedef struct {
    StTable st;
    PsArena *arena;
    Unit *u;
    const char *filename;
    const char *src;
    size_t srclen;
    bool interactive;  /* mode "single" */
} Compiler;

/* ---------------------------------------------------------------------------------------------
 * Syntax errors.
 * ------------------------------------------------------------------------------------------- */

/* The text of source line `line` (1-based) including its newline, or None. */
static Value source_line(const char *src, size_t len, int line) {
    if (!src || line < 1) return OU_NONE;
    size_t i = 0;
    for (int l = 1; l < line; l++) {
        while (i < len && src[i] != '\n') i++;
        if (i >= len) return OU_NONE;
        i++;
    }
    size_t j = i;
    while (j < len && src[j] != '\n') j++;
    if (j < len) j++;
    return ou_str_new(src + i, (int64_t)(j - i));
}

static int raise_syntax(OuType *type, const char *filename, Value msg, int line, int offset,
                        Value text, int end_line, int end_offset) {
    Value fn = ou_str_cstr(filename ? filename : "<string>");
    if (IS_ERR(fn)) return -1;
    Value ln = ou_int(line), off = ou_int(offset);
    Value eln = end_line > 0 ? ou_int(end_line) : OU_NONE;
    Value eoff = end_offset > 0 ? ou_int(end_offset) : OU_NONE;
    Value det = ou_tuple_pack(6, fn, ln, off, text, eln, eoff);
    ou_decref(fn);
    if (IS_ERR(det)) return -1;
    Value args[2] = {msg, det};
    Value exc = ou_exc_new(type, args, 2);
    ou_decref(det);
    if (IS_ERR(exc)) return -1;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return -1;
}

int cmp_syntax_error(const char *filename, const char *src, size_t srclen, int line, int col,
                     int end_line, int end_col, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    Value msg = ou_str_cstr(buf);
    if (IS_ERR(msg)) return -1;
    Value text = source_line(src, srclen, line);
    if (IS_ERR(text)) {
        ou_decref(msg);
        return -1;
    }
    if (end_line <= 0) {
        end_line = line;
        end_col = col;
    }
    raise_syntax(ou_SyntaxError, filename, msg, line, col + 1, text, end_line, end_col + 1);
    ou_decref(msg);
    ou_decref(text);
    return -1;
}

static int cerr(Compiler *c, PsNode *n, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return cmp_syntax_error(c->filename, c->src, c->srclen, n->line, n->col, n->end_line,
                            n->end_col, "%s", buf);
}

/* ---------------------------------------------------------------------------------------------
 * Emission helpers.
 * ------------------------------------------------------------------------------------------- */
#define EMIT(op, arg)                                                                          \
    do {                                                                                       \
        if (as_emit(&c->u->as, (op), (arg)) < 0) return -1;                                    \
    } while (0)
#define EMIT0(op) EMIT(op, 0)
#define NEWLABEL(l)                                                                            \
    do {                                                                                       \
        if (((l) = as_new_label(&c->u->as)) < 0) return -1;                                    \
    } while (0)
#define BIND(l) as_bind(&c->u->as, (l))
#define TRY(x)                                                                                 \
    do {                                                                                       \
        if ((x) < 0) return -1;                                                                \
    } while (0)

static void setloc(Compiler *c, PsNode *n) {
    if (n && n->line > 0) {
        c->u->as.line = n->line;
        c->u->as.col = n->col;
    }
}

/* Emit a load of constant v (borrowed). */
static int emit_const(Compiler *c, Value v) {
    if (IS_NONE(v)) {
        EMIT0(OP_LOAD_NONE);
        return 0;
    }
    if (IS_SMALLINT(v)) {
        int64_t i = AS_SMALLINT(v);
        if (i >= -0x800000 && i < 0x800000) {
            EMIT(OP_LOAD_SMALLINT, (int)(i + 0x800000));
            return 0;
        }
    }
    int k = as_const(&c->u->as, v);
    TRY(k);
    EMIT(OP_LOAD_CONST, k);
    return 0;
}

/* Emit a load of the interned string constant `text`. */
static int emit_str_const(Compiler *c, const char *text) {
    Value s = ou_str_intern(text);
    if (IS_ERR(s)) return -1;
    int r = emit_const(c, s);
    ou_decref(s);
    return r;
}

static int emit_name_op(Compiler *c, int op, const char *name) {
    int k = as_name(&c->u->as, name);
    TRY(k);
    EMIT(op, k);
    return 0;
}

static const char *mangle(Compiler *c, const char *name) {
    return st_mangle(c->arena, c->u->privname, name);
}

static bool is_identifier_like(const char *s, size_t len) {
    if (len == 0 || len > 40) return false;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '_'))
            return false;
    }
    return true;
}

static Value make_str(const char *s, size_t len) {
    if (is_identifier_like(s, len)) return ou_str_intern(s);
    return ou_str_new(s, (int64_t)len);
}

/* ---------------------------------------------------------------------------------------------
 * Constants and folding.
 * ------------------------------------------------------------------------------------------- */

/* If n is a constant expression (a literal, a negated numeric literal, or a tuple of constant
 * expressions), store its value (new reference) in *out and return 1; 0 if not constant; -1 on
 * error (SyntaxError for unsupported literals). */
static int const_value(Compiler *c, PsNode *n, Value *out) {
    switch (n->kind) {
    case N_CONST:
        switch (n->ckind) {
        case K_NONE: *out = OU_NONE; return 1;
        case K_TRUE: *out = OU_TRUE; return 1;
        case K_FALSE: *out = OU_FALSE; return 1;
        case K_ELLIPSIS: *out = ou_newref(ou_Ellipsis); return 1;
        case K_INT:
            *out = ou_int(n->ival);
            return IS_ERR(*out) ? -1 : 1;
        case K_FLOAT: *out = ou_float(n->fval); return 1;
        case K_STR:
            *out = make_str(n->str, n->len);
            return IS_ERR(*out) ? -1 : 1;
        case K_BIGINT: {
            /* The lexer gives every big literal as decimal text, hex ones included, which
             * CPython accepts at any length: the str-digits limit does not apply here. */
            int64_t limit = ou_int_max_str_digits;
            ou_int_max_str_digits = 0;
            *out = ou_int_from_text(n->str, (int64_t)n->len, 10, OU_UNDEF);
            ou_int_max_str_digits = limit;
            return IS_ERR(*out) ? -1 : 1;
        }
        case K_IMAG: return cerr(c, n, "complex numbers are not supported");
        case K_BYTES: return cerr(c, n, "bytes literals are not supported");
        }
        return 0;
    case N_UNARYOP:
        if (n->ival == OU_UN_NEG && n->a->kind == N_CONST) {
            if (n->a->ckind == K_INT) {
                *out = ou_int(-n->a->ival);
                return IS_ERR(*out) ? -1 : 1;
            }
            if (n->a->ckind == K_FLOAT) {
                *out = ou_float(-n->a->fval);
                return 1;
            }
        }
        return 0;
    case N_TUPLE: {
        int len = n->elts.n;
        for (int i = 0; i < len; i++) {
            PsNode *e = n->elts.items[i];
            if (e->kind != N_CONST && e->kind != N_UNARYOP && e->kind != N_TUPLE) return 0;
        }
        Value t = ou_tuple_new(len);
        if (IS_ERR(t)) return -1;
        for (int i = 0; i < len; i++) ou_tuple_set_steal(t, i, OU_NONE);
        for (int i = 0; i < len; i++) {
            Value v;
            int r = const_value(c, n->elts.items[i], &v);
            if (r <= 0) {
                ou_decref(t);
                return r;
            }
            ou_tuple_set_steal(t, i, v);
        }
        *out = t;
        return 1;
    }
    default:
        return 0;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Units (one per code object).
 * ------------------------------------------------------------------------------------------- */
static int add_index(Compiler *c, StMap *m, const char *name) {
    StEntry *e = stmap_get(m, name);
    if (e) return e->flags;
    int idx = m->n;
    e = stmap_put(c->arena, m, name);
    e->flags = idx;
    return idx;
}

static Unit *enter_unit(Compiler *c, StScope *ste, UnitKind kind, const char *name,
                        const char *qualname, int firstline, PsArgs *params) {
    Unit *u = calloc(1, sizeof *u);
    if (!u) {
        ou_err_nomemory();
        return NULL;
    }
    if (as_init(&u->as) < 0) {
        free(u);
        return NULL;
    }
    u->parent = c->u;
    u->ste = ste;
    u->kind = kind;
    u->name = name;
    u->qualname = qualname;
    u->firstline = firstline;
    u->privname = c->u ? c->u->privname : NULL;
    if (kind == U_CLASS) u->privname = name;
    u->as.line = firstline;
    stmap_init(&u->varnames);
    stmap_init(&u->cellvars);
    stmap_init(&u->freevars);
    if (kind == U_FUNCTION) {
        if (params) {
            PsList *lists[3] = {&params->posonly, &params->args, &params->kwonly};
            for (int k = 0; k < 3; k++)
                for (int i = 0; i < lists[k]->n; i++)
                    add_index(c, &u->varnames, st_mangle(c->arena, u->privname, lists[k]->items[i]->str));
            if (params->vararg)
                add_index(c, &u->varnames, st_mangle(c->arena, u->privname, params->vararg->str));
            if (params->kwarg)
                add_index(c, &u->varnames, st_mangle(c->arena, u->privname, params->kwarg->str));
        } else if (ste->comprehension) {
            add_index(c, &u->varnames, ".0");
        }
        for (int i = 0; i < ste->syms.n; i++)
            if (ste->syms.ents[i].scope == SC_LOCAL) add_index(c, &u->varnames, ste->syms.ents[i].name);
    }
    if (kind == U_CLASS && ste->needs_class_closure) add_index(c, &u->cellvars, "__class__");
    for (int i = 0; i < ste->syms.n; i++) {
        StEntry *e = &ste->syms.ents[i];
        if (e->scope == SC_CELL) add_index(c, &u->cellvars, e->name);
    }
    for (int i = 0; i < ste->syms.n; i++) {
        StEntry *e = &ste->syms.ents[i];
        if (e->scope == SC_FREE || (kind == U_CLASS && (e->flags & DEF_FREE_CLASS)))
            add_index(c, &u->freevars, e->name);
    }
    c->u = u;
    return u;
}

static void free_unit(Compiler *c, Unit *u) {
    as_free(&u->as);
    c->u = u->parent;
    free(u);
}

static Value names_tuple(const StMap *m) {
    Value t = ou_tuple_new(m->n);
    if (IS_ERR(t)) return OU_ERR;
    for (int i = 0; i < m->n; i++) ou_tuple_set_steal(t, i, OU_NONE);
    for (int i = 0; i < m->n; i++) {
        Value s = ou_str_intern(m->ents[i].name);
        if (IS_ERR(s)) {
            ou_decref(t);
            return OU_ERR;
        }
        ou_tuple_set_steal(t, m->ents[i].flags, s);
    }
    return t;
}

/* Finish the current unit: build its code object and pop back to the parent unit. */
static OuCode *exit_unit(Compiler *c, int argcount, int kwonly, int posonly, uint32_t flags,
                         Value doc) {
    Unit *u = c->u;
    OuCode *co = NULL;
    Value vn = names_tuple(&u->varnames);
    Value cv = IS_ERR(vn) ? OU_ERR : names_tuple(&u->cellvars);
    Value fv = IS_ERR(cv) ? OU_ERR : names_tuple(&u->freevars);
    int32_t *cell2arg = NULL;
    if (!IS_ERR(fv)) {
        if (u->cellvars.n > 0) {
            cell2arg = malloc(sizeof(int32_t) * (size_t)u->cellvars.n);
            if (!cell2arg) {
                ou_err_nomemory();
                goto done;
            }
            bool any = false;
            int nargs = argcount + kwonly + ((flags & OU_CO_VARARGS) != 0) + ((flags & OU_CO_VARKW) != 0);
            for (int i = 0; i < u->cellvars.n; i++) {
                StEntry *ce = &u->cellvars.ents[i];
                StEntry *ve = stmap_get(&u->varnames, ce->name);
                cell2arg[ce->flags] = (ve && ve->flags < nargs) ? ve->flags : -1;
                if (cell2arg[ce->flags] >= 0) any = true;
            }
            if (!any) {
                free(cell2arg);
                cell2arg = NULL;
            }
        }
        if (u->ste->nested) flags |= OU_CO_NESTED;
        AsCodeInfo info = {u->name, u->qualname, c->filename, argcount, kwonly, posonly,
                           u->firstline, flags, vn, cv, fv, cell2arg, doc};
        co = as_finish(&u->as, &info);
    }
done:
    free(cell2arg);
    ou_xdecref(vn);
    ou_xdecref(cv);
    ou_xdecref(fv);
    free_unit(c, u);
    return co;
}

/* CPython's qualified names: nested in a function -> "f.<locals>.g", in a class -> "C.m". */
static const char *make_qualname(Compiler *c, const char *name, bool is_def) {
    Unit *p = c->u;
    if (p->kind == U_MODULE) return name;
    if (is_def && st_scope_of(p->ste, mangle(c, name)) == SC_GLOBAL_EXPLICIT) return name;
    size_t pl = strlen(p->qualname), nl = strlen(name);
    bool fn = p->kind == U_FUNCTION;
    char *q = ps_alloc(c->arena, pl + nl + 10);
    memcpy(q, p->qualname, pl);
    size_t k = pl;
    if (fn) {
        memcpy(q + k, ".<locals>", 9);
        k += 9;
    }
    q[k++] = '.';
    memcpy(q + k, name, nl + 1);
    return q;
}

/* Push the function made from `co` (steals co): closure cells, code, qualname, MAKE_FUNCTION. */
static int make_closure(Compiler *c, OuCode *co, int flags) {
    Value cov = MK_OBJ(co);
    int n = co->nfreevars;
    for (int i = 0; i < n; i++) {
        Value nm = AS_TUPLE(co->freevars)->items[i];
        const char *name = ou_str_data(nm);
        StEntry *e = stmap_get(&c->u->cellvars, name);
        int idx;
        if (e) {
            idx = e->flags;
        } else {
            e = stmap_get(&c->u->freevars, name);
            if (!e) {
                ou_decref(cov);
                ou_err_format(ou_RuntimeError, "compiler: no cell for free variable '%s'", name);
                return -1;
            }
            idx = c->u->cellvars.n + e->flags;
        }
        if (as_emit(&c->u->as, OP_LOAD_CLOSURE, idx) < 0) {
            ou_decref(cov);
            return -1;
        }
    }
    if (n > 0) {
        if (as_emit(&c->u->as, OP_BUILD_TUPLE, n) < 0) {
            ou_decref(cov);
            return -1;
        }
        flags |= 4;
    }
    int k = as_const(&c->u->as, cov);
    Value qn = co->qualname;
    int kq = k < 0 ? -1 : as_const(&c->u->as, qn);
    ou_decref(cov);
    TRY(kq);
    EMIT(OP_LOAD_CONST, k);
    EMIT(OP_LOAD_CONST, kq);
    EMIT(OP_MAKE_FUNCTION, flags);
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Names.
 * ------------------------------------------------------------------------------------------- */
typedef enum { OPK_NAME, OPK_FAST, OPK_DEREF, OPK_GLOBAL } OpKind;

static int compile_name(Compiler *c, const char *rawname, PsCtx ctx) {
    Unit *u = c->u;
    if (ctx == CTX_LOAD && strcmp(rawname, "__debug__") == 0) return emit_const(c, OU_TRUE);
    const char *name = mangle(c, rawname);
    int scope = st_scope_of(u->ste, name);
    OpKind k = OPK_NAME;
    int idx = 0;
    switch (scope) {
    case SC_FREE: {
        StEntry *e = stmap_get(&u->freevars, name);
        if (e) {
            k = OPK_DEREF;
            idx = u->cellvars.n + e->flags;
        }
        break;
    }
    case SC_CELL: {
        StEntry *e = stmap_get(&u->cellvars, name);
        if (e) {
            k = OPK_DEREF;
            idx = e->flags;
        }
        break;
    }
    case SC_LOCAL:
        if (u->kind == U_FUNCTION) {
            k = OPK_FAST;
            idx = add_index(c, &u->varnames, name);
        }
        break;
    case SC_GLOBAL_IMPLICIT:
        if (u->kind == U_FUNCTION) k = OPK_GLOBAL;
        break;
    case SC_GLOBAL_EXPLICIT:
        k = OPK_GLOBAL;
        break;
    default:
        if (u->kind == U_FUNCTION) k = OPK_GLOBAL;
        break;
    }
    switch (k) {
    case OPK_FAST:
        EMIT(ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST, idx);
        return 0;
    case OPK_DEREF:
        if (ctx == CTX_LOAD)
            EMIT(u->kind == U_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF, idx);
        else
            EMIT(ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF, idx);
        return 0;
    case OPK_GLOBAL:
        return emit_name_op(c, ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, name);
    default:
        return emit_name_op(c, ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME, name);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Expressions.
 * ------------------------------------------------------------------------------------------- */
static int cexpr(Compiler *c, PsNode *n);
static int cstmts(Compiler *c, PsList *l);
static int store_target(Compiler *c, PsNode *t);
static int compile_function(Compiler *c, PsNode *n, bool lambda);

static bool is_starred_list(PsList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == N_STARRED) return true;
    return false;
}

/* Build a list/tuple/set from elements, any of which may be starred. */
enum { SEQ_LIST, SEQ_TUPLE, SEQ_SET };
static int starunpack(Compiler *c, PsList *elts, int kind) {
    int n = elts->n;
    bool star = is_starred_list(elts);
    int build = kind == SEQ_SET ? OP_BUILD_SET : kind == SEQ_LIST ? OP_BUILD_LIST : OP_BUILD_TUPLE;
    if (!star && n <= 30) {
        /* Three or more constants: extend an empty container from one constant tuple. */
        if (kind != SEQ_TUPLE && n >= 3) {
            bool allconst = true;
            for (int i = 0; i < n && allconst; i++) {
                PsKind k = elts->items[i]->kind;
                allconst = k == N_CONST || k == N_UNARYOP || k == N_TUPLE;
            }
            if (allconst) {
                PsNode tmp = *elts->items[0];
                tmp.kind = N_TUPLE;
                tmp.elts = *elts;
                Value t;
                int r = const_value(c, &tmp, &t);
                TRY(r);
                if (r == 1) {
                    int k = as_const(&c->u->as, t);
                    ou_decref(t);
                    TRY(k);
                    EMIT(build, 0);
                    EMIT(OP_LOAD_CONST, k);
                    EMIT(kind == SEQ_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
                    return 0;
                }
            }
        }
        for (int i = 0; i < n; i++) TRY(cexpr(c, elts->items[i]));
        EMIT(build, n);
        return 0;
    }
    EMIT(kind == SEQ_SET ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (int i = 0; i < n; i++) {
        PsNode *e = elts->items[i];
        if (e->kind == N_STARRED) {
            TRY(cexpr(c, e->a));
            EMIT(kind == SEQ_SET ? OP_SET_UPDATE : OP_LIST_EXTEND, 1);
        } else {
            TRY(cexpr(c, e));
            EMIT(kind == SEQ_SET ? OP_SET_ADD : OP_LIST_APPEND, 1);
        }
    }
    if (kind == SEQ_TUPLE) EMIT0(OP_LIST_TO_TUPLE);
    return 0;
}

static int compile_dict(Compiler *c, PsNode *n) {
    int elements = 0;
    bool have = false;
    for (int i = 0; i < n->keys.n; i++) {
        PsNode *k = n->keys.items[i], *v = n->values.items[i];
        if (!k) {
            if (elements) {
                EMIT(OP_BUILD_MAP, elements);
                if (have) EMIT(OP_DICT_UPDATE, 1);
                have = true;
                elements = 0;
            }
            if (!have) {
                EMIT(OP_BUILD_MAP, 0);
                have = true;
            }
            TRY(cexpr(c, v));
            EMIT(OP_DICT_UPDATE, 1);
        } else {
            TRY(cexpr(c, k));
            TRY(cexpr(c, v));
            if (++elements == 16) {
                EMIT(OP_BUILD_MAP, elements);
                if (have) EMIT(OP_DICT_UPDATE, 1);
                have = true;
                elements = 0;
            }
        }
    }
    if (elements || !have) {
        EMIT(OP_BUILD_MAP, elements);
        if (have) EMIT(OP_DICT_UPDATE, 1);
    }
    return 0;
}

static int emit_cmpop(Compiler *c, int op) {
    if (op <= OU_GE) EMIT(OP_COMPARE_OP, op);
    else if (op == 6 || op == 7) EMIT(OP_IS_OP, op == 7);
    else EMIT(OP_CONTAINS_OP, op == 9);
    return 0;
}

static int compile_compare(Compiler *c, PsNode *n) {
    int nops = n->comparators.n;
    TRY(cexpr(c, n->a));
    if (nops == 1) {
        TRY(cexpr(c, n->comparators.items[0]));
        return emit_cmpop(c, n->iops[0]);
    }
    int cleanup, end;
    NEWLABEL(cleanup);
    NEWLABEL(end);
    for (int i = 0; i < nops - 1; i++) {
        TRY(cexpr(c, n->comparators.items[i]));
        setloc(c, n);
        EMIT0(OP_DUP_TOP);
        EMIT0(OP_ROT_THREE);
        TRY(emit_cmpop(c, n->iops[i]));
        EMIT(OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    TRY(cexpr(c, n->comparators.items[nops - 1]));
    setloc(c, n);
    TRY(emit_cmpop(c, n->iops[nops - 1]));
    EMIT(OP_JUMP, end);
    BIND(cleanup);
    EMIT0(OP_ROT_TWO);
    EMIT0(OP_POP_TOP);
    BIND(end);
    return 0;
}

static int check_keywords(Compiler *c, PsList *kws) {
    for (int i = 0; i < kws->n; i++) {
        PsNode *k = kws->items[i];
        if (!k->str) continue;
        for (int j = i + 1; j < kws->n; j++) {
            PsNode *o = kws->items[j];
            if (o->str && strcmp(o->str, k->str) == 0)
                return cerr(c, o, "keyword argument repeated: %s", k->str);
        }
    }
    return 0;
}

/* Push the keyword-names tuple constant for plain keywords. */
static int emit_kwnames(Compiler *c, PsList *kws) {
    Value t = ou_tuple_new(kws->n);
    if (IS_ERR(t)) return -1;
    for (int i = 0; i < kws->n; i++) ou_tuple_set_steal(t, i, OU_NONE);
    for (int i = 0; i < kws->n; i++) {
        Value s = ou_str_intern(kws->items[i]->str);
        if (IS_ERR(s)) {
            ou_decref(t);
            return -1;
        }
        ou_tuple_set_steal(t, i, s);
    }
    int k = as_const(&c->u->as, t);
    ou_decref(t);
    TRY(k);
    EMIT(OP_LOAD_CONST, k);
    return 0;
}

static int compile_call(Compiler *c, PsNode *n) {
    PsList *args = &n->args, *kws = &n->keywords;
    TRY(check_keywords(c, kws));
    bool star = is_starred_list(args), dstar = false;
    for (int i = 0; i < kws->n; i++)
        if (!kws->items[i]->str) dstar = true;
    if (!star && !dstar) {
        bool method = n->a->kind == N_ATTRIBUTE;
        if (method) {
            TRY(cexpr(c, n->a->a));
            setloc(c, n->a);
            TRY(emit_name_op(c, OP_LOAD_METHOD, mangle(c, n->a->str)));
        } else {
            TRY(cexpr(c, n->a));
        }
        for (int i = 0; i < args->n; i++) TRY(cexpr(c, args->items[i]));
        for (int i = 0; i < kws->n; i++) TRY(cexpr(c, kws->items[i]->a));
        setloc(c, n);
        if (kws->n) {
            TRY(emit_kwnames(c, kws));
            EMIT(method ? OP_CALL_METHOD_KW : OP_CALL_KW, args->n + kws->n);
        } else {
            EMIT(method ? OP_CALL_METHOD : OP_CALL, args->n);
        }
        return 0;
    }
    TRY(cexpr(c, n->a));
    if (args->n == 0) {
        TRY(emit_const(c, ou_empty_tuple));
    } else if (args->n == 1 && args->items[0]->kind == N_STARRED) {
        /* CALL_EX makes the tuple itself (and words the error for a non-iterable). */
        TRY(cexpr(c, args->items[0]->a));
    } else {
        TRY(starunpack(c, args, SEQ_TUPLE));
    }
    if (kws->n) {
        int nseen = 0;
        bool have = false;
        for (int i = 0; i < kws->n; i++) {
            PsNode *k = kws->items[i];
            if (!k->str) {
                if (nseen) {
                    EMIT(OP_BUILD_MAP, nseen);
                    if (have) EMIT(OP_DICT_MERGE, 1);
                    have = true;
                    nseen = 0;
                }
                if (!have) {
                    EMIT(OP_BUILD_MAP, 0);
                    have = true;
                }
                TRY(cexpr(c, k->a));
                EMIT(OP_DICT_MERGE, 1);
            } else {
                TRY(emit_str_const(c, k->str));
                TRY(cexpr(c, k->a));
                nseen++;
            }
        }
        if (nseen) {
            EMIT(OP_BUILD_MAP, nseen);
            if (have) EMIT(OP_DICT_MERGE, 1);
        }
    }
    setloc(c, n);
    EMIT(OP_CALL_EX, kws->n ? 1 : 0);
    return 0;
}

static int compile_fstring(Compiler *c, PsNode *n) {
    int count = 0;
    for (int i = 0; i < n->values.n; i++) {
        PsNode *p = n->values.items[i];
        if (p->kind == N_CONST) {
            if (p->len == 0) continue;
            Value v;
            int r = const_value(c, p, &v);
            TRY(r);
            int e = emit_const(c, v);
            ou_decref(v);
            TRY(e);
        } else {
            TRY(cexpr(c, p->a));
            int conv = p->ival == 's' ? 1 : p->ival == 'r' ? 2 : p->ival == 'a' ? 3 : 0;
            if (p->b) {
                TRY(cexpr(c, p->b));
                conv |= 4;
            }
            setloc(c, p);
            EMIT(OP_FORMAT_VALUE, conv);
        }
        count++;
    }
    if (count == 0) {
        return emit_str_const(c, "");
    }
    if (count > 1) EMIT(OP_BUILD_STRING, count);
    return 0;
}

/* Emit a jump to `label` taken when truthiness(n) == cond; otherwise fall through. */
static int jump_if(Compiler *c, PsNode *n, int label, bool cond) {
    if (n->kind == N_UNARYOP && n->ival == 3) return jump_if(c, n->a, label, !cond);
    if (n->kind == N_BOOLOP) {
        bool is_or = n->ival == 1;
        int next;
        NEWLABEL(next);
        int nv = n->values.n;
        for (int i = 0; i < nv - 1; i++) {
            /* `and` falls out early on a false value, `or` on a true one. */
            if (is_or) TRY(jump_if(c, n->values.items[i], cond ? label : next, true));
            else TRY(jump_if(c, n->values.items[i], cond ? next : label, false));
        }
        TRY(jump_if(c, n->values.items[nv - 1], label, cond));
        BIND(next);
        return 0;
    }
    TRY(cexpr(c, n));
    EMIT(cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label);
    return 0;
}

/* Comprehensions: a nested function over `.0` (the outermost iterator), called at once. */
static int comp_loop(Compiler *c, PsNode *n, int gi) {
    PsList *gens = &n->generators;
    PsNode *g = gens->items[gi];
    if (gi == 0) {
        EMIT(OP_LOAD_FAST, 0);
    } else {
        TRY(cexpr(c, g->b));
        EMIT0(OP_GET_ITER);
    }
    int start, end;
    NEWLABEL(start);
    NEWLABEL(end);
    BIND(start);
    setloc(c, n);
    EMIT(OP_FOR_ITER, end);
    TRY(store_target(c, g->a));
    for (int i = 0; i < g->ifs.n; i++) TRY(jump_if(c, g->ifs.items[i], start, false));
    if (gi + 1 < gens->n) {
        TRY(comp_loop(c, n, gi + 1));
    } else {
        int depth = gens->n + 1;
        if (n->kind == N_DICTCOMP) {
            TRY(cexpr(c, n->a));
            TRY(cexpr(c, n->b));
            setloc(c, n);
            EMIT(OP_MAP_ADD, depth);
        } else {
            TRY(cexpr(c, n->a));
            setloc(c, n);
            EMIT(n->kind == N_SETCOMP ? OP_SET_ADD : OP_LIST_APPEND, depth);
        }
    }
    EMIT(OP_JUMP, start);
    BIND(end);
    return 0;
}

static int compile_comprehension(Compiler *c, PsNode *n) {
    StScope *ste = st_child(c->u->ste, n);
    if (!ste) {
        ou_err_format(ou_RuntimeError, "compiler: missing comprehension scope");
        return -1;
    }
    const char *name = ste->name;
    const char *qualname = make_qualname(c, name, false);
    if (!enter_unit(c, ste, U_FUNCTION, name, qualname, n->line, NULL)) return -1;
    setloc(c, n);
    int r = 0;
    if (n->kind == N_DICTCOMP) r = as_emit(&c->u->as, OP_BUILD_MAP, 0);
    else r = as_emit(&c->u->as, n->kind == N_SETCOMP ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    if (r == 0) r = comp_loop(c, n, 0);
    if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
    if (r < 0) {
        free_unit(c, c->u);
        return -1;
    }
    OuCode *co = exit_unit(c, 1, 0, 0, OU_CO_NEWLOCALS, OU_NONE);
    if (!co) return -1;
    TRY(make_closure(c, co, 0));
    TRY(cexpr(c, n->generators.items[0]->b));
    setloc(c, n);
    EMIT0(OP_GET_ITER);
    EMIT(OP_CALL, 1);
    if (n->kind == N_GENEXP) EMIT0(OP_GET_ITER);
    return 0;
}

static int cexpr_inner(Compiler *c, PsNode *n) {
    switch (n->kind) {
    case N_CONST:
    case N_UNARYOP:
    case N_TUPLE: {
        Value v;
        int r = (n->kind == N_TUPLE && is_starred_list(&n->elts)) ? 0 : const_value(c, n, &v);
        TRY(r);
        if (r == 1) {
            int e = emit_const(c, v);
            ou_decref(v);
            return e;
        }
        if (n->kind == N_TUPLE) return starunpack(c, &n->elts, SEQ_TUPLE);
        if (n->kind == N_UNARYOP) {
            TRY(cexpr(c, n->a));
            static const int ops[4] = {OP_UNARY_NEG, OP_UNARY_POS, OP_UNARY_INVERT, OP_UNARY_NOT};
            EMIT0(ops[n->ival & 3]);
            return 0;
        }
        return cerr(c, n, "invalid constant");
    }
    case N_NAME:
        return compile_name(c, n->str, CTX_LOAD);
    case N_BOOLOP: {
        int end;
        NEWLABEL(end);
        int nv = n->values.n;
        for (int i = 0; i < nv - 1; i++) {
            TRY(cexpr(c, n->values.items[i]));
            EMIT(n->ival == 1 ? OP_JUMP_IF_TRUE_OR_POP : OP_JUMP_IF_FALSE_OR_POP, end);
        }
        TRY(cexpr(c, n->values.items[nv - 1]));
        BIND(end);
        return 0;
    }
    case N_BINOP:
        TRY(cexpr(c, n->a));
        TRY(cexpr(c, n->b));
        setloc(c, n);
        EMIT(OP_BINARY_OP, (int)n->ival);
        return 0;
    case N_LAMBDA:
        return compile_function(c, n, true);
    case N_IFEXP: {
        int orelse, end;
        NEWLABEL(orelse);
        NEWLABEL(end);
        TRY(jump_if(c, n->a, orelse, false));
        TRY(cexpr(c, n->b));
        EMIT(OP_JUMP, end);
        BIND(orelse);
        TRY(cexpr(c, n->c));
        BIND(end);
        return 0;
    }
    case N_DICT:
        return compile_dict(c, n);
    case N_SET:
        return starunpack(c, &n->elts, SEQ_SET);
    case N_LIST:
        return starunpack(c, &n->elts, SEQ_LIST);
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        return compile_comprehension(c, n);
    case N_COMPARE:
        return compile_compare(c, n);
    case N_CALL:
        return compile_call(c, n);
    case N_FSTRING:
        return compile_fstring(c, n);
    case N_ATTRIBUTE:
        TRY(cexpr(c, n->a));
        setloc(c, n);
        return emit_name_op(c, OP_LOAD_ATTR, mangle(c, n->str));
    case N_SUBSCRIPT:
        TRY(cexpr(c, n->a));
        TRY(cexpr(c, n->b));
        setloc(c, n);
        EMIT0(OP_BINARY_SUBSCR);
        return 0;
    case N_SLICE: {
        PsNode *parts[3] = {n->a, n->b, n->c};
        int k = n->c ? 3 : 2;
        for (int i = 0; i < k; i++) {
            if (parts[i]) TRY(cexpr(c, parts[i]));
            else EMIT0(OP_LOAD_NONE);
        }
        EMIT(OP_BUILD_SLICE, k);
        return 0;
    }
    case N_STARRED:
        return cerr(c, n, "can't use starred expression here");
    case N_NAMEDEXPR:
        TRY(cexpr(c, n->b));
        EMIT0(OP_DUP_TOP);
        return compile_name(c, n->a->str, CTX_STORE);
    default:
        return cerr(c, n, "invalid syntax");
    }
}

/* Compile an expression, leaving its value on the stack. Instructions take the position of the
 * innermost expression being compiled; the enclosing position is restored afterwards. */
static int cexpr(Compiler *c, PsNode *n) {
    int line = c->u->as.line, col = c->u->as.col;
    setloc(c, n);
    int r = cexpr_inner(c, n);
    if (c->u) {
        c->u->as.line = line;
        c->u->as.col = col;
    }
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * Assignment targets.
 * ------------------------------------------------------------------------------------------- */
static int unpack_target(Compiler *c, PsNode *t) {
    PsList *elts = &t->elts;
    int n = elts->n, star = -1;
    for (int i = 0; i < n; i++) {
        if (elts->items[i]->kind != N_STARRED) continue;
        if (star >= 0) return cerr(c, elts->items[i], "multiple starred expressions in assignment");
        star = i;
    }
    if (star >= 0) {
        int after = n - star - 1;
        if (star >= 256 || after >= (1 << 16))
            return cerr(c, t, "too many expressions in star-unpacking assignment");
        EMIT(OP_UNPACK_EX, star | (after << 8));
    } else {
        EMIT(OP_UNPACK_SEQUENCE, n);
    }
    for (int i = 0; i < n; i++) {
        PsNode *e = elts->items[i];
        TRY(store_target(c, e->kind == N_STARRED ? e->a : e));
    }
    return 0;
}

static int store_target(Compiler *c, PsNode *t) {
    int line = c->u->as.line, col = c->u->as.col;
    setloc(c, t);
    int r;
    switch (t->kind) {
    case N_NAME:
        r = compile_name(c, t->str, CTX_STORE);
        break;
    case N_ATTRIBUTE:
        r = cexpr(c, t->a);
        if (r == 0) r = emit_name_op(c, OP_STORE_ATTR, mangle(c, t->str));
        break;
    case N_SUBSCRIPT:
        r = cexpr(c, t->a);
        if (r == 0) r = cexpr(c, t->b);
        if (r == 0) r = as_emit(&c->u->as, OP_STORE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST:
        r = unpack_target(c, t);
        break;
    case N_STARRED:
        r = cerr(c, t, "starred assignment target must be in a list or tuple");
        break;
    default:
        r = cerr(c, t, "cannot assign to expression");
        break;
    }
    c->u->as.line = line;
    c->u->as.col = col;
    return r;
}

/* True when t is a plain name that is a fast local of the function being compiled. */
static bool is_fast_local(Compiler *c, PsNode *t) {
    return t->kind == N_NAME && c->u->kind == U_FUNCTION &&
           st_scope_of(c->u->ste, mangle(c, t->str)) == SC_LOCAL;
}

/* `t1, ..., tn = e1, ..., en` with n <= 3 and nothing starred, as CPython 3.11 compiles it: no
 * tuple is built (its peephole turns BUILD_TUPLE n; UNPACK_SEQUENCE n into a SWAP), and when
 * every target is a distinct fast local on one line the swap is resolved statically, so the
 * stores run from the last target to the first. The order is visible: it is the order in
 * which the targets' old values are released (their __del__ run). Returns 1 when the
 * statement is not of this form (nothing emitted), else 0 / -1. */
static int assign_display(Compiler *c, PsNode *t, PsNode *v) {
    if ((t->kind != N_TUPLE && t->kind != N_LIST) || v->kind != N_TUPLE) return 1;
    int n = t->elts.n;
    if (n == 0 || n > 3 || v->elts.n != n) return 1;
    for (int i = 0; i < n; i++)
        if (t->elts.items[i]->kind == N_STARRED || v->elts.items[i]->kind == N_STARRED) return 1;
    /* A tuple of constants is one constant (CPython folds it too): unpacked in order. */
    Value folded;
    int k = const_value(c, v, &folded);
    if (k != 0) {
        if (k > 0) ou_decref(folded);
        return k < 0 ? -1 : 1;
    }
    bool reverse = true;
    for (int i = 0; i < n && reverse; i++) {
        PsNode *ti = t->elts.items[i];
        reverse = is_fast_local(c, ti) && ti->line == t->elts.items[0]->line;
        for (int j = 0; j < i && reverse; j++)
            reverse = strcmp(ti->str, t->elts.items[j]->str) != 0;
    }
    for (int i = 0; i < n; i++) TRY(cexpr(c, v->elts.items[i]));
    setloc(c, t);
    if (reverse) {
        for (int i = n - 1; i >= 0; i--) TRY(store_target(c, t->elts.items[i]));
        return 0;
    }
    /* [e1 .. en] -> [en .. e1], so that t1 is stored first (CPython's SWAP n). */
    if (n == 2) {
        EMIT0(OP_ROT_TWO);
    } else if (n == 3) {
        EMIT0(OP_ROT_THREE);
        EMIT0(OP_ROT_TWO);
    }
    for (int i = 0; i < n; i++) TRY(store_target(c, t->elts.items[i]));
    return 0;
}

static int delete_target(Compiler *c, PsNode *t) {
    setloc(c, t);
    switch (t->kind) {
    case N_NAME:
        return compile_name(c, t->str, CTX_DEL);
    case N_ATTRIBUTE:
        TRY(cexpr(c, t->a));
        return emit_name_op(c, OP_DELETE_ATTR, mangle(c, t->str));
    case N_SUBSCRIPT:
        TRY(cexpr(c, t->a));
        TRY(cexpr(c, t->b));
        EMIT0(OP_DELETE_SUBSCR);
        return 0;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < t->elts.n; i++) TRY(delete_target(c, t->elts.items[i]));
        return 0;
    default:
        return cerr(c, t, "cannot delete expression");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Functions and classes.
 * ------------------------------------------------------------------------------------------- */
static bool is_docstring(PsList *body) {
    if (body->n == 0) return false;
    PsNode *s = body->items[0];
    return s->kind == N_EXPR_STMT && s->a->kind == N_CONST && s->a->ckind == K_STR;
}

/* One annotation of a parameter (or the return) into the dict being built. */
static int emit_annotation(Compiler *c, const char *name, PsNode *ann, int *count) {
    if (!ann) return 0;
    TRY(emit_str_const(c, mangle(c, name)));
    TRY(cexpr(c, ann));
    (*count)++;
    return 0;
}

/* [f] -> [f] with f.__annotations__ set to {param: annotation, ..., 'return': annotation} in
 * CPython's order, when the def has any annotation; nothing is emitted otherwise. */
static int emit_annotations(Compiler *c, PsNode *n, PsArgs *p) {
    bool any = n->b != NULL;
    if (p) {
        PsList *lists[3] = {&p->posonly, &p->args, &p->kwonly};
        for (int k = 0; k < 3 && !any; k++)
            for (int i = 0; i < lists[k]->n; i++)
                if (lists[k]->items[i]->a) any = true;
        if ((p->vararg && p->vararg->a) || (p->kwarg && p->kwarg->a)) any = true;
    }
    if (!any) return 0;
    int count = 0;
    EMIT0(OP_DUP_TOP);
    if (p) {
        PsList *lists[2] = {&p->posonly, &p->args};
        for (int k = 0; k < 2; k++)
            for (int i = 0; i < lists[k]->n; i++)
                TRY(emit_annotation(c, lists[k]->items[i]->str, lists[k]->items[i]->a, &count));
        if (p->vararg) TRY(emit_annotation(c, p->vararg->str, p->vararg->a, &count));
        for (int i = 0; i < p->kwonly.n; i++)
            TRY(emit_annotation(c, p->kwonly.items[i]->str, p->kwonly.items[i]->a, &count));
        if (p->kwarg) TRY(emit_annotation(c, p->kwarg->str, p->kwarg->a, &count));
    }
    if (n->b) {
        TRY(emit_str_const(c, "return"));
        TRY(cexpr(c, n->b));
        count++;
    }
    setloc(c, n);
    EMIT(OP_BUILD_MAP, count);
    EMIT0(OP_ROT_TWO);
    TRY(emit_name_op(c, OP_STORE_ATTR, "__annotations__"));
    return 0;
}

static int compile_function(Compiler *c, PsNode *n, bool lambda) {
    PsArgs *p = n->a ? n->a->params : NULL;
    const char *name = lambda ? "<lambda>" : n->str;
    int firstline = n->line;
    if (!lambda) {
        for (int i = 0; i < n->decorators.n; i++) TRY(cexpr(c, n->decorators.items[i]));
        if (n->decorators.n) firstline = n->decorators.items[0]->line;
    }
    setloc(c, n);
    int flags = 0;
    if (p && p->defaults.n) {
        /* Constant defaults become one constant tuple. */
        PsNode tmp = *p->defaults.items[0];
        tmp.kind = N_TUPLE;
        tmp.elts = p->defaults;
        TRY(cexpr(c, &tmp));
        flags |= 1;
    }
    if (p) {
        int nkw = 0;
        for (int i = 0; i < p->kw_defaults.n; i++) {
            PsNode *d = p->kw_defaults.items[i];
            if (!d) continue;
            TRY(emit_str_const(c, mangle(c, p->kwonly.items[i]->str)));
            TRY(cexpr(c, d));
            nkw++;
        }
        if (nkw) {
            EMIT(OP_BUILD_MAP, nkw);
            flags |= 2;
        }
    }
    StScope *ste = st_child(c->u->ste, n);
    if (!ste) {
        ou_err_format(ou_RuntimeError, "compiler: missing function scope");
        return -1;
    }
    const char *qualname = make_qualname(c, name, !lambda);
    if (!enter_unit(c, ste, U_FUNCTION, name, qualname, firstline, p)) return -1;
    Value doc = OU_NONE;
    int r = 0;
    setloc(c, n);
    if (lambda) {
        r = cexpr(c, n->b);
        if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
    } else {
        PsList body = n->body;
        if (is_docstring(&body)) {
            PsNode *d = body.items[0]->a;
            doc = ou_str_new(d->str, (int64_t)d->len);
            if (IS_ERR(doc)) r = -1;
            body.items++;
            body.n--;
        }
        if (r == 0) r = cstmts(c, &body);
        if (r == 0) r = as_emit(&c->u->as, OP_LOAD_NONE, 0);
        if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
    }
    if (r < 0) {
        ou_xdecref(doc);
        free_unit(c, c->u);
        return -1;
    }
    int argc = p ? p->posonly.n + p->args.n : 0;
    int kwonly = p ? p->kwonly.n : 0;
    uint32_t cflags = OU_CO_NEWLOCALS;
    if (p && p->vararg) cflags |= OU_CO_VARARGS;
    if (p && p->kwarg) cflags |= OU_CO_VARKW;
    OuCode *co = exit_unit(c, argc, kwonly, p ? p->posonly.n : 0, cflags, doc);
    ou_decref(doc);
    if (!co) return -1;
    TRY(make_closure(c, co, flags));
    if (!lambda) {
        TRY(emit_annotations(c, n, p));
        for (int i = 0; i < n->decorators.n; i++) EMIT(OP_CALL, 1);
        setloc(c, n);
        return compile_name(c, n->str, CTX_STORE);
    }
    return 0;
}

static int compile_class(Compiler *c, PsNode *n) {
    for (int i = 0; i < n->decorators.n; i++) TRY(cexpr(c, n->decorators.items[i]));
    int firstline = n->decorators.n ? n->decorators.items[0]->line : n->line;
    for (int i = 0; i < n->keywords.n; i++)
        if (!n->keywords.items[i]->str)
            return cerr(c, n->keywords.items[i], "** arguments in a class statement are not supported");
    TRY(check_keywords(c, &n->keywords));
    if (is_starred_list(&n->args)) return cerr(c, n, "starred class bases are not supported");
    StScope *ste = st_child(c->u->ste, n);
    if (!ste) {
        ou_err_format(ou_RuntimeError, "compiler: missing class scope");
        return -1;
    }
    const char *qualname = make_qualname(c, n->str, true);
    if (!enter_unit(c, ste, U_CLASS, n->str, qualname, firstline, NULL)) return -1;
    Value doc = OU_NONE;
    int r = 0;
    setloc(c, n);
    /* __module__ and __qualname__ first, as CPython. */
    r = emit_name_op(c, OP_LOAD_NAME, "__name__");
    if (r == 0) r = emit_name_op(c, OP_STORE_NAME, "__module__");
    if (r == 0) {
        Value q = ou_str_cstr(qualname);
        if (IS_ERR(q)) r = -1;
        else {
            r = emit_const(c, q);
            ou_decref(q);
        }
    }
    if (r == 0) r = emit_name_op(c, OP_STORE_NAME, "__qualname__");
    if (r == 0 && ste->has_annotations) r = as_emit(&c->u->as, OP_SETUP_ANNOTATIONS, 0);
    PsList body = n->body;
    if (r == 0 && is_docstring(&body)) {
        PsNode *d = body.items[0]->a;
        setloc(c, body.items[0]);
        doc = ou_str_new(d->str, (int64_t)d->len);
        if (IS_ERR(doc)) r = -1;
        if (r == 0) r = emit_const(c, doc);
        if (r == 0) r = compile_name(c, "__doc__", CTX_STORE);
        body.items++;
        body.n--;
    }
    if (r == 0) r = cstmts(c, &body);
    if (r == 0) {
        if (ste->needs_class_closure)
            r = as_emit(&c->u->as, OP_LOAD_CLOSURE, stmap_get(&c->u->cellvars, "__class__")->flags);
        else
            r = as_emit(&c->u->as, OP_LOAD_NONE, 0);
    }
    if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
    if (r < 0) {
        ou_xdecref(doc);
        free_unit(c, c->u);
        return -1;
    }
    OuCode *co = exit_unit(c, 0, 0, 0, OU_CO_CLASSBODY, doc);
    ou_decref(doc);
    if (!co) return -1;
    setloc(c, n);
    TRY(make_closure(c, co, 0));
    TRY(emit_str_const(c, n->str));
    for (int i = 0; i < n->args.n; i++) TRY(cexpr(c, n->args.items[i]));
    for (int i = 0; i < n->keywords.n; i++) TRY(cexpr(c, n->keywords.items[i]->a));
    setloc(c, n);
    if (n->keywords.n) {
        TRY(emit_kwnames(c, &n->keywords));
        EMIT(OP_MAKE_CLASS_KW, n->args.n + n->keywords.n);
    } else {
        EMIT(OP_MAKE_CLASS, n->args.n);
    }
    for (int i = 0; i < n->decorators.n; i++) EMIT(OP_CALL, 1);
    return compile_name(c, n->str, CTX_STORE);
}

/* ---------------------------------------------------------------------------------------------
 * Statements.
 * ------------------------------------------------------------------------------------------- */
static int push_fblock(Compiler *c, PsNode *at, FbKind kind, int start, int exit, PsNode *node) {
    Unit *u = c->u;
    if (u->nfb >= MAX_FBLOCKS) return cerr(c, at, "too many statically nested blocks");
    u->fb[u->nfb++] = (FBlock){kind, start, exit, node};
    return 0;
}
static void pop_fblock(Compiler *c) { c->u->nfb--; }

static int unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos) {
    switch (fb->kind) {
    case FB_WHILE:
        return 0;
    case FB_FOR:
    case FB_POP_VALUE:
        if (preserve_tos) EMIT0(OP_ROT_TWO);
        EMIT0(OP_POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
        EMIT0(OP_POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY: {
        EMIT0(OP_POP_BLOCK);
        if (preserve_tos) TRY(push_fblock(c, fb->node, FB_POP_VALUE, -1, -1, NULL));
        int line = c->u->as.line, col = c->u->as.col;
        int r = cstmts(c, &fb->node->finalbody);
        c->u->as.line = line;
        c->u->as.col = col;
        if (preserve_tos) pop_fblock(c);
        return r;
    }
    case FB_FINALLY_END:
        if (preserve_tos) EMIT0(OP_ROT_TWO);
        EMIT0(OP_POP_TOP);
        EMIT0(OP_POP_EXCEPT);
        return 0;
    case FB_WITH:
        EMIT0(OP_POP_BLOCK);
        if (preserve_tos) EMIT0(OP_ROT_TWO);
        EMIT0(OP_WITH_EXIT);
        return 0;
    case FB_HANDLER:
        EMIT0(OP_POP_EXCEPT);
        return 0;
    case FB_HANDLER_CLEANUP:
        EMIT0(OP_POP_BLOCK);
        EMIT0(OP_POP_EXCEPT);
        EMIT0(OP_LOAD_NONE);
        TRY(compile_name(c, fb->node->str, CTX_STORE));
        return compile_name(c, fb->node->str, CTX_DEL);
    }
    return 0;
}

/* Unwind the frame blocks from the innermost outwards, stopping at a loop when `loop` is given
 * (break/continue). Each block is removed while its unwinding code is compiled, so that a
 * finally body compiled inline sees only the blocks around it. */
static int unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfb == 0) return 0;
    FBlock *top = &u->fb[u->nfb - 1];
    if (loop && (top->kind == FB_WHILE || top->kind == FB_FOR)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfb--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0) return -1;
    if (unwind_fblock_stack(c, preserve_tos, loop) < 0) return -1;
    u->fb[u->nfb++] = copy;
    return 0;
}

static int compile_return(Compiler *c, PsNode *n) {
    if (c->u->kind != U_FUNCTION) return cerr(c, n, "'return' outside function");
    bool preserve = n->a && c->u->nfb > 0;
    if (n->a) TRY(cexpr(c, n->a));
    TRY(unwind_fblock_stack(c, preserve, NULL));
    setloc(c, n);
    if (!n->a) EMIT0(OP_LOAD_NONE);
    EMIT0(OP_RETURN_VALUE);
    return 0;
}

static int compile_break_continue(Compiler *c, PsNode *n, bool is_break) {
    FBlock *loop = NULL;
    bool found = false;
    for (int i = c->u->nfb - 1; i >= 0; i--)
        if (c->u->fb[i].kind == FB_WHILE || c->u->fb[i].kind == FB_FOR) found = true;
    if (!found) return cerr(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    TRY(unwind_fblock_stack(c, false, &loop));
    setloc(c, n);
    if (is_break) {
        if (loop->kind == FB_FOR) EMIT0(OP_POP_TOP);
        EMIT(OP_JUMP, loop->exit);
    } else {
        EMIT(OP_JUMP, loop->start);
    }
    return 0;
}

static bool is_const_true(PsNode *n) {
    return n->kind == N_CONST && (n->ckind == K_TRUE || (n->ckind == K_INT && n->ival != 0));
}

static int compile_if(Compiler *c, PsNode *n) {
    int orelse, end;
    NEWLABEL(orelse);
    NEWLABEL(end);
    TRY(jump_if(c, n->a, orelse, false));
    TRY(cstmts(c, &n->body));
    if (n->orelse.n) {
        EMIT(OP_JUMP, end);
        BIND(orelse);
        TRY(cstmts(c, &n->orelse));
    } else {
        BIND(orelse);
    }
    BIND(end);
    return 0;
}

/* The test is compiled twice, before the loop and at the bottom, so that each iteration costs
 * one conditional jump instead of a conditional and an unconditional one. `continue` goes to the
 * bottom test. */
static int compile_while(Compiler *c, PsNode *n) {
    int body, test, orelse, end;
    NEWLABEL(body);
    NEWLABEL(test);
    NEWLABEL(orelse);
    NEWLABEL(end);
    bool forever = is_const_true(n->a);
    if (!forever) TRY(jump_if(c, n->a, orelse, false));
    BIND(body);
    TRY(push_fblock(c, n, FB_WHILE, test, end, NULL));
    TRY(cstmts(c, &n->body));
    pop_fblock(c);
    setloc(c, n);
    BIND(test);
    if (forever) EMIT(OP_JUMP, body);
    else TRY(jump_if(c, n->a, body, true));
    BIND(orelse);
    TRY(cstmts(c, &n->orelse));
    BIND(end);
    return 0;
}

static int compile_for(Compiler *c, PsNode *n) {
    int top, orelse, end;
    NEWLABEL(top);
    NEWLABEL(orelse);
    NEWLABEL(end);
    TRY(cexpr(c, n->b));
    setloc(c, n);
    EMIT0(OP_GET_ITER);
    BIND(top);
    EMIT(OP_FOR_ITER, orelse);
    TRY(push_fblock(c, n, FB_FOR, top, end, NULL));
    TRY(store_target(c, n->a));
    TRY(cstmts(c, &n->body));
    pop_fblock(c);
    setloc(c, n);
    EMIT(OP_JUMP, top);
    BIND(orelse);
    TRY(cstmts(c, &n->orelse));
    BIND(end);
    return 0;
}

static int compile_try_except(Compiler *c, PsNode *n) {
    int handler, end;
    NEWLABEL(handler);
    NEWLABEL(end);
    setloc(c, n);
    EMIT(OP_SETUP_EXCEPT, handler);
    TRY(push_fblock(c, n, FB_TRY_EXCEPT, -1, -1, NULL));
    TRY(cstmts(c, &n->body));
    pop_fblock(c);
    EMIT0(OP_POP_BLOCK);
    TRY(cstmts(c, &n->orelse));
    EMIT(OP_JUMP, end);
    BIND(handler);
    EMIT0(OP_PUSH_EXC_INFO);
    int nh = n->handlers.n;
    for (int i = 0; i < nh; i++) {
        PsNode *h = n->handlers.items[i];
        if (!h->a && i < nh - 1) return cerr(c, h, "default 'except:' must be last");
        setloc(c, h);
        int next;
        NEWLABEL(next);
        if (h->a) {
            TRY(cexpr(c, h->a));
            setloc(c, h);
            EMIT(OP_JUMP_IF_NOT_EXC_MATCH, next);
        }
        if (h->str) {
            TRY(compile_name(c, h->str, CTX_STORE));
            int cleanup;
            NEWLABEL(cleanup);
            EMIT(OP_SETUP_EXCEPT, cleanup);
            TRY(push_fblock(c, h, FB_HANDLER_CLEANUP, -1, -1, h));
            TRY(cstmts(c, &h->body));
            pop_fblock(c);
            EMIT0(OP_POP_BLOCK);
            EMIT0(OP_POP_EXCEPT);
            EMIT0(OP_LOAD_NONE);
            TRY(compile_name(c, h->str, CTX_STORE));
            TRY(compile_name(c, h->str, CTX_DEL));
            EMIT(OP_JUMP, end);
            BIND(cleanup);
            EMIT0(OP_LOAD_NONE);
            TRY(compile_name(c, h->str, CTX_STORE));
            TRY(compile_name(c, h->str, CTX_DEL));
            EMIT0(OP_RERAISE);
        } else {
            EMIT0(OP_POP_TOP);
            TRY(push_fblock(c, h, FB_HANDLER, -1, -1, NULL));
            TRY(cstmts(c, &h->body));
            pop_fblock(c);
            EMIT0(OP_POP_EXCEPT);
            EMIT(OP_JUMP, end);
        }
        BIND(next);
    }
    EMIT0(OP_RERAISE);
    BIND(end);
    return 0;
}

static int compile_try(Compiler *c, PsNode *n) {
    if (n->finalbody.n == 0) return compile_try_except(c, n);
    int handler, end;
    NEWLABEL(handler);
    NEWLABEL(end);
    setloc(c, n);
    EMIT(OP_SETUP_EXCEPT, handler);
    TRY(push_fblock(c, n, FB_FINALLY_TRY, -1, -1, n));
    if (n->handlers.n) TRY(compile_try_except(c, n));
    else TRY(cstmts(c, &n->body));
    pop_fblock(c);
    EMIT0(OP_POP_BLOCK);
    TRY(cstmts(c, &n->finalbody));
    EMIT(OP_JUMP, end);
    BIND(handler);
    EMIT0(OP_PUSH_EXC_INFO);
    TRY(push_fblock(c, n, FB_FINALLY_END, -1, -1, NULL));
    TRY(cstmts(c, &n->finalbody));
    pop_fblock(c);
    EMIT0(OP_RERAISE);
    BIND(end);
    return 0;
}

static int compile_with(Compiler *c, PsNode *n, int i) {
    PsNode *item = n->items.items[i];
    TRY(cexpr(c, item->a));
    setloc(c, n);
    EMIT0(OP_BEFORE_WITH);
    int exc, end, suppress;
    NEWLABEL(exc);
    NEWLABEL(end);
    NEWLABEL(suppress);
    EMIT(OP_SETUP_WITH, exc);
    if (item->b) TRY(store_target(c, item->b));
    else EMIT0(OP_POP_TOP);
    TRY(push_fblock(c, n, FB_WITH, -1, -1, NULL));
    if (i + 1 < n->items.n) TRY(compile_with(c, n, i + 1));
    else TRY(cstmts(c, &n->body));
    pop_fblock(c);
    setloc(c, n);
    EMIT0(OP_POP_BLOCK);
    EMIT0(OP_WITH_EXIT);
    EMIT(OP_JUMP, end);
    BIND(exc);
    EMIT0(OP_PUSH_EXC_INFO);
    EMIT0(OP_WITH_EXCEPT);
    EMIT(OP_POP_JUMP_IF_TRUE, suppress);
    EMIT0(OP_RERAISE);
    BIND(suppress);
    EMIT0(OP_POP_TOP);
    EMIT0(OP_POP_TOP);
    EMIT0(OP_POP_EXCEPT);
    BIND(end);
    return 0;
}

static int compile_import(Compiler *c, PsNode *n) {
    for (int i = 0; i < n->names.n; i++) {
        PsNode *al = n->names.items[i];
        setloc(c, al);
        TRY(emit_name_op(c, OP_IMPORT_NAME, al->str));
        const char *dot = strchr(al->str, '.');
        if (al->str2) {
            TRY(compile_name(c, al->str2, CTX_STORE));
        } else if (dot) {
            /* `import a.b.c` imports the whole path, then binds the top-level package. */
            EMIT0(OP_POP_TOP);
            const char *top = ps_strdup(c->arena, al->str, (size_t)(dot - al->str));
            TRY(emit_name_op(c, OP_IMPORT_NAME, top));
            TRY(compile_name(c, top, CTX_STORE));
        } else {
            TRY(compile_name(c, al->str, CTX_STORE));
        }
    }
    return 0;
}

static int compile_importfrom(Compiler *c, PsNode *n) {
    const char *mod = n->str ? n->str : "";
    if (n->ival > 0) {
        size_t ml = strlen(mod);
        char *full = ps_alloc(c->arena, (size_t)n->ival + ml + 1);
        memset(full, '.', (size_t)n->ival);
        memcpy(full + n->ival, mod, ml + 1);
        mod = full;
    }
    TRY(emit_name_op(c, OP_IMPORT_NAME, mod));
    for (int i = 0; i < n->names.n; i++) {
        PsNode *al = n->names.items[i];
        setloc(c, al);
        if (strcmp(al->str, "*") == 0) {
            EMIT0(OP_IMPORT_STAR);
            return 0;
        }
        TRY(emit_name_op(c, OP_IMPORT_FROM, al->str));
        TRY(compile_name(c, al->str2 ? al->str2 : al->str, CTX_STORE));
    }
    EMIT0(OP_POP_TOP);
    return 0;
}

static int compile_augassign(Compiler *c, PsNode *n) {
    PsNode *t = n->a;
    int op = (int)n->ival | OU_BIN_INPLACE;
    switch (t->kind) {
    case N_NAME:
        TRY(compile_name(c, t->str, CTX_LOAD));
        TRY(cexpr(c, n->b));
        setloc(c, n);
        EMIT(OP_BINARY_OP, op);
        return compile_name(c, t->str, CTX_STORE);
    case N_ATTRIBUTE:
        TRY(cexpr(c, t->a));
        EMIT0(OP_DUP_TOP);
        TRY(emit_name_op(c, OP_LOAD_ATTR, mangle(c, t->str)));
        TRY(cexpr(c, n->b));
        setloc(c, n);
        EMIT(OP_BINARY_OP, op);
        EMIT0(OP_ROT_TWO);
        return emit_name_op(c, OP_STORE_ATTR, mangle(c, t->str));
    case N_SUBSCRIPT:
        TRY(cexpr(c, t->a));
        TRY(cexpr(c, t->b));
        EMIT0(OP_DUP_TOP_TWO);
        EMIT0(OP_BINARY_SUBSCR);
        TRY(cexpr(c, n->b));
        setloc(c, n);
        EMIT(OP_BINARY_OP, op);
        EMIT0(OP_ROT_THREE);
        EMIT0(OP_STORE_SUBSCR);
        return 0;
    default:
        return cerr(c, t, "'%s' is an illegal expression for augmented assignment", "expression");
    }
}

static int compile_annassign(Compiler *c, PsNode *n) {
    PsNode *t = n->a;
    if (n->c) {
        TRY(cexpr(c, n->c));
        TRY(store_target(c, t));
    }
    if (c->u->kind == U_FUNCTION) return 0;
    /* Module and class bodies evaluate the annotation; a simple name records it. */
    if (t->kind == N_NAME && n->ival) {
        TRY(cexpr(c, n->b));
        TRY(emit_name_op(c, OP_LOAD_NAME, "__annotations__"));
        TRY(emit_str_const(c, mangle(c, t->str)));
        EMIT0(OP_STORE_SUBSCR);
        return 0;
    }
    if (!n->c && t->kind == N_ATTRIBUTE) {
        TRY(cexpr(c, t->a));
        EMIT0(OP_POP_TOP);
    } else if (!n->c && t->kind == N_SUBSCRIPT) {
        TRY(cexpr(c, t->a));
        EMIT0(OP_POP_TOP);
        TRY(cexpr(c, t->b));
        EMIT0(OP_POP_TOP);
    }
    TRY(cexpr(c, n->b));
    EMIT0(OP_POP_TOP);
    return 0;
}

static int cstmt(Compiler *c, PsNode *n) {
    setloc(c, n);
    switch (n->kind) {
    case N_EXPR_STMT:
        if (c->interactive && c->u->kind == U_MODULE) {
            TRY(cexpr(c, n->a));
            setloc(c, n);
            EMIT0(OP_PRINT_EXPR);
            return 0;
        }
        /* A constant statement (a stray string) has no effect. */
        if (n->a->kind == N_CONST && n->a->ckind != K_BIGINT && n->a->ckind != K_BYTES &&
            n->a->ckind != K_IMAG)
            return 0;
        TRY(cexpr(c, n->a));
        setloc(c, n);
        EMIT0(OP_POP_TOP);
        return 0;
    case N_ASSIGN: {
        if (n->targets.n == 1) {
            int r = assign_display(c, n->targets.items[0], n->a);
            if (r <= 0) return r;
        }
        TRY(cexpr(c, n->a));
        int nt = n->targets.n;
        for (int i = 0; i < nt; i++) {
            if (i < nt - 1) EMIT0(OP_DUP_TOP);
            TRY(store_target(c, n->targets.items[i]));
        }
        return 0;
    }
    case N_AUGASSIGN:
        return compile_augassign(c, n);
    case N_ANNASSIGN:
        return compile_annassign(c, n);
    case N_DEL:
        for (int i = 0; i < n->targets.n; i++) TRY(delete_target(c, n->targets.items[i]));
        return 0;
    case N_PASS:
    case N_GLOBAL:
    case N_NONLOCAL:
        return 0;
    case N_BREAK:
        return compile_break_continue(c, n, true);
    case N_CONTINUE:
        return compile_break_continue(c, n, false);
    case N_RETURN:
        return compile_return(c, n);
    case N_RAISE: {
        int k = 0;
        if (n->a) {
            TRY(cexpr(c, n->a));
            k = 1;
            if (n->b) {
                TRY(cexpr(c, n->b));
                k = 2;
            }
        }
        setloc(c, n);
        EMIT(OP_RAISE, k);
        return 0;
    }
    case N_ASSERT: {
        int ok;
        NEWLABEL(ok);
        TRY(jump_if(c, n->a, ok, true));
        setloc(c, n);
        EMIT0(OP_LOAD_ASSERTION_ERROR);
        if (n->b) {
            TRY(cexpr(c, n->b));
            setloc(c, n);
            EMIT(OP_CALL, 1);
        }
        EMIT(OP_RAISE, 1);
        BIND(ok);
        return 0;
    }
    case N_IMPORT:
        return compile_import(c, n);
    case N_IMPORTFROM:
        return compile_importfrom(c, n);
    case N_IF:
        return compile_if(c, n);
    case N_WHILE:
        return compile_while(c, n);
    case N_FOR:
        return compile_for(c, n);
    case N_TRY:
        return compile_try(c, n);
    case N_WITH:
        return compile_with(c, n, 0);
    case N_FUNCDEF:
        return compile_function(c, n, false);
    case N_CLASSDEF:
        return compile_class(c, n);
    default:
        return cerr(c, n, "invalid syntax");
    }
}

static int cstmts(Compiler *c, PsList *l) {
    for (int i = 0; i < l->n; i++) TRY(cstmt(c, l->items[i]));
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Entry point.
 * ------------------------------------------------------------------------------------------- */
static OuCode *compile_module(Compiler *c, PsNode *mod, const char *mode) {
    StScope *top = c->st.top;
    if (!enter_unit(c, top, U_MODULE, "<module>", "<module>", 1, NULL)) return NULL;
    int r = 0;
    if (strcmp(mode, "eval") == 0) {
        PsNode *e = mod->body.n ? mod->body.items[0] : NULL;
        if (!e || e->kind != N_EXPR_STMT) {
            r = -1;
            ou_err_format(ou_SyntaxError, "invalid syntax");
        } else {
            r = cexpr(c, e->a);
            if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
        }
    } else {
        if (top->has_annotations) r = as_emit(&c->u->as, OP_SETUP_ANNOTATIONS, 0);
        PsList body = mod->body;
        if (r == 0 && !c->interactive && is_docstring(&body)) {
            PsNode *d = body.items[0]->a;
            setloc(c, body.items[0]);
            Value doc = ou_str_new(d->str, (int64_t)d->len);
            if (IS_ERR(doc)) r = -1;
            else {
                r = emit_const(c, doc);
                ou_decref(doc);
            }
            if (r == 0) r = compile_name(c, "__doc__", CTX_STORE);
            body.items++;
            body.n--;
        }
        if (r == 0) r = cstmts(c, &body);
        if (r == 0) r = as_emit(&c->u->as, OP_LOAD_NONE, 0);
        if (r == 0) r = as_emit(&c->u->as, OP_RETURN_VALUE, 0);
    }
    if (r < 0) {
        while (c->u) free_unit(c, c->u);
        return NULL;
    }
    return exit_unit(c, 0, 0, 0, OU_CO_MODULE, OU_NONE);
}

Value vm_compile(const char *src, size_t len, const char *filename, const char *mode,
                 bool *incomplete) {
    if (incomplete) *incomplete = false;
    if (!filename) filename = "<string>";
    PsArena *arena = ps_arena_new();
    if (!arena) return ou_err_nomemory();
    PsResult res;
    memset(&res, 0, sizeof res);
    if (ps_parse(arena, src, len, filename, mode, &res) < 0) {
        if (incomplete) *incomplete = res.incomplete;
        OuType *type = res.err_kind == 2 ? ou_TabError : res.err_kind == 1 ? ou_IndentationError
                                                                           : ou_SyntaxError;
        Value msg = ou_str_cstr(res.err_msg ? res.err_msg : "invalid syntax");
        Value text = OU_NONE;
        if (!IS_ERR(msg) && res.err_text) text = ou_str_cstr(res.err_text);
        if (!IS_ERR(msg) && !IS_ERR(text)) {
            int end_offset = res.err_end_col > 0 ? res.err_end_col : res.err_col;
            raise_syntax(type, filename, msg, res.err_line, res.err_col, text, res.err_line,
                         end_offset);
        }
        ou_xdecref(msg);
        if (!IS_ERR(text)) ou_decref(text);
        ps_arena_free(arena);
        return OU_ERR;
    }
    Compiler c;
    memset(&c, 0, sizeof c);
    c.arena = arena;
    c.filename = filename;
    c.src = src;
    c.srclen = len;
    c.interactive = strcmp(mode, "single") == 0;
    c.st.arena = arena;
    c.st.filename = filename;
    c.st.src = src;
    c.st.srclen = len;
    OuCode *co = NULL;
    if (st_build(&c.st, res.module) == 0) co = compile_module(&c, res.module, mode);
    ps_arena_free(arena);
    return co ? MK_OBJ(co) : OU_ERR;
}
