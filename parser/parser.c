/* parser.c: the parser driver (ps_parse), the AST arena, the helpers of the grammar actions
 * (target checks, argument lists), string literal decoding and f-string parsing, and ps_dump.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ouro.h"
#include "lexer.h"
#include "psgram.h"

int ps_yyparse(PsParser *P);

/* ---- arena ---- */

/* Memory comes from zeroed blocks carved front to back; nothing is freed before
 * ps_arena_free. Requests larger than a quarter block get a block of their own, so the
 * waste at a block's end stays small. */
typedef struct PsBlock {
    struct PsBlock *next;
    size_t size;
    _Alignas(16) char data[];
} PsBlock;

struct PsArena {
    PsBlock *head;
    char *p, *end;   /* free space of head */
};

#define PS_BLOCK (64 * 1024)

PsArena *ps_arena_new(void)
{
    PsArena *a = calloc(1, sizeof *a);
    if (!a)
        abort();
    return a;
}

void ps_arena_free(PsArena *a)
{
    if (!a)
        return;
    PsBlock *b = a->head;
    while (b) {
        PsBlock *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

void *ps_alloc(PsArena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if ((size_t)(a->end - a->p) < n) {
        size_t sz = n > PS_BLOCK / 4 ? n : PS_BLOCK;
        PsBlock *b = calloc(1, sizeof *b + sz);
        if (!b)
            abort();
        b->size = sz;
        if (sz == n && a->head) {
            /* A big request: keep the current block's free space for later small ones. */
            b->next = a->head->next;
            a->head->next = b;
            return b->data;
        }
        b->next = a->head;
        a->head = b;
        a->p = b->data;
        a->end = b->data + sz;
    }
    void *r = a->p;
    a->p += n;
    return r;
}

char *ps_strdup(PsArena *a, const char *s, size_t n)
{
    char *r = ps_alloc(a, n + 1);
    memcpy(r, s, n);
    r[n] = 0;
    return r;
}

PsNode *ps_node(PsArena *a, PsKind k, int line, int col)
{
    PsNode *n = ps_alloc(a, sizeof *n);
    n->kind = k;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

void ps_list_push(PsArena *a, PsList *l, PsNode *n)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        PsNode **items = ps_alloc(a, (size_t)cap * sizeof *items);
        if (l->n)
            memcpy(items, l->items, (size_t)l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n++] = n;
}

/* ---- errors ---- */

bool ps_error_at(PsParser *P, int kind, int line, int col, const char *fmt, ...)
{
    if (P->failed)
        return false;
    char buf[512];
    int off = 0;
    va_list ap;
    if (P->fdepth > 0 && strncmp(fmt, "f-string", 8) != 0)
        off = snprintf(buf, sizeof buf, "f-string: ");
    va_start(ap, fmt);
    vsnprintf(buf + off, sizeof buf - (size_t)off, fmt, ap);
    va_end(ap);
    P->failed = true;
    P->res->err_msg = ps_strdup(P->arena, buf, strlen(buf));
    P->res->err_kind = kind;
    P->res->err_line = line;
    P->res->err_col = col + 1;
    P->res->err_end_col = col + 1;
    return true;
}

void ps_error_end(PsParser *P, int end_line, int end_col)
{
    if (end_line == P->res->err_line && end_col + 1 > P->res->err_col)
        P->res->err_end_col = end_col + 1;
}

/* Records an error spanning node e. */
#define NODE_ERR(P, e, ...) \
    do { \
        if (ps_error_at((P), 0, (e)->line, (e)->col, __VA_ARGS__)) \
            ps_error_end((P), (e)->end_line, (e)->end_col); \
    } while (0)

static bool ends_operand(int t)
{
    switch (t) {
    case T_NAME: case T_NUMBER: case T_STRING: case ')': case ']': case '}': case T_NONE:
    case T_TRUE: case T_FALSE: case T_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static bool starts_operand(int t)
{
    switch (t) {
    case T_NAME: case T_NUMBER: case T_STRING: case '(': case '[': case '{': case T_NONE:
    case T_TRUE: case T_FALSE: case T_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

static const char *header_name(int t)
{
    switch (t) {
    case T_IF: return "'if' statement";
    case T_ELIF: return "'elif' statement";
    case T_ELSE: return "'else' statement";
    case T_WHILE: return "'while' statement";
    case T_FOR: return "'for' statement";
    case T_TRY: return "'try' statement";
    case T_EXCEPT: return "'except' statement";
    case T_FINALLY: return "'finally' statement";
    case T_WITH: return "'with' statement";
    case T_DEF: return "function definition";
    case T_CLASS: return "class definition";
    default: return NULL;
    }
}

void ps_syntax_error(PsParser *P, const PsErrCtx *e)
{
    LxState *lx = P->lx;
    if (P->failed)
        return; /* the lexer has already said what went wrong */
    P->la_line = e->line;
    P->la_col = e->col;
    P->b_scan = ends_operand(lx->prev_tok) && starts_operand(lx->last_tok);
    if (e->want_indent && !e->la_indent) {
        const char *h = header_name(lx->hdr_prev);
        int line = e->line, col = e->col;
        if (e->la_eof) {
            P->res->incomplete = true;
            line = lx->nl_line;
            col = lx->nl_col;
        }
        if (h) {
            ps_error_at(P, 1, line, col, "expected an indented block after %s on line %d", h,
                        lx->hdr_prev_line);
        } else {
            ps_error_at(P, 1, line, col, "expected an indented block");
        }
        return;
    }
    if (e->la_indent) {
        ps_error_at(P, 1, e->line, e->end_col > 0 ? e->end_col - 1 : 0, "unexpected indent");
        return;
    }
    if (e->la_dedent) {
        ps_error_at(P, 1, e->line, e->col, "unexpected unindent");
        return;
    }
    if (e->want_colon && e->la_newline && header_name(lx->hdr_prev) && !lx->hdr_prev_colon) {
        NODE_ERR(P, e, "expected ':'");
        return;
    }
    if (e->want_colon && (lx->prev_tok == T_ELSE || lx->prev_tok == T_FINALLY
                          || lx->prev_tok == T_TRY)) {
        NODE_ERR(P, e, "expected ':'");
        return;
    }
    if (e->la_newline && lx->prev_tok == ':' && lx->depth == 0 && lx->pprev_tok == ')') {
        /* `call():` cannot be annotated: CPython points at the colon. */
        ps_error_at(P, 0, lx->prev_line, lx->prev_col, "invalid syntax");
        return;
    }
    if (e->want_except && !e->want_colon) {
        NODE_ERR(P, e, "expected 'except' or 'finally' block");
        return;
    }
    if (e->only_lpar) {
        NODE_ERR(P, e, "expected '('");
        return;
    }
    /* The bracket depth before the lookahead token. */
    int depth = lx->depth;
    if (lx->last_tok == '(' || lx->last_tok == '[' || lx->last_tok == '{')
        depth--;
    else if (lx->last_tok == ')' || lx->last_tok == ']' || lx->last_tok == '}')
        depth++;
    if (depth < 0)
        depth = 0;
    if (e->want_else && lx->if_line > 0) {
        if (ps_error_at(P, 0, lx->if_line, lx->if_col, "expected 'else' after 'if' expression"))
            ps_error_end(P, e->line, e->col);
        return;
    }
    if (depth == 0 && lx->prev_tok == T_NAME && lx->prev_name
        && (strcmp(lx->prev_name, "print") == 0 || strcmp(lx->prev_name, "exec") == 0)
        && starts_operand(lx->last_tok) && lx->last_tok != '(') {
        if (ps_error_at(P, 0, lx->prev_line, lx->prev_col,
                        "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                        lx->prev_name, lx->prev_name))
            ps_error_end(P, e->end_line, e->end_col);
        return;
    }
    if (depth > 0 && lx->br[depth - 1] == '{' && lx->prev_tok == ':'
        && (lx->last_tok == '}' || lx->last_tok == ',')) {
        ps_error_at(P, 0, lx->prev_line, lx->prev_col,
                    "expression expected after dictionary key and ':'");
        return;
    }
    if (e->want_colon && depth > 0 && lx->br[depth - 1] == '{'
        && (lx->last_tok == '}' || lx->last_tok == ',')) {
        ps_error_at(P, 0, e->line, e->col > 0 ? e->col - 1 : 0,
                    "':' expected after dictionary key");
        return;
    }
    if (depth > 0 && lx->last_tok == '=' && ends_operand(lx->prev_tok)
        && lx->elem_line[depth] > 0) {
        ps_error_at(P, 0, lx->elem_line[depth], lx->elem_col[depth],
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        P->comma_hint = true;
        P->b_scan = true;
        return;
    }
    if (depth > 0 && !e->la_lexerror && ends_operand(lx->prev_tok)
        && starts_operand(lx->last_tok) && lx->elem_line[depth] > 0
        && lx->prev_line == lx->last_line) {
        if (ps_error_at(P, 0, lx->elem_line[depth], lx->elem_col[depth],
                        "invalid syntax. Perhaps you forgot a comma?"))
            ps_error_end(P, e->end_line, e->end_col);
        P->comma_hint = true;
        return;
    }
    NODE_ERR(P, e, "invalid syntax");
}

/* ---- node helpers for the grammar ---- */

PsNode *ps_mk(PsParser *P, PsKind k, const PS_YYLTYPE *l)
{
    PsNode *n = ps_node(P->arena, k, l->first_line, l->first_column);
    n->end_line = l->last_line;
    n->end_col = l->last_column;
    return n;
}

PsList *ps_newlist(PsParser *P)
{
    return ps_alloc(P->arena, sizeof(PsList));
}

PsList *ps_list1(PsParser *P, PsNode *n)
{
    PsList *l = ps_newlist(P);
    ps_list_push(P->arena, l, n);
    return l;
}

void ps_list_extend(PsParser *P, PsList *dst, const PsList *src)
{
    for (int i = 0; i < src->n; i++)
        ps_list_push(P->arena, dst, src->items[i]);
}

PsNode *ps_binop(PsParser *P, int op, PsNode *l, PsNode *r, const PS_YYLTYPE *loc)
{
    PsNode *n = ps_mk(P, N_BINOP, loc);
    n->ival = op;
    n->a = l;
    n->b = r;
    return n;
}

PsNode *ps_seq(PsParser *P, PsKind k, PsList *elts, const PS_YYLTYPE *loc)
{
    PsNode *n = ps_mk(P, k, loc);
    n->elts = *elts;
    return n;
}

PsNode *ps_dict(PsParser *P, PsList *items, const PS_YYLTYPE *loc)
{
    PsNode *n = ps_mk(P, N_DICT, loc);
    for (int i = 0; i < items->n; i++) {
        ps_list_push(P->arena, &n->keys, items->items[i]->b);
        ps_list_push(P->arena, &n->values, items->items[i]->a);
    }
    return n;
}

void ps_compare_add(PsParser *P, PsNode *cmp, int op, PsNode *right)
{
    /* cmp->len is the capacity of iops while the chain is being built. */
    int n = cmp->comparators.n;
    if ((size_t)n >= cmp->len) {
        size_t cap = cmp->len ? cmp->len * 2 : 4;
        int *ops = ps_alloc(P->arena, cap * sizeof *ops);
        if (n)
            memcpy(ops, cmp->iops, (size_t)n * sizeof *ops);
        cmp->iops = ops;
        cmp->len = cap;
    }
    cmp->iops[n] = op;
    ps_list_push(P->arena, &cmp->comparators, right);
}

PsList *ps_fold_elifs(PsParser *P, PsList *elifs, PsList *orelse)
{
    if (elifs->n == 0)
        return orelse;
    elifs->items[elifs->n - 1]->orelse = *orelse;
    for (int i = elifs->n - 1; i > 0; i--) {
        PsList *l = ps_list1(P, elifs->items[i]);
        elifs->items[i - 1]->orelse = *l;
    }
    return ps_list1(P, elifs->items[0]);
}

const char *ps_dotted(PsParser *P, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *r = ps_alloc(P->arena, la + lb + 2);
    memcpy(r, a, la);
    r[la] = '.';
    memcpy(r + la + 1, b, lb + 1);
    return r;
}

/* ---- targets ---- */

static const char *expr_name(const PsNode *e)
{
    switch (e->kind) {
    case N_CONST:
        switch (e->ckind) {
        case K_NONE: return "None";
        case K_TRUE: return "True";
        case K_FALSE: return "False";
        case K_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case N_CALL: return "function call";
    case N_BOOLOP: case N_BINOP: case N_UNARYOP: return "expression";
    case N_LAMBDA: return "lambda";
    case N_IFEXP: return "conditional expression";
    case N_COMPARE: return "comparison";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_GENEXP: return "generator expression";
    case N_YIELD: case N_YIELD_FROM: return "yield expression";
    case N_FSTRING: return "f-string expression";
    case N_NAMEDEXPR: return "named expression";
    case N_ATTRIBUTE: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    case N_NAME: return "name";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_SLICE: return "slice";
    default: return "expression";
    }
}

/* Expressions at CPython's bitwise_or level or below, for which an invalid `x = y` gets the
 * "Maybe you meant '=='" hint. */
static bool hint_eq(const PsNode *e)
{
    switch (e->kind) {
    case N_BOOLOP: case N_COMPARE: case N_IFEXP: case N_LAMBDA:
        return false;
    case N_UNARYOP:
        return e->ival != 3;
    case N_CONST:
        return e->ckind != K_NONE && e->ckind != K_TRUE && e->ckind != K_FALSE;
    default:
        return true;
    }
}

/* Converts e (and the elements of tuples/lists) to Store or Del context. Recursion follows
 * tuple/list nesting, which needs brackets and is therefore capped by OU_MAX_NESTING. */
static bool set_ctx(PsParser *P, PsNode *e, int why, bool top)
{
    PsCtx ctx = why == PS_T_DEL ? CTX_DEL : CTX_STORE;
    switch (e->kind) {
    case N_NAME:
        if (strcmp(e->str, "__debug__") == 0) {
            NODE_ERR(P, e, why == PS_T_DEL ? "cannot delete __debug__"
                                                               : "cannot assign to __debug__");
            return false;
        }
        e->ctx = ctx;
        return true;
    case N_ATTRIBUTE:
    case N_SUBSCRIPT:
        e->ctx = ctx;
        return true;
    case N_TUPLE:
    case N_LIST: {
        int stars = 0;
        for (int i = 0; i < e->elts.n; i++) {
            PsNode *x = e->elts.items[i];
            if (x->kind == N_STARRED && why != PS_T_DEL && ++stars > 1) {
                NODE_ERR(P, e, "multiple starred expressions in assignment");
                return false;
            }
            if (!set_ctx(P, x, why, false))
                return false;
        }
        e->ctx = ctx;
        return true;
    }
    case N_STARRED:
        if (why == PS_T_DEL) {
            NODE_ERR(P, e, "cannot delete starred");
            return false;
        }
        if (top) {
            NODE_ERR(P, e, "starred assignment target must be in a list or tuple");
            return false;
        }
        e->ctx = ctx;
        return set_ctx(P, e->a, why, false);
    case N_YIELD:
    case N_YIELD_FROM:
        if (why != PS_T_DEL) {
            NODE_ERR(P, e, "assignment to yield expression not possible");
            return false;
        }
        break;
    default:
        break;
    }
    if (why == PS_T_DEL)
        NODE_ERR(P, e, "cannot delete %s", expr_name(e));
    else if (why == PS_T_ASSIGN1 && top && hint_eq(e))
        NODE_ERR(P, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(e));
    else
        NODE_ERR(P, e, "cannot assign to %s", expr_name(e));
    return false;
}

PsNode *ps_target(PsParser *P, PsNode *e, int why)
{
    if (why == PS_T_AUG) {
        if (e->kind != N_NAME && e->kind != N_ATTRIBUTE && e->kind != N_SUBSCRIPT) {
            NODE_ERR(P, e, "'%s' is an illegal expression for augmented assignment", expr_name(e));
            return NULL;
        }
    }
    return set_ctx(P, e, why, true) ? e : NULL;
}

bool ps_targets(PsParser *P, PsNode *del, PsNode *e, int why)
{
    /* `del a, b` deletes two targets; `del (a, b)` one tuple (same effect). */
    if (e->kind == N_TUPLE && e->line == del->line && e->col > del->col
        && e->elts.n > 0 && e->col == e->elts.items[0]->col && e->line == e->elts.items[0]->line) {
        for (int i = 0; i < e->elts.n; i++) {
            if (!set_ctx(P, e->elts.items[i], why, true))
                return false;
            ps_list_push(P->arena, &del->targets, e->elts.items[i]);
        }
        return true;
    }
    if (!set_ctx(P, e, why, true))
        return false;
    ps_list_push(P->arena, &del->targets, e);
    return true;
}

/* The leftmost operand of an expression, where CPython's bitwise_or would start. */
static PsNode *leftmost(PsNode *e)
{
    for (;;) {
        switch (e->kind) {
        case N_IFEXP: e = e->b; break;
        case N_COMPARE: case N_BINOP: e = e->a; break;
        case N_BOOLOP: e = e->values.items[0]; break;
        case N_TUPLE: if (e->elts.n == 0) return e; e = e->elts.items[0]; break;
        default: return e;
        }
    }
}

bool ps_assign(PsParser *P, PsNode *assign, PsList *sides)
{
    int n = sides->n;
    int why = n == 2 ? PS_T_ASSIGN1 : PS_T_ASSIGN;
    PsNode *v = leftmost(sides->items[n - 1]);
    if ((v->kind == N_UNARYOP && v->ival == 3) || v->kind == N_LAMBDA || v->kind == N_YIELD
        || v->kind == N_YIELD_FROM || v->kind == N_STARRED)
        why = PS_T_ASSIGN;
    for (int i = 0; i < n - 1; i++) {
        if (!set_ctx(P, sides->items[i], why, true))
            return false;
        ps_list_push(P->arena, &assign->targets, sides->items[i]);
    }
    assign->a = sides->items[n - 1];
    return true;
}

PsNode *ps_anntarget(PsParser *P, PsNode *e, int line, int col, int64_t *simple)
{
    switch (e->kind) {
    case N_NAME:
        *simple = e->line == line && e->col == col;
        break;
    case N_ATTRIBUTE:
    case N_SUBSCRIPT:
        *simple = 0;
        break;
    case N_TUPLE:
        NODE_ERR(P, e, "only single target (not tuple) can be annotated");
        return NULL;
    case N_LIST:
        NODE_ERR(P, e, "only single target (not list) can be annotated");
        return NULL;
    default:
        NODE_ERR(P, e, "illegal target for annotation");
        return NULL;
    }
    return set_ctx(P, e, PS_T_PLAIN, true) ? e : NULL;
}

PsNode *ps_walrus_target(PsParser *P, PsNode *e)
{
    if (e->kind != N_NAME) {
        NODE_ERR(P, e, "cannot use assignment expressions with %s",
                    expr_name(e));
        return NULL;
    }
    e->ctx = CTX_STORE;
    return e;
}

const char *ps_kwname(PsParser *P, PsNode *e, const PS_YYLTYPE *loc)
{
    bool paren = e->line != loc->first_line || e->col != loc->first_column;
    if (e->kind == N_NAME && !paren)
        return e->str;
    if (e->kind == N_CONST && !paren && (e->ckind == K_TRUE || e->ckind == K_FALSE
                                         || e->ckind == K_NONE)) {
        if (ps_error_at(P, 0, loc->first_line, loc->first_column, "cannot assign to %s",
                        expr_name(e)))
            ps_error_end(P, loc->last_line, loc->last_column);
        return NULL;
    }
    if (ps_error_at(P, 0, loc->first_line, loc->first_column,
                    "expression cannot contain assignment, perhaps you meant \"==\"?"))
        ps_error_end(P, loc->last_line, loc->last_column);
    return NULL;
}

/* eval() takes expressions without a starred element at the top. */
bool ps_no_star(PsParser *P, PsNode *e)
{
    if (e->kind == N_TUPLE && e->elts.n > 0 && e->line == e->elts.items[0]->line
        && e->col == e->elts.items[0]->col) {
        for (int i = 0; i < e->elts.n; i++)
            if (!ps_no_star(P, e->elts.items[i]))
                return false;
        return true;
    }
    if (e->kind == N_STARRED) {
        NODE_ERR(P, e, "invalid syntax");
        return false;
    }
    return true;
}

/* ---- parameters and arguments ---- */

PsNode *ps_param(PsParser *P, int kind, PsNode *name, PsNode *ann, PsNode *def,
                 const PS_YYLTYPE *loc)
{
    PsNode *n = ps_mk(P, N_ARG, loc);
    if (name) {
        n->str = name->str;
        n->line = name->line;
        n->col = name->col;
        n->end_line = name->end_line;
        n->end_col = name->end_col;
    }
    n->ival = kind;
    n->a = ann;
    n->b = def;
    return n;
}

PsNode *ps_arguments(PsParser *P, PsList *items, const PS_YYLTYPE *loc)
{
    PsNode *node = ps_mk(P, N_ARGUMENTS, loc);
    PsArgs *A = ps_alloc(P->arena, sizeof *A);
    node->params = A;
    bool seen_slash = false, seen_star = false, seen_dstar = false, seen_default = false;
    for (int i = 0; i < items->n; i++) {
        PsNode *p = items->items[i];
        PsNode *def = p->b;
        p->b = NULL;
        if (seen_dstar) {
            NODE_ERR(P, p, "arguments cannot follow var-keyword argument");
            return NULL;
        }
        switch (p->ival) {
        case PS_P_SLASH:
            if (seen_slash) {
                NODE_ERR(P, p, "/ may appear only once");
                return NULL;
            }
            if (seen_star) {
                NODE_ERR(P, p, "/ must be ahead of *");
                return NULL;
            }
            if (A->args.n == 0) {
                NODE_ERR(P, p, "at least one argument must precede /");
                return NULL;
            }
            A->posonly = A->args;
            memset(&A->args, 0, sizeof A->args);
            seen_slash = true;
            break;
        case PS_P_PLAIN:
            if (!seen_star) {
                if (def) {
                    ps_list_push(P->arena, &A->defaults, def);
                    seen_default = true;
                } else if (seen_default) {
                    NODE_ERR(P, p, "non-default argument follows default argument");
                    return NULL;
                }
                ps_list_push(P->arena, &A->args, p);
            } else {
                ps_list_push(P->arena, &A->kwonly, p);
                ps_list_push(P->arena, &A->kw_defaults, def);
            }
            break;
        case PS_P_STAR:
        case PS_P_BARESTAR:
            if (seen_star) {
                NODE_ERR(P, p, "* argument may appear only once");
                return NULL;
            }
            if (def) {
                NODE_ERR(P, p, "var-positional argument cannot have default value");
                return NULL;
            }
            if (p->ival == PS_P_BARESTAR
                && (i + 1 == items->n || items->items[i + 1]->ival != PS_P_PLAIN)) {
                NODE_ERR(P, p, "named arguments must follow bare *");
                return NULL;
            }
            if (p->ival == PS_P_STAR)
                A->vararg = p;
            seen_star = true;
            break;
        case PS_P_DSTAR:
            if (def) {
                NODE_ERR(P, p, "var-keyword argument cannot have default value");
                return NULL;
            }
            A->kwarg = p;
            seen_dstar = true;
            break;
        }
        p->ival = 0;
    }
    /* Duplicate names (quadratic, but parameter lists are short). */
    for (int i = 0; i < items->n; i++) {
        const char *s = items->items[i]->str;
        if (!s)
            continue;
        for (int j = 0; j < i; j++) {
            if (items->items[j]->str && strcmp(items->items[j]->str, s) == 0) {
                NODE_ERR(P, items->items[i], "duplicate argument '%s' in function definition", s);
                return NULL;
            }
        }
    }
    return node;
}

bool ps_call_args(PsParser *P, PsNode *call, PsList *items)
{
    bool seen_kw = false, seen_dstar = false;
    for (int i = 0; i < items->n; i++) {
        PsNode *x = items->items[i];
        if (x->kind == N_GENEXP && x->ival == 1) {
            x->ival = 0;
            if (items->n > 1) {
                NODE_ERR(P, x, "Generator expression must be parenthesized");
                return false;
            }
        }
        if (x->kind == N_KEYWORD) {
            if (x->str) {
                seen_kw = true;
                for (int j = 0; j < call->keywords.n; j++) {
                    const char *k = call->keywords.items[j]->str;
                    if (k && strcmp(k, x->str) == 0) {
                        NODE_ERR(P, x, "keyword argument repeated: %s",
                                    x->str);
                        return false;
                    }
                }
            } else {
                seen_dstar = true;
            }
            ps_list_push(P->arena, &call->keywords, x);
        } else if (x->kind == N_STARRED) {
            if (seen_dstar) {
                NODE_ERR(P, x, "iterable argument unpacking follows keyword argument unpacking");
                return false;
            }
            ps_list_push(P->arena, &call->args, x);
        } else {
            if (seen_dstar) {
                if (ps_error_at(P, 0, x->line, x->col + 1,
                                "positional argument follows keyword argument unpacking"))
                    ps_error_end(P, x->end_line, x->end_col + 1);
                return false;
            }
            if (seen_kw) {
                if (ps_error_at(P, 0, x->line, x->col + 1,
                                "positional argument follows keyword argument"))
                    ps_error_end(P, x->end_line, x->end_col + 1);
                return false;
            }
            ps_list_push(P->arena, &call->args, x);
        }
    }
    return true;
}

/* A generator that is a call's only argument owns the call's parentheses (CPython's span). */
void ps_genexp_arg(PsParser *P, PsNode *call, const PS_YYLTYPE *lpar, const PS_YYLTYPE *rpar)
{
    if (call->args.n == 1 && call->keywords.n == 0 && call->args.items[0]->kind == N_GENEXP) {
        PsNode *g = call->args.items[0];
        if (g->line != lpar->first_line || g->col != lpar->first_column + 1)
            return; /* parenthesized itself, or not directly after the '(' */
        g->line = lpar->first_line;
        g->col = lpar->first_column;
        g->end_line = rpar->last_line;
        g->end_col = rpar->last_column;
    }
}

/* ---- string literals ---- */

typedef struct {
    char *p;
    size_t n, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            abort();
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void buf_utf8(Buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_add(b, s, n);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Appends the decoded text of s[0..n) (a piece of a literal's body) to b. */
static bool decode(PsParser *P, Buf *b, const char *s, size_t n, int flags, const PsStrTok *t)
{
    bool bytes = flags & PS_STR_BYTES;
    if (bytes) {
        for (size_t i = 0; i < n; i++) {
            if ((unsigned char)s[i] >= 0x80) {
                ps_error_at(P, 0, t->line, t->col,
                            "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    if (flags & PS_STR_RAW) {
        buf_add(b, s, n);
        return true;
    }
    size_t i = 0;
    while (i < n) {
        const char *bs = memchr(s + i, '\\', n - i);
        if (!bs) {
            buf_add(b, s + i, n - i);
            break;
        }
        buf_add(b, s + i, (size_t)(bs - (s + i)));
        i = (size_t)(bs - s);
        if (i + 1 >= n) {
            buf_add(b, "\\", 1);
            break;
        }
        char c = s[i + 1];
        size_t start = i;
        i += 2;
        switch (c) {
        case '\n': break;
        case '\\': buf_add(b, "\\", 1); break;
        case '\'': buf_add(b, "'", 1); break;
        case '"': buf_add(b, "\"", 1); break;
        case 'a': buf_add(b, "\a", 1); break;
        case 'b': buf_add(b, "\b", 1); break;
        case 'f': buf_add(b, "\f", 1); break;
        case 'n': buf_add(b, "\n", 1); break;
        case 'r': buf_add(b, "\r", 1); break;
        case 't': buf_add(b, "\t", 1); break;
        case 'v': buf_add(b, "\v", 1); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (uint32_t)(s[i++] - '0');
            if (bytes) {
                char ch = (char)(v & 0xFF);
                buf_add(b, &ch, 1);
            } else {
                buf_utf8(b, v);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (bytes && c != 'x') {
                buf_add(b, s + start, 2);
                break;
            }
            uint32_t v = 0;
            int k = 0;
            for (; k < nd && i < n && hexval(s[i]) >= 0; k++)
                v = v * 16 + (uint32_t)hexval(s[i++]);
            if (k < nd) {
                if (bytes)
                    ps_error_at(P, 0, t->end_line, t->end_col, "(value error) invalid \\x escape at position %zu",
                                start);
                else
                    ps_error_at(P, 0, t->end_line, t->end_col,
                                "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                "position %zu-%zu: truncated \\%s escape", start, i - 1,
                                c == 'x' ? "xXX" : c == 'u' ? "uXXXX" : "UXXXXXXXX");
                return false;
            }
            if (v > 0x10FFFF) {
                ps_error_at(P, 0, t->end_line, t->end_col,
                            "(unicode error) 'unicodeescape' codec can't decode bytes in "
                            "position %zu-%zu: illegal Unicode character", start, i - 1);
                return false;
            }
            if (bytes) {
                char ch = (char)v;
                buf_add(b, &ch, 1);
            } else {
                buf_utf8(b, v);
            }
            break;
        }
        case 'N':
            if (!bytes) {
                /* Ouro has no Unicode name database: every name is unknown. */
                const char *close = i < n && s[i] == '{' ? memchr(s + i, '}', n - i) : NULL;
                if (close && close > s + i + 1)
                    ps_error_at(P, 0, t->end_line, t->end_col,
                                "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                "position %zu-%zu: unknown Unicode character name", start,
                                (size_t)(close - s));
                else
                    ps_error_at(P, 0, t->end_line, t->end_col,
                                "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                "position %zu-%zu: malformed \\N character escape", start,
                                i - 1);
                return false;
            }
            /* fallthrough */
        default:
            /* Unknown escapes are kept as written. */
            buf_add(b, s + start, 2);
            break;
        }
    }
    return true;
}

/* Position of byte off of a literal's body. */
static void body_pos(const PsStrTok *t, size_t off, int *line, int *col)
{
    int l = t->body_line, c = t->body_col;
    for (size_t i = 0; i < off; i++) {
        unsigned char ch = (unsigned char)t->body[i];
        if (ch == '\n') {
            l++;
            c = 0;
        } else if ((ch & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* The values of an f-string under construction: text not yet flushed sits in lit. */
typedef struct {
    PsList values;
    Buf lit;
    int line, col;
} FsOut;

static void fs_flush(PsParser *P, FsOut *o)
{
    if (o->lit.n == 0)
        return;
    PsNode *c = ps_node(P->arena, N_CONST, o->line, o->col);
    c->ckind = K_STR;
    c->str = ps_strdup(P->arena, o->lit.p, o->lit.n);
    c->len = o->lit.n;
    ps_list_push(P->arena, &o->values, c);
    o->lit.n = 0;
}

static size_t fs_part(PsParser *P, const PsStrTok *t, size_t i, FsOut *o, int nest, bool spec);

/* Parses the replacement field whose '{' is at body[i - 1]; returns the index after its '}',
 * or (size_t)-1 on error. */
static size_t fs_field(PsParser *P, const PsStrTok *t, size_t i, FsOut *o, int nest)
{
    const char *s = t->body;
    size_t n = t->len, j = i, k = i;
    char stack[OU_MAX_NESTING];
    int depth = 0;
    char quote = 0;
    bool triple = false;
    int line, col;
    if (nest >= 2) {
        
        ps_error_at(P, 0, t->end_line, t->end_col, "f-string: expressions nested too deeply");
        return (size_t)-1;
    }
    for (; k < n; k++) {
        char ch = s[k];
        if (quote) {
            if (ch == quote && (!triple || (k + 2 < n && s[k + 1] == quote && s[k + 2] == quote))) {
                if (triple)
                    k += 2;
                quote = 0;
            }
            continue;
        }
        if (ch == '\\') {
            
            ps_error_at(P, 0, t->end_line, t->end_col, "f-string expression part cannot include a backslash");
            return (size_t)-1;
        }
        if (ch == '#') {
            
            ps_error_at(P, 0, t->end_line, t->end_col, "f-string expression part cannot include '#'");
            return (size_t)-1;
        }
        if (ch == '\'' || ch == '"') {
            quote = ch;
            triple = k + 2 < n && s[k + 1] == ch && s[k + 2] == ch;
            if (triple)
                k += 2;
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            if (depth >= OU_MAX_NESTING) {
                
                ps_error_at(P, 0, t->end_line, t->end_col, "f-string: too many nested parenthesis");
                return (size_t)-1;
            }
            stack[depth++] = ch;
            continue;
        }
        if (ch == ')' || ch == ']' || ch == '}') {
            if (depth == 0) {
                if (ch == '}')
                    break;
                
                ps_error_at(P, 0, t->end_line, t->end_col, "f-string: unmatched '%c'", ch);
                return (size_t)-1;
            }
            char op = stack[depth - 1];
            if ((op == '(' && ch != ')') || (op == '[' && ch != ']') || (op == '{' && ch != '}')) {
                
                ps_error_at(P, 0, t->end_line, t->end_col,
                            "f-string: closing parenthesis '%c' does not match opening "
                            "parenthesis '%c'", ch, op);
                return (size_t)-1;
            }
            depth--;
            continue;
        }
        if (depth == 0) {
            if (ch == '!' && !(k + 1 < n && s[k + 1] == '='))
                break;
            if (ch == ':')
                break;
            if (ch == '=' && !(k + 1 < n && s[k + 1] == '=')
                && !(k > i && strchr("=!<>", s[k - 1])))
                break;
        }
    }
    if (k >= n) {
        
        ps_error_at(P, 0, t->end_line, t->end_col, "f-string: expecting '}'");
        return (size_t)-1;
    }
    size_t e = k;
    bool blank = true;
    for (size_t q = j; q < e; q++)
        if (s[q] != ' ' && s[q] != '\t' && s[q] != '\n' && s[q] != '\f')
            blank = false;
    if (blank) {
        
        ps_error_at(P, 0, t->end_line, t->end_col, "f-string: empty expression not allowed");
        return (size_t)-1;
    }
    body_pos(t, j, &line, &col);
    PsNode *expr = ps_parse_sub(P, s + j, e - j, PS_MODE_FSTRING, line, col);
    if (!expr)
        return (size_t)-1;
    PsNode *f = ps_node(P->arena, N_FORMATTED, line, col);
    f->a = expr;
    f->ival = -1;
    if (s[k] == '=') {
        k++;
        while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n'))
            k++;
        buf_add(&o->lit, s + j, k - j);
        if (o->values.n == 0 && o->lit.n == k - j) {
            o->line = line;
            o->col = col;
        }
        f->ival = 'r';
    }
    if (k < n && s[k] == '!') {
        k++;
        if (k + 1 < n && (s[k] == 's' || s[k] == 'r' || s[k] == 'a')
            && (s[k + 1] == '}' || s[k + 1] == ':')) {
            f->ival = s[k];
            k++;
        } else {
            
            ps_error_at(P, 0, t->end_line, t->end_col,
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return (size_t)-1;
        }
    }
    if (k < n && s[k] == ':') {
        if (f->ival == 'r' && s[k - 1] != 'r')
            f->ival = -1; /* `=` with a format spec formats rather than repr()s */
        FsOut so = {0};
        body_pos(t, k + 1, &so.line, &so.col);
        PsNode *spec = ps_node(P->arena, N_FSTRING, t->line, t->col);
        k = fs_part(P, t, k + 1, &so, nest + 1, true);
        if (k == (size_t)-1) {
            free(so.lit.p);
            return k;
        }
        fs_flush(P, &so);
        free(so.lit.p);
        spec->values = so.values;
        f->b = spec;
    }
    if (k >= n || s[k] != '}') {
        
        ps_error_at(P, 0, t->end_line, t->end_col, "f-string: expecting '}'");
        return (size_t)-1;
    }
    fs_flush(P, o);
    ps_list_push(P->arena, &o->values, f);
    return k + 1;
}

/* Parses f-string text from body[i]; in a format spec, stops at the '}' that closes the field
 * (returning its index). Returns the end index or (size_t)-1 on error. */
static size_t fs_part(PsParser *P, const PsStrTok *t, size_t i, FsOut *o, int nest, bool spec)
{
    const char *s = t->body;
    size_t n = t->len, lit = i;
    while (i < n) {
        char c = s[i];
        if (c == '\\' && !(t->flags & PS_STR_RAW)) {
            /* Skip the escaped character, except a brace, which keeps its meaning. */
            if (i + 1 < n && s[i + 1] != '{' && s[i + 1] != '}')
                i += 2;
            else
                i++;
            continue;
        }
        if (c == '{' || c == '}') {
            if (o->values.n == 0 && o->lit.n == 0 && lit < i)
                body_pos(t, lit, &o->line, &o->col);
            if (!decode(P, &o->lit, s + lit, i - lit, t->flags, t))
                return (size_t)-1;
            if (i + 1 < n && s[i + 1] == c && !spec) {
                buf_add(&o->lit, &c, 1);
                i += 2;
                lit = i;
                continue;
            }
            if (c == '}') {
                if (spec)
                    return i;
                
                ps_error_at(P, 0, t->end_line, t->end_col, "f-string: single '}' is not allowed");
                return (size_t)-1;
            }
            i = fs_field(P, t, i + 1, o, nest);
            if (i == (size_t)-1)
                return i;
            lit = i;
            continue;
        }
        i++;
    }
    if (spec) {
        
        ps_error_at(P, 0, t->end_line, t->end_col, "f-string: expecting '}'");
        return (size_t)-1;
    }
    if (o->values.n == 0 && o->lit.n == 0 && lit < n)
        body_pos(t, lit, &o->line, &o->col);
    if (!decode(P, &o->lit, s + lit, n - lit, t->flags, t))
        return (size_t)-1;
    return n;
}

PsNode *ps_strings(PsParser *P, PsStrTok *chain)
{
    bool any_f = false, any_b = false, any_s = false;
    for (PsStrTok *t = chain; t; t = t->next) {
        if (t->flags & PS_STR_F)
            any_f = true;
        if (t->flags & PS_STR_BYTES)
            any_b = true;
        else
            any_s = true;
        if (any_b && any_s) {
            ps_error_at(P, 0, chain->last->end_line, chain->last->end_col,
                        "cannot mix bytes and nonbytes literals");
            return NULL;
        }
    }
    PsNode *n = ps_node(P->arena, any_f ? N_FSTRING : N_CONST, chain->line, chain->col);
    n->end_line = chain->last->end_line;
    n->end_col = chain->last->end_col;
    if (!any_f) {
        Buf b = {0};
        for (PsStrTok *t = chain; t; t = t->next) {
            if (!decode(P, &b, t->body, t->len, t->flags, t)) {
                free(b.p);
                return NULL;
            }
        }
        n->ckind = any_b ? K_BYTES : K_STR;
        n->str = ps_strdup(P->arena, b.p ? b.p : "", b.n);
        n->len = b.n;
        free(b.p);
        return n;
    }
    FsOut o = {0};
    o.line = chain->line;
    o.col = chain->col;
    for (PsStrTok *t = chain; t; t = t->next) {
        bool ok;
        if (t->flags & PS_STR_F) {
            ok = fs_part(P, t, 0, &o, 0, false) != (size_t)-1;
        } else {
            if (o.values.n == 0 && o.lit.n == 0) {
                o.line = t->body_line;
                o.col = t->body_col;
            }
            ok = decode(P, &o.lit, t->body, t->len, t->flags, t);
        }
        if (!ok) {
            free(o.lit.p);
            return NULL;
        }
    }
    fs_flush(P, &o);
    free(o.lit.p);
    n->values = o.values;
    return n;
}

/* ---- driving the parser ---- */

int ps_yylex(PS_YYSTYPE *val, PS_YYLTYPE *loc, PsParser *P)
{
    return lx_next(P->lx, val, loc);
}

PsNode *ps_parse_sub(PsParser *P, const char *src, size_t len, int mode, int line, int col)
{
    LxState *lx = malloc(sizeof *lx);
    if (!lx)
        abort();
    char *copy = ps_strdup(P->arena, src, len);
    LxState *saved_lx = P->lx;
    PsNode *saved_mod = P->module;
    int saved_mode = P->mode;
    lx_init(lx, P, copy, len, mode, line, col);
    P->lx = lx;
    P->mode = mode;
    P->module = ps_node(P->arena, N_MODULE, line, col);
    P->fdepth++;
    int r = ps_yyparse(P);
    P->fdepth--;
    PsNode *m = P->module;
    P->lx = saved_lx;
    P->module = saved_mod;
    P->mode = saved_mode;
    free(lx);
    if (r != 0 || P->failed || m->body.n != 1)
        return NULL;
    return m->body.items[0]->a;
}

/* 'break', 'continue' and 'return' placement. Walks statements only: the recursion follows
 * block nesting, which the lexer caps at OU_MAX_INDENT. */
static bool check_flow(PsParser *P, PsList *body, bool in_loop, bool in_func)
{
    for (int i = 0; i < body->n; i++) {
        PsNode *s = body->items[i];
        switch (s->kind) {
        case N_BREAK:
            if (!in_loop) {
                NODE_ERR(P, s, "'break' outside loop");
                return false;
            }
            break;
        case N_CONTINUE:
            if (!in_loop) {
                NODE_ERR(P, s, "'continue' not properly in loop");
                return false;
            }
            break;
        case N_RETURN:
            if (!in_func) {
                NODE_ERR(P, s, "'return' outside function");
                return false;
            }
            break;
        case N_FUNCDEF:
            if (!check_flow(P, &s->body, false, true))
                return false;
            break;
        case N_CLASSDEF:
            if (!check_flow(P, &s->body, false, false))
                return false;
            break;
        case N_WHILE:
        case N_FOR:
            if (!check_flow(P, &s->body, true, in_func) || !check_flow(P, &s->orelse, in_loop, in_func))
                return false;
            break;
        case N_IF:
        case N_WITH:
            if (!check_flow(P, &s->body, in_loop, in_func) || !check_flow(P, &s->orelse, in_loop, in_func))
                return false;
            break;
        case N_TRY:
            if (!check_flow(P, &s->body, in_loop, in_func) || !check_flow(P, &s->orelse, in_loop, in_func)
                || !check_flow(P, &s->finalbody, in_loop, in_func))
                return false;
            for (int h = 0; h < s->handlers.n; h++)
                if (!check_flow(P, &s->handlers.items[h]->body, in_loop, in_func))
                    return false;
            break;
        default:
            break;
        }
    }
    return true;
}

/* After a parser error, CPython tokenizes the rest of the input and lets a tokenizer error
 * found there win (an unterminated string further down, say). An unclosed bracket wins only
 * if it opened on an earlier line than the error, or the error was a guess at a comma. */
static void scan_rest(PsParser *P)
{
    LxState *lx = P->lx;
    PsResult saved = *P->res;
    PS_YYSTYPE v;
    PS_YYLTYPE l;
    int t, prev = lx->last_tok;
    int d0 = lx->depth - (prev == '(' || prev == '[' || prev == '{');
    bool in_b = P->b_scan, hint_b = false, void_hint = false;
    P->failed = false;
    P->fdepth = 0;
    do {
        t = lx_next(lx, &v, &l);
        if (in_b && t != T_LEXERROR) {
            /* Find the token after the expression that begins at the lookahead (CPython's
             * `b` in "a b"): before `=` or `:=` it does not guess a comma. */
            bool nested = lx->depth > d0 || ((t == ')' || t == ']' || t == '}') && lx->depth >= d0);
            if (!nested && (t == ',' || t == ':' || t == '=' || t == T_COLONEQ || t == ';'
                            || t == T_NEWLINE || t == ')' || t == ']' || t == '}' || t == 0
                            || (starts_operand(t) && ends_operand(prev)))) {
                in_b = false;
                if (P->comma_hint && (t == '=' || t == T_COLONEQ)) {
                    void_hint = true;
                    saved.err_msg = "invalid syntax";
                    saved.err_line = P->la_line;
                    saved.err_col = saved.err_end_col = P->la_col + 1;
                }
            }
            prev = t;
        }
        if (t == T_LEXERROR && in_b)
            hint_b = true;
    } while (t != 0 && t != T_LEXERROR);
    if (P->failed && lx->unclosed) {
        /* CPython's parser meets the end itself if it is inside the expression after a
         * missing comma. */
        if (!(saved.err_line > P->res->err_line || hint_b || void_hint))
            *P->res = saved;
    } else if (!P->failed) {
        *P->res = saved;
    }
    P->failed = true;
}

int ps_parse(PsArena *arena, const char *src, size_t len, const char *filename, const char *mode,
             PsResult *res)
{
    memset(res, 0, sizeof *res);
    PsParser P = {0};
    P.arena = arena;
    P.res = res;
    P.mode = strcmp(mode, "eval") == 0 ? PS_MODE_EVAL : strcmp(mode, "single") == 0
             ? PS_MODE_SINGLE : PS_MODE_EXEC;
    size_t bad;
    if (lx_check_utf8(src, len, &bad) < 0) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += src[i] == '\n';
        if (src[bad] == 0) {
            size_t ls = bad;
            while (ls > 0 && src[ls - 1] != '\n')
                ls--;
            ps_error_at(&P, 0, line, 0, "source code cannot contain null bytes");
            res->err_text = ps_strdup(arena, src + ls, bad - ls);
        } else {
            ps_error_at(&P, 0, line, 0,
                        "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                        "encoding declared; see https://peps.python.org/pep-0263/ for details",
                        (unsigned char)src[bad], filename ? filename : "<string>", line);
        }
        res->err_col = 0;
        return -1;
    }
    /* A copy with a NUL sentinel, without a BOM, and with \r\n and \r turned into \n. */
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *copy = ps_alloc(arena, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            copy[n++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n')
                i++;
        } else {
            copy[n++] = src[i];
        }
    }
    copy[n] = 0;
    LxState *lx = malloc(sizeof *lx);
    if (!lx)
        abort();
    lx_init(lx, &P, copy, n, P.mode, 1, 0);
    P.lx = lx;
    P.module = ps_node(arena, N_MODULE, 1, 0);
    int r = ps_yyparse(&P);
    if ((r != 0 || P.failed) && !P.lexerr)
        scan_rest(&P);
    if (r == 0 && !P.failed) {
        if (P.mode == PS_MODE_SINGLE && P.nstmts > 1)
            ps_error_at(&P, 0, P.module->body.items[0]->end_line,
                        P.module->body.items[0]->end_col,
                        "multiple statements found while compiling a single statement");
        else
            check_flow(&P, &P.module->body, false, false);
    }
    if (r != 0 || P.failed) {
        if (!P.failed)
            ps_error_at(&P, 0, lx->line, 0, "invalid syntax");
        res->err_text = lx_line_text(lx, res->err_line);
        free(lx);
        return -1;
    }
    if (P.mode == PS_MODE_SINGLE && P.module->body.n > 0) {
        /* The REPL ends a compound statement with an empty line: until then it is incomplete. */
        PsNode *s = P.module->body.items[0];
        bool compound = s->kind == N_IF || s->kind == N_WHILE || s->kind == N_FOR
                        || s->kind == N_TRY || s->kind == N_WITH || s->kind == N_FUNCDEF
                        || s->kind == N_CLASSDEF;
        bool blank_end = n >= 2 && copy[n - 1] == '\n' && copy[n - 2] == '\n';
        if (compound && !blank_end) {
            res->incomplete = true;
            ps_error_at(&P, 0, lx->line, 0, "incomplete input");
            free(lx);
            return -1;
        }
    }
    free(lx);
    res->module = P.module;
    return 0;
}

/* ---- ps_dump ---- */

static const char *const kind_names[] = {
    "Module", "Expr", "Assign", "AugAssign", "AnnAssign", "Delete", "Pass", "Break", "Continue",
    "Return", "Raise", "Global", "Nonlocal", "Assert", "Import", "ImportFrom", "If", "While",
    "For", "Try", "ExceptHandler", "With", "withitem", "FunctionDef", "ClassDef", "BoolOp",
    "BinOp", "UnaryOp", "Lambda", "IfExp", "Dict", "Set", "ListComp", "SetComp", "DictComp",
    "GeneratorExp", "comprehension", "Compare", "Call", "keyword", "JoinedStr",
    "FormattedValue", "Constant", "Attribute", "Subscript", "Starred", "Name", "List", "Tuple",
    "Slice", "NamedExpr", "arguments", "arg", "alias", "Yield", "YieldFrom",
};

static void dump_list(const char *label, PsList *l, int indent)
{
    if (l->n == 0)
        return;
    printf("%*s%s:\n", indent, "", label);
    for (int i = 0; i < l->n; i++) {
        if (l->items[i])
            ps_dump(l->items[i], indent + 2);
        else
            printf("%*s(none)\n", indent + 2, "");
    }
}

static void dump_child(const char *label, PsNode *n, int indent)
{
    if (!n)
        return;
    printf("%*s%s:\n", indent, "", label);
    ps_dump(n, indent + 2);
}

void ps_dump(PsNode *n, int indent)
{
    if (!n) {
        printf("%*s(none)\n", indent, "");
        return;
    }
    const char *name = (size_t)n->kind < sizeof kind_names / sizeof kind_names[0]
                       ? kind_names[n->kind] : "?";
    printf("%*s%s @%d:%d", indent, "", name, n->line, n->col);
    static const char *const ctxs[] = {"", " store", " del"};
    switch (n->kind) {
    case N_NAME:
        printf(" '%s'%s", n->str, ctxs[n->ctx]);
        break;
    case N_ATTRIBUTE:
        printf(" .%s%s", n->str, ctxs[n->ctx]);
        break;
    case N_SUBSCRIPT: case N_STARRED: case N_LIST: case N_TUPLE:
        printf("%s", ctxs[n->ctx]);
        break;
    case N_CONST:
        switch (n->ckind) {
        case K_NONE: printf(" None"); break;
        case K_TRUE: printf(" True"); break;
        case K_FALSE: printf(" False"); break;
        case K_ELLIPSIS: printf(" Ellipsis"); break;
        case K_INT: printf(" %lld", (long long)n->ival); break;
        case K_BIGINT: printf(" %s (big)", n->str); break;
        case K_FLOAT: printf(" %.17g", n->fval); break;
        case K_IMAG: printf(" %.17gj", n->fval); break;
        case K_STR: case K_BYTES:
            printf(" %s'", n->ckind == K_BYTES ? "b" : "");
            for (size_t i = 0; i < n->len; i++) {
                unsigned char c = (unsigned char)n->str[i];
                if (c == '\\' || c == '\'')
                    printf("\\%c", c);
                else if (c < 0x20 || c == 0x7f)
                    printf("\\x%02x", c);
                else
                    putchar(c);
            }
            putchar('\'');
            break;
        }
        break;
    case N_BINOP: case N_AUGASSIGN: case N_UNARYOP: case N_BOOLOP: case N_FORMATTED:
    case N_IMPORTFROM: case N_ANNASSIGN:
        printf(" op=%lld", (long long)n->ival);
        break;
    case N_COMPARE:
        printf(" ops=");
        for (int i = 0; i < n->comparators.n; i++)
            printf("%s%d", i ? "," : "", n->iops[i]);
        break;
    default:
        break;
    }
    if (n->kind != N_NAME && n->kind != N_ATTRIBUTE && n->str)
        printf(" str=%s", n->kind == N_CONST ? "" : n->str);
    if (n->str2)
        printf(" as=%s", n->str2);
    putchar('\n');
    indent += 2;
    dump_child("a", n->a, indent);
    dump_child("b", n->b, indent);
    dump_child("c", n->c, indent);
    if (n->params) {
        PsArgs *A = n->params;
        dump_list("posonly", &A->posonly, indent);
        dump_list("args", &A->args, indent);
        dump_list("defaults", &A->defaults, indent);
        dump_child("vararg", A->vararg, indent);
        dump_list("kwonly", &A->kwonly, indent);
        dump_list("kw_defaults", &A->kw_defaults, indent);
        dump_child("kwarg", A->kwarg, indent);
    }
    dump_list("targets", &n->targets, indent);
    dump_list("names", &n->names, indent);
    dump_list("items", &n->items, indent);
    dump_list("decorators", &n->decorators, indent);
    dump_list("keys", &n->keys, indent);
    dump_list("values", &n->values, indent);
    dump_list("elts", &n->elts, indent);
    dump_list("generators", &n->generators, indent);
    dump_list("ifs", &n->ifs, indent);
    dump_list("args", &n->args, indent);
    dump_list("keywords", &n->keywords, indent);
    dump_list("comparators", &n->comparators, indent);
    dump_list("body", &n->body, indent);
    dump_list("handlers", &n->handlers, indent);
    dump_list("orelse", &n->orelse, indent);
    dump_list("finalbody", &n->finalbody, indent);
}
