/* symtable.c: the symbol table pass of the compiler.
 *
 * Two walks, as in CPython. The first walks the AST once, creating a scope for the module,
 * every class body, function, lambda and comprehension, and records in each how every name is
 * used (DEF_* flags). The second (analyze) resolves each name to local, global (explicit or
 * implicit), free or cell, passing down the set of names bound in enclosing function scopes and
 * passing up the names that child scopes need from outside:
 *   - class bodies do not make their bindings visible to the functions nested in them (methods
 *     see the enclosing function's names, or globals), but they pass free variables through so
 *     methods can reach a function around the class;
 *   - a method that uses `super` or `__class__` makes the class body own a `__class__` cell;
 *   - a local of a function that some nested scope uses becomes a cell.
 * Everything lives in the parser's arena and is freed with the AST.
 */
#include "compile.h"

#include <stdio.h>

/* ---------------------------------------------------------------------------------------------
 * String map (insertion-ordered, open-addressing index).
 * ------------------------------------------------------------------------------------------- */
static uint32_t str_hash(const char *s) {
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

void stmap_init(StMap *m) { memset(m, 0, sizeof *m); }

StEntry *stmap_get(const StMap *m, const char *name) {
    if (m->nindex == 0) return NULL;
    uint32_t h = str_hash(name);
    int mask = m->nindex - 1;
    for (int i = (int)(h & (uint32_t)mask);; i = (i + 1) & mask) {
        int e = m->index[i];
        if (e == 0) return NULL;
        StEntry *ent = &m->ents[e - 1];
        if (ent->hash == h && strcmp(ent->name, name) == 0) return ent;
    }
}

static void stmap_reindex(PsArena *a, StMap *m, int nindex) {
    m->index = ps_alloc(a, sizeof(int) * (size_t)nindex);
    m->nindex = nindex;
    int mask = nindex - 1;
    for (int e = 0; e < m->n; e++) {
        int i = (int)(m->ents[e].hash & (uint32_t)mask);
        while (m->index[i]) i = (i + 1) & mask;
        m->index[i] = e + 1;
    }
}

StEntry *stmap_put(PsArena *a, StMap *m, const char *name) {
    StEntry *found = stmap_get(m, name);
    if (found) return found;
    if (m->n == m->cap) {
        int ncap = m->cap ? m->cap * 2 : 8;
        StEntry *ne = ps_alloc(a, sizeof(StEntry) * (size_t)ncap);
        if (m->n) memcpy(ne, m->ents, sizeof(StEntry) * (size_t)m->n);
        m->ents = ne;
        m->cap = ncap;
    }
    StEntry *ent = &m->ents[m->n++];
    ent->name = name;
    ent->hash = str_hash(name);
    ent->flags = 0;
    ent->scope = 0;
    if (m->n * 2 > m->nindex) {
        stmap_reindex(a, m, m->nindex ? m->nindex * 2 : 16);
    } else {
        int mask = m->nindex - 1;
        int i = (int)(ent->hash & (uint32_t)mask);
        while (m->index[i]) i = (i + 1) & mask;
        m->index[i] = m->n;
    }
    return ent;
}

/* Name sets used by the analysis are StMaps whose `scope` field is 1 for members (0 after a
 * discard; the map itself never shrinks). */
static bool set_has(const StMap *s, const char *name) {
    StEntry *e = stmap_get(s, name);
    return e && e->scope;
}
static void set_add(PsArena *a, StMap *s, const char *name) { stmap_put(a, s, name)->scope = 1; }
static void set_discard(StMap *s, const char *name) {
    StEntry *e = stmap_get(s, name);
    if (e) e->scope = 0;
}
static void set_update(PsArena *a, StMap *dst, const StMap *src) {
    for (int i = 0; i < src->n; i++)
        if (src->ents[i].scope) set_add(a, dst, src->ents[i].name);
}

/* ---------------------------------------------------------------------------------------------
 * First walk: collect definitions and uses.
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    StTable *t;
    StScope *cur;
    const char *privname; /* innermost class name, for mangling */
    int depth;            /* statement + expression nesting, capped by OU_MAX_AST_DEPTH */
} StWalk;

/* Deepest syntax tree accepted, counting statements and expressions: operator chains such as
 * `1+1+...` or `a.b.c...` parse without bracket nesting, and every later pass (this walk, the
 * compiler) recurses on them, so they are capped here where CPython's symtable caps them
 * (RecursionError "maximum recursion depth exceeded during compilation" beyond 3000 nodes,
 * 3 x the default recursion limit). */
#ifndef OU_MAX_AST_DEPTH
#define OU_MAX_AST_DEPTH 3000
#endif

static int st_too_deep(void) {
    ou_err_format(ou_RecursionError, "maximum recursion depth exceeded during compilation");
    return -1;
}

const char *st_mangle(PsArena *a, const char *privname, const char *name) {
    if (!privname || name[0] != '_' || name[1] != '_') return name;
    size_t n = strlen(name);
    if (n >= 4 && name[n - 1] == '_' && name[n - 2] == '_') return name;
    if (strchr(name, '.')) return name;
    while (*privname == '_') privname++;
    if (!*privname) return name;
    size_t p = strlen(privname);
    char *out = ps_alloc(a, p + n + 2);
    out[0] = '_';
    memcpy(out + 1, privname, p);
    memcpy(out + 1 + p, name, n + 1);
    return out;
}

static int st_error(StWalk *w, PsNode *n, const char *fmt, const char *name) {
    return cmp_syntax_error(w->t->filename, w->t->src, w->t->srclen, n->line, n->col,
                            n->end_line, n->end_col, fmt, name);
}

static StScope *st_new_scope(StWalk *w, StKind kind, PsNode *node, const char *name) {
    PsArena *a = w->t->arena;
    StScope *s = ps_alloc(a, sizeof *s);
    s->kind = kind;
    s->node = node;
    s->name = name;
    s->parent = w->cur;
    stmap_init(&s->syms);
    if (w->cur) {
        StScope *p = w->cur;
        s->nested = p->nested || p->kind == ST_FUNCTION;
        if (p->nchildren == p->capchildren) {
            int ncap = p->capchildren ? p->capchildren * 2 : 4;
            StScope **nc = ps_alloc(a, sizeof(StScope *) * (size_t)ncap);
            if (p->nchildren) memcpy(nc, p->children, sizeof(StScope *) * (size_t)p->nchildren);
            p->children = nc;
            p->capchildren = ncap;
        }
        p->children[p->nchildren++] = s;
    }
    return s;
}

/* Record a definition/use of name in scope s. A repeated parameter is an error. */
static int st_add_in(StWalk *w, StScope *s, const char *name, int flag, PsNode *at) {
    const char *m = st_mangle(w->t->arena, w->privname, name);
    StEntry *e = stmap_put(w->t->arena, &s->syms, m);
    if ((flag & DEF_PARAM) && (e->flags & DEF_PARAM))
        return st_error(w, at, "duplicate argument '%s' in function definition", name);
    e->flags |= flag;
    return 0;
}
static int st_add(StWalk *w, const char *name, int flag, PsNode *at) {
    return st_add_in(w, w->cur, name, flag, at);
}

static int st_stmt(StWalk *w, PsNode *n);
static int st_expr(StWalk *w, PsNode *n);

/* Assignment targets are walked explicitly (not through ctx) so that every target form binds. */
static int st_target(StWalk *w, PsNode *n) {
    switch (n->kind) {
    case N_NAME:
        return st_add(w, n->str, DEF_LOCAL, n);
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < n->elts.n; i++)
            if (st_target(w, n->elts.items[i]) < 0) return -1;
        return 0;
    case N_STARRED:
        return st_target(w, n->a);
    default:
        return st_expr(w, n);
    }
}

static int st_targets(StWalk *w, PsList *l) {
    for (int i = 0; i < l->n; i++)
        if (st_target(w, l->items[i]) < 0) return -1;
    return 0;
}

static int st_stmts(StWalk *w, PsList *l) {
    for (int i = 0; i < l->n; i++)
        if (st_stmt(w, l->items[i]) < 0) return -1;
    return 0;
}
static int st_exprs(StWalk *w, PsList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i] && st_expr(w, l->items[i]) < 0) return -1;
    return 0;
}

/* Defaults and annotations of a parameter list are evaluated in the enclosing scope. */
static int st_param_outer(StWalk *w, PsArgs *p) {
    if (st_exprs(w, &p->defaults) < 0 || st_exprs(w, &p->kw_defaults) < 0) return -1;
    PsList *lists[3] = {&p->posonly, &p->args, &p->kwonly};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++)
            if (lists[k]->items[i]->a && st_expr(w, lists[k]->items[i]->a) < 0) return -1;
    if (p->vararg && p->vararg->a && st_expr(w, p->vararg->a) < 0) return -1;
    if (p->kwarg && p->kwarg->a && st_expr(w, p->kwarg->a) < 0) return -1;
    return 0;
}

/* Parameters in the order of the frame's fast-local slots (see OuCode in vm.h). */
static int st_params(StWalk *w, PsArgs *p) {
    PsList *lists[3] = {&p->posonly, &p->args, &p->kwonly};
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < lists[k]->n; i++)
            if (st_add(w, lists[k]->items[i]->str, DEF_PARAM, lists[k]->items[i]) < 0) return -1;
    if (p->vararg && st_add(w, p->vararg->str, DEF_PARAM, p->vararg) < 0) return -1;
    if (p->kwarg && st_add(w, p->kwarg->str, DEF_PARAM, p->kwarg) < 0) return -1;
    return 0;
}

static int st_function(StWalk *w, PsNode *n, PsNode *argsnode, const char *name, PsList *body,
                       PsNode *lambda_body) {
    PsArgs *p = argsnode ? argsnode->params : NULL;
    if (p && st_param_outer(w, p) < 0) return -1;
    StScope *saved = w->cur;
    w->cur = st_new_scope(w, ST_FUNCTION, n, name);
    int r = 0;
    if (p) r = st_params(w, p);
    if (r == 0) r = lambda_body ? st_expr(w, lambda_body) : st_stmts(w, body);
    w->cur = saved;
    return r;
}

static int st_comprehension(StWalk *w, PsNode *n) {
    PsList *gens = &n->generators;
    /* The outermost iterable is evaluated in the enclosing scope and passed in as `.0`. */
    if (st_expr(w, gens->items[0]->b) < 0) return -1;
    const char *name = n->kind == N_LISTCOMP  ? "<listcomp>"
                       : n->kind == N_SETCOMP ? "<setcomp>"
                       : n->kind == N_DICTCOMP ? "<dictcomp>"
                                               : "<genexpr>";
    StScope *saved = w->cur;
    w->cur = st_new_scope(w, ST_FUNCTION, n, name);
    w->cur->comprehension = true;
    int r = st_add(w, ".0", DEF_PARAM, n);
    for (int i = 0; r == 0 && i < gens->n; i++) {
        PsNode *g = gens->items[i];
        if (i > 0) r = st_expr(w, g->b);
        if (r == 0) r = st_target(w, g->a);
        if (r == 0) r = st_exprs(w, &g->ifs);
    }
    if (r == 0) r = st_expr(w, n->a);
    if (r == 0 && n->b) r = st_expr(w, n->b);
    w->cur = saved;
    return r;
}

/* `x := v` inside a comprehension binds x in the nearest enclosing non-comprehension scope. */
static int st_namedexpr(StWalk *w, PsNode *n) {
    if (st_expr(w, n->b) < 0) return -1;
    const char *name = n->a->str;
    if (!w->cur->comprehension) return st_add(w, name, DEF_LOCAL, n->a);
    for (StScope *s = w->cur->parent; s; s = s->parent) {
        if (s->comprehension) continue;
        if (s->kind == ST_FUNCTION) {
            StEntry *e = stmap_get(&s->syms, name);
            int f = (e && (e->flags & DEF_GLOBAL)) ? DEF_GLOBAL : DEF_NONLOCAL;
            if (st_add(w, name, f, n) < 0) return -1;
            return st_add_in(w, s, name, DEF_LOCAL, n);
        }
        if (s->kind == ST_MODULE) {
            if (st_add(w, name, DEF_GLOBAL, n) < 0) return -1;
            return st_add_in(w, s, name, DEF_GLOBAL, n);
        }
        return st_error(w, n,
                        "assignment expression within a comprehension cannot be used in a class "
                        "body%s",
                        "");
    }
    return 0;
}

static int st_global_nonlocal(StWalk *w, PsNode *n, bool global) {
    for (int i = 0; i < n->names.n; i++) {
        const char *name = n->names.items[i]->str;
        const char *m = st_mangle(w->t->arena, w->privname, name);
        StEntry *e = stmap_get(&w->cur->syms, m);
        int cur = e ? e->flags : 0;
        if (!global && w->cur->kind == ST_MODULE)
            return st_error(w, n, "nonlocal declaration not allowed at module level%s", "");
        if (cur & (DEF_PARAM | DEF_LOCAL | DEF_USE | DEF_ANNOT)) {
            const char *msg;
            if (cur & DEF_PARAM)
                msg = global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
            else if (cur & DEF_USE)
                msg = global ? "name '%s' is used prior to global declaration"
                             : "name '%s' is used prior to nonlocal declaration";
            else if (cur & DEF_ANNOT)
                msg = global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
            else
                msg = global ? "name '%s' is assigned to before global declaration"
                             : "name '%s' is assigned to before nonlocal declaration";
            return st_error(w, n, msg, name);
        }
        if (global && (cur & DEF_NONLOCAL))
            return st_error(w, n, "name '%s' is nonlocal and global", name);
        if (!global && (cur & DEF_GLOBAL))
            return st_error(w, n, "name '%s' is nonlocal and global", name);
        if (st_add(w, name, global ? DEF_GLOBAL : DEF_NONLOCAL, n) < 0) return -1;
    }
    return 0;
}

static int st_stmt_node(StWalk *w, PsNode *n);

static int st_stmt(StWalk *w, PsNode *n) {
    if (w->depth >= OU_MAX_AST_DEPTH) return st_too_deep();
    w->depth++;
    int r = st_stmt_node(w, n);
    w->depth--;
    return r;
}

static int st_stmt_node(StWalk *w, PsNode *n) {
    switch (n->kind) {
    case N_MODULE:
        return st_stmts(w, &n->body);
    case N_EXPR_STMT:
        return st_expr(w, n->a);
    case N_ASSIGN:
        if (st_expr(w, n->a) < 0) return -1;
        return st_targets(w, &n->targets);
    case N_AUGASSIGN:
        if (st_target(w, n->a) < 0) return -1;
        return st_expr(w, n->b);
    case N_ANNASSIGN:
        if (n->a->kind == N_NAME) {
            const char *m = st_mangle(w->t->arena, w->privname, n->a->str);
            StEntry *e = stmap_get(&w->cur->syms, m);
            if (e && (e->flags & (DEF_GLOBAL | DEF_NONLOCAL)) && n->ival)
                return st_error(w, n->a,
                                (e->flags & DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                        : "annotated name '%s' can't be nonlocal",
                                n->a->str);
            if (n->ival) {
                if (st_add(w, n->a->str, DEF_ANNOT | (n->c ? DEF_LOCAL : 0), n->a) < 0) return -1;
                if (w->cur->kind != ST_FUNCTION) w->cur->has_annotations = true;
            } else if (n->c && st_target(w, n->a) < 0) {
                return -1;
            }
        } else if (st_expr(w, n->a) < 0) {
            return -1;
        }
        if (w->cur->kind != ST_FUNCTION && st_expr(w, n->b) < 0) return -1;
        return n->c ? st_expr(w, n->c) : 0;
    case N_DEL:
        return st_targets(w, &n->targets);
    case N_PASS: case N_BREAK: case N_CONTINUE:
        return 0;
    case N_RETURN:
        return n->a ? st_expr(w, n->a) : 0;
    case N_RAISE:
        if (n->a && st_expr(w, n->a) < 0) return -1;
        return n->b ? st_expr(w, n->b) : 0;
    case N_GLOBAL:
        return st_global_nonlocal(w, n, true);
    case N_NONLOCAL:
        return st_global_nonlocal(w, n, false);
    case N_ASSERT:
        if (st_expr(w, n->a) < 0) return -1;
        return n->b ? st_expr(w, n->b) : 0;
    case N_IMPORT:
        for (int i = 0; i < n->names.n; i++) {
            PsNode *al = n->names.items[i];
            const char *bind = al->str2;
            char *tmp = NULL;
            if (!bind) {
                /* `import a.b` binds `a`. */
                const char *dot = strchr(al->str, '.');
                if (dot) tmp = ps_strdup(w->t->arena, al->str, (size_t)(dot - al->str));
                bind = tmp ? tmp : al->str;
            }
            if (st_add(w, bind, DEF_IMPORT, al) < 0) return -1;
        }
        return 0;
    case N_IMPORTFROM:
        for (int i = 0; i < n->names.n; i++) {
            PsNode *al = n->names.items[i];
            if (strcmp(al->str, "*") == 0) {
                if (w->cur->kind != ST_MODULE)
                    return st_error(w, al, "import * only allowed at module level%s", "");
                continue;
            }
            if (st_add(w, al->str2 ? al->str2 : al->str, DEF_IMPORT, al) < 0) return -1;
        }
        return 0;
    case N_IF:
    case N_WHILE:
        if (st_expr(w, n->a) < 0 || st_stmts(w, &n->body) < 0) return -1;
        return st_stmts(w, &n->orelse);
    case N_FOR:
        if (st_target(w, n->a) < 0 || st_expr(w, n->b) < 0) return -1;
        if (st_stmts(w, &n->body) < 0) return -1;
        return st_stmts(w, &n->orelse);
    case N_TRY:
        if (st_stmts(w, &n->body) < 0) return -1;
        for (int i = 0; i < n->handlers.n; i++) {
            PsNode *h = n->handlers.items[i];
            if (h->a && st_expr(w, h->a) < 0) return -1;
            if (h->str && st_add(w, h->str, DEF_LOCAL, h) < 0) return -1;
            if (st_stmts(w, &h->body) < 0) return -1;
        }
        if (st_stmts(w, &n->orelse) < 0) return -1;
        return st_stmts(w, &n->finalbody);
    case N_WITH:
        for (int i = 0; i < n->items.n; i++) {
            PsNode *it = n->items.items[i];
            if (st_expr(w, it->a) < 0) return -1;
            if (it->b && st_target(w, it->b) < 0) return -1;
        }
        return st_stmts(w, &n->body);
    case N_FUNCDEF: {
        if (st_add(w, n->str, DEF_LOCAL, n) < 0) return -1;
        if (st_exprs(w, &n->decorators) < 0) return -1;
        if (n->b && st_expr(w, n->b) < 0) return -1;
        return st_function(w, n, n->a, n->str, &n->body, NULL);
    }
    case N_CLASSDEF: {
        if (st_add(w, n->str, DEF_LOCAL, n) < 0) return -1;
        if (st_exprs(w, &n->decorators) < 0 || st_exprs(w, &n->args) < 0) return -1;
        for (int i = 0; i < n->keywords.n; i++)
            if (st_expr(w, n->keywords.items[i]->a) < 0) return -1;
        StScope *saved = w->cur;
        const char *savedpriv = w->privname;
        w->cur = st_new_scope(w, ST_CLASS, n, n->str);
        w->privname = n->str;
        int r = st_stmts(w, &n->body);
        w->cur = saved;
        w->privname = savedpriv;
        return r;
    }
    default:
        return st_error(w, n, "unexpected statement node %s", "");
    }
}

static int st_expr_node(StWalk *w, PsNode *n);

static int st_expr(StWalk *w, PsNode *n) {
    if (w->depth >= OU_MAX_AST_DEPTH) return st_too_deep();
    w->depth++;
    int r = st_expr_node(w, n);
    w->depth--;
    return r;
}

static int st_expr_node(StWalk *w, PsNode *n) {
    switch (n->kind) {
    case N_BOOLOP:
        return st_exprs(w, &n->values);
    case N_BINOP:
        if (st_expr(w, n->a) < 0) return -1;
        return st_expr(w, n->b);
    case N_UNARYOP:
        return st_expr(w, n->a);
    case N_LAMBDA:
        return st_function(w, n, n->a, "<lambda>", NULL, n->b);
    case N_IFEXP:
        if (st_expr(w, n->a) < 0 || st_expr(w, n->b) < 0) return -1;
        return st_expr(w, n->c);
    case N_DICT:
        if (st_exprs(w, &n->keys) < 0) return -1;
        return st_exprs(w, &n->values);
    case N_SET: case N_LIST: case N_TUPLE:
        return st_exprs(w, &n->elts);
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        return st_comprehension(w, n);
    case N_COMPARE:
        if (st_expr(w, n->a) < 0) return -1;
        return st_exprs(w, &n->comparators);
    case N_CALL:
        if (st_expr(w, n->a) < 0 || st_exprs(w, &n->args) < 0) return -1;
        for (int i = 0; i < n->keywords.n; i++)
            if (st_expr(w, n->keywords.items[i]->a) < 0) return -1;
        return 0;
    case N_FSTRING:
        return st_exprs(w, &n->values);
    case N_FORMATTED:
        if (st_expr(w, n->a) < 0) return -1;
        return n->b ? st_expr(w, n->b) : 0;
    case N_CONST:
        return 0;
    case N_ATTRIBUTE:
    case N_STARRED:
        return st_expr(w, n->a);
    case N_SUBSCRIPT:
        if (st_expr(w, n->a) < 0) return -1;
        return st_expr(w, n->b);
    case N_SLICE:
        if (n->a && st_expr(w, n->a) < 0) return -1;
        if (n->b && st_expr(w, n->b) < 0) return -1;
        return n->c ? st_expr(w, n->c) : 0;
    case N_NAME:
        if (n->ctx == CTX_LOAD) {
            if (st_add(w, n->str, DEF_USE, n) < 0) return -1;
            /* Zero-argument super() needs the __class__ cell of the enclosing class. */
            if (w->cur->kind == ST_FUNCTION && strcmp(n->str, "super") == 0)
                return st_add(w, "__class__", DEF_USE, n);
            return 0;
        }
        return st_add(w, n->str, DEF_LOCAL, n);
    case N_NAMEDEXPR:
        return st_namedexpr(w, n);
    case N_YIELD:
    case N_YIELD_FROM:
        if (w->cur->kind != ST_FUNCTION) return st_error(w, n, "'yield' outside function%s", "");
        return st_error(w, n, "generators are not supported yet%s", "");
    default:
        return st_error(w, n, "unexpected expression node%s", "");
    }
}

/* ---------------------------------------------------------------------------------------------
 * Second walk: resolve every name (CPython's analyze_block, same rules).
 * ------------------------------------------------------------------------------------------- */
static int analyze(StTable *t, StScope *s, StMap *bound, StMap *global, StMap *free);

static int analyze_name(StTable *t, StScope *s, StEntry *e, StMap *bound, StMap *local,
                        StMap *free, StMap *global) {
    PsArena *a = t->arena;
    if (e->flags & DEF_GLOBAL) {
        e->scope = SC_GLOBAL_EXPLICIT;
        set_add(a, global, e->name);
        if (bound) set_discard(bound, e->name);
        return 0;
    }
    if (e->flags & DEF_NONLOCAL) {
        if (!bound || !set_has(bound, e->name)) {
            /* Report at the nonlocal statement: find it again in the scope's body. */
            PsNode *at = s->node;
            PsList *body = s->node ? &s->node->body : NULL;
            for (int i = 0; body && i < body->n; i++) {
                PsNode *st = body->items[i];
                if (st->kind != N_NONLOCAL) continue;
                for (int j = 0; j < st->names.n; j++)
                    if (strcmp(st->names.items[j]->str, e->name) == 0) at = st;
            }
            return cmp_syntax_error(t->filename, t->src, t->srclen, at->line, at->col,
                                    at->end_line, at->end_col, "no binding for nonlocal '%s' found",
                                    e->name);
        }
        e->scope = SC_FREE;
        set_add(a, free, e->name);
        return 0;
    }
    if (e->flags & DEF_BOUND) {
        e->scope = SC_LOCAL;
        set_add(a, local, e->name);
        set_discard(global, e->name);
        return 0;
    }
    if (bound && set_has(bound, e->name)) {
        e->scope = SC_FREE;
        set_add(a, free, e->name);
        return 0;
    }
    e->scope = SC_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze(StTable *t, StScope *s, StMap *bound, StMap *global, StMap *free) {
    PsArena *a = t->arena;
    StMap local, newglobal, newfree, newbound, allfree;
    stmap_init(&local);
    stmap_init(&newglobal);
    stmap_init(&newfree);
    stmap_init(&newbound);
    stmap_init(&allfree);
    if (s->kind == ST_CLASS) {
        set_update(a, &newglobal, global);
        if (bound) set_update(a, &newbound, bound);
    }
    for (int i = 0; i < s->syms.n; i++)
        if (analyze_name(t, s, &s->syms.ents[i], bound, &local, free, global) < 0) return -1;
    if (s->kind != ST_CLASS) {
        if (s->kind == ST_FUNCTION) set_update(a, &newbound, &local);
        if (bound) set_update(a, &newbound, bound);
        set_update(a, &newglobal, global);
    } else {
        set_add(a, &newbound, "__class__");
    }
    for (int i = 0; i < s->nchildren; i++) {
        StMap cb, cg, cf;
        stmap_init(&cb);
        stmap_init(&cg);
        stmap_init(&cf);
        set_update(a, &cb, &newbound);
        set_update(a, &cg, &newglobal);
        if (analyze(t, s->children[i], &cb, &cg, &cf) < 0) return -1;
        set_update(a, &allfree, &cf);
    }
    set_update(a, &newfree, &allfree);
    if (s->kind == ST_FUNCTION) {
        /* Locals that nested scopes use become cells. */
        for (int i = 0; i < s->syms.n; i++) {
            StEntry *e = &s->syms.ents[i];
            if (e->scope == SC_LOCAL && set_has(&newfree, e->name)) {
                e->scope = SC_CELL;
                set_discard(&newfree, e->name);
            }
        }
    } else if (s->kind == ST_CLASS && set_has(&newfree, "__class__")) {
        set_discard(&newfree, "__class__");
        s->needs_class_closure = true;
    }
    /* Free variables of children that this scope does not define pass through it. */
    for (int i = 0; i < newfree.n; i++) {
        if (!newfree.ents[i].scope) continue;
        const char *name = newfree.ents[i].name;
        StEntry *e = stmap_get(&s->syms, name);
        if (e) {
            if (s->kind == ST_CLASS && (e->flags & (DEF_BOUND | DEF_GLOBAL)))
                e->flags |= DEF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name)) continue;
        stmap_put(a, &s->syms, name)->scope = SC_FREE;
    }
    set_update(a, free, &newfree);
    return 0;
}

int st_build(StTable *t, PsNode *module) {
    StWalk w = {t, NULL, NULL, 0};
    t->top = st_new_scope(&w, ST_MODULE, module, "<module>");
    w.cur = t->top;
    if (st_stmts(&w, &module->body) < 0) return -1;
    StMap global, free;
    stmap_init(&global);
    stmap_init(&free);
    return analyze(t, t->top, NULL, &global, &free);
}

StScope *st_child(StScope *s, PsNode *node) {
    for (int i = 0; i < s->nchildren; i++)
        if (s->children[i]->node == node) return s->children[i];
    return NULL;
}

int st_scope_of(StScope *s, const char *name) {
    StEntry *e = stmap_get(&s->syms, name);
    return e ? e->scope : SC_NONE;
}
