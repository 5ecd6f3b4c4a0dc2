/* psgram.h: helpers called by the grammar actions (defined in parser/parser.c). Included after
 * grammar.tab.h, since they take Bison's location type. Each helper that can fail records a
 * SyntaxError through ps_error_at and returns NULL / false. */
#ifndef OU_PSGRAM_H
#define OU_PSGRAM_H

#include "psint.h"
#include "grammar.tab.h"

/* Why a target is being converted: the wording of the error differs. PS_T_ASSIGN1 is the
 * only target of `target = value` (CPython then adds "Maybe you meant '=='..."). */
enum { PS_T_PLAIN, PS_T_ASSIGN, PS_T_ASSIGN1, PS_T_DEL, PS_T_AUG };

/* What the parser knew when it hit an error (filled by yyreport_syntax_error). */
typedef struct {
    bool want_indent, want_colon, want_except, want_else, only_lpar;
    bool la_eof, la_indent, la_dedent, la_newline, la_lexerror;
    int line, col, end_line, end_col;
} PsErrCtx;

PsNode *ps_mk(PsParser *P, PsKind k, const PS_YYLTYPE *l);
PsList *ps_newlist(PsParser *P);
PsList *ps_list1(PsParser *P, PsNode *n);
void ps_list_extend(PsParser *P, PsList *dst, const PsList *src);
PsNode *ps_binop(PsParser *P, int op, PsNode *l, PsNode *r, const PS_YYLTYPE *loc);
PsNode *ps_seq(PsParser *P, PsKind k, PsList *elts, const PS_YYLTYPE *loc);
PsNode *ps_dict(PsParser *P, PsList *items, const PS_YYLTYPE *loc);
void ps_compare_add(PsParser *P, PsNode *cmp, int op, PsNode *right);
PsList *ps_fold_elifs(PsParser *P, PsList *elifs, PsList *orelse);
const char *ps_dotted(PsParser *P, const char *a, const char *b);

PsNode *ps_target(PsParser *P, PsNode *e, int why);
bool ps_targets(PsParser *P, PsNode *del, PsNode *e, int why);
bool ps_assign(PsParser *P, PsNode *assign, PsList *sides);
PsNode *ps_anntarget(PsParser *P, PsNode *e, int line, int col, int64_t *simple);
PsNode *ps_walrus_target(PsParser *P, PsNode *e);
const char *ps_kwname(PsParser *P, PsNode *e, const PS_YYLTYPE *loc);

PsNode *ps_param(PsParser *P, int kind, PsNode *name, PsNode *ann, PsNode *def,
                 const PS_YYLTYPE *loc);
PsNode *ps_arguments(PsParser *P, PsList *items, const PS_YYLTYPE *loc);
bool ps_call_args(PsParser *P, PsNode *call, PsList *items);
void ps_genexp_arg(PsParser *P, PsNode *call, const PS_YYLTYPE *lpar, const PS_YYLTYPE *rpar);

bool ps_no_star(PsParser *P, PsNode *e);
void ps_syntax_error(PsParser *P, const PsErrCtx *e);

#endif
