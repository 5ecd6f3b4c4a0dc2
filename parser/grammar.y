/* grammar.y: Python 3.11's grammar as an LALR(1) Bison grammar producing the AST of ast.h.
 *
 * The parser is pure and prefixed; its actions only build nodes in the arena (they never free,
 * so %destructor has nothing to do). Checks that need a whole construct (assignment targets,
 * call argument order, parameter lists) are done by helpers in parser.c, which record a
 * SyntaxError and make the action abort.
 *
 * Where CPython's PEG grammar relies on backtracking, this grammar parses a superset and lets
 * the helpers reject: assignment targets are parsed as expressions and then converted to Store
 * or Del context; keyword arguments are parsed as `test '=' test` and the left side must turn
 * out to be a plain name; parameter lists are flat item lists ordered afterwards.
 *
 * The lexer emits one start token that selects the mode (exec, eval, single, f-string field).
 */
%define api.pure full
%define api.prefix {ps_yy}
%define api.token.prefix {T_}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%param {PsParser *P}

%code requires {
#include "ast.h"
#include "psint.h"
}

%code provides {
int ps_yylex(PS_YYSTYPE *val, PS_YYLTYPE *loc, PsParser *P);
void ps_yyerror(PS_YYLTYPE *loc, PsParser *P, const char *msg);
}

%code {
#include <string.h>
#include "ouro.h"
#include "lexer.h"
#include "psgram.h"

/* Bison's stack grows on demand up to this many entries. Bracket nesting is capped by the
 * lexer (OU_MAX_NESTING), so only long runs of prefix operators can reach it. */
#define YYMAXDEPTH 50000
#define YYINITDEPTH 512

#define MK(k, l) ps_mk(P, (k), &(l))
#define CHK(x) do { if (!(x)) YYABORT; } while (0)
}

%union {
    PsNode *node;
    PsList *list;
    PsStrTok *s;
    int op;
}

%token START_EXEC START_EVAL START_SINGLE START_FSTRING
%token NEWLINE INDENT DEDENT LEXERROR WITH_LPAR
%token <node> NAME NUMBER
%token <s> STRING
%token FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF DEL ELIF ELSE EXCEPT
%token FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA NONLOCAL NOT OR PASS RAISE RETURN TRY
%token WHILE WITH YIELD
%token DSLASH "//" POW "**" LSHIFT "<<" RSHIFT ">>" COLONEQ ":=" LE "<=" GE ">=" EQ "=="
%token NE "!=" ARROW "->" ELLIPSIS "..."
%token <op> AUGASSIGN

%type <list> stmts_opt stmts stmt simple_stmts small_stmts suite elifs else_opt finally_opt
%type <list> handlers assign_chain names dotted_as_names import_as_names import_targets
%type <list> with_items params param_list lparams lparam_list decorators
%type <list> sitems_c pitems_c xitems_c litems set_items dict_items arglist comp_fors subs_c
%type <node> small_stmt expr_stmt if_stmt while_stmt for_stmt try_stmt with_stmt
%type <node> funcdef classdef compound_stmt handler with_item dotted_name dotted_as_name
%type <node> import_as_name from_mod import_stmt decorator
%type <node> param lparam
%type <node> namedexpr_test test test_opt or_test and_test not_test comparison comp_chain
%type <node> expr xor_expr and_expr shift_expr arith term factor power atom_expr atom
%type <node> star_expr selem pelem xelem testlist_star_expr exprlist yield_expr rhs
%type <node> lambdef ditem subscript subscripts arg comp_for comp_if strings
%type <node> or_list and_list
%type <op> comp_op dots
%type <s> strchain

%%

start:
    START_EXEC stmts_opt           { P->module->body = *$2; }
  | START_SINGLE stmts_opt         { P->module->body = *$2; }
  | START_EVAL testlist_star_expr newlines_opt {
        PsNode *s = MK(N_EXPR_STMT, @2); s->a = $2;
        CHK(ps_no_star(P, $2));
        ps_list_push(P->arena, &P->module->body, s);
    }
  | START_FSTRING atom newlines_opt {
        PsNode *s = MK(N_EXPR_STMT, @2); s->a = $2;
        ps_list_push(P->arena, &P->module->body, s);
    }
  ;

newlines_opt: %empty | newlines_opt NEWLINE ;

stmts_opt:
    %empty                         { $$ = ps_newlist(P); }
  | stmts_opt stmt                 { $$ = $1; ps_list_extend(P, $$, $2); P->nstmts++; }
  ;

stmts:
    stmt                           { $$ = $1; }
  | stmts stmt                     { $$ = $1; ps_list_extend(P, $$, $2); }
  ;

stmt:
    simple_stmts                   { $$ = $1; }
  | compound_stmt                  { $$ = ps_list1(P, $1); }
  ;

simple_stmts:
    small_stmts NEWLINE            { $$ = $1; }
  | small_stmts ';' NEWLINE        { $$ = $1; }
  ;

small_stmts:
    small_stmt                     { $$ = ps_list1(P, $1); }
  | small_stmts ';' small_stmt     { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

small_stmt:
    expr_stmt
  | DEL exprlist                   { $$ = MK(N_DEL, @$); CHK(ps_targets(P, $$, $2, PS_T_DEL)); }
  | PASS                           { $$ = MK(N_PASS, @$); }
  | BREAK                          { $$ = MK(N_BREAK, @$); }
  | CONTINUE                       { $$ = MK(N_CONTINUE, @$); }
  | RETURN                         { $$ = MK(N_RETURN, @$); }
  | RETURN testlist_star_expr      { $$ = MK(N_RETURN, @$); $$->a = $2; }
  | RAISE                          { $$ = MK(N_RAISE, @$); }
  | RAISE test                     { $$ = MK(N_RAISE, @$); $$->a = $2; }
  | RAISE test FROM test           { $$ = MK(N_RAISE, @$); $$->a = $2; $$->b = $4; }
  | GLOBAL names                   { $$ = MK(N_GLOBAL, @$); $$->names = *$2; }
  | NONLOCAL names                 { $$ = MK(N_NONLOCAL, @$); $$->names = *$2; }
  | ASSERT test                    { $$ = MK(N_ASSERT, @$); $$->a = $2; }
  | ASSERT test ',' test           { $$ = MK(N_ASSERT, @$); $$->a = $2; $$->b = $4; }
  | import_stmt
  ;

names:
    NAME                           { $$ = ps_list1(P, $1); }
  | names ',' NAME                 { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

expr_stmt:
    testlist_star_expr             { $$ = MK(N_EXPR_STMT, @$); $$->a = $1; }
  | yield_expr                     { $$ = MK(N_EXPR_STMT, @$); $$->a = $1; }
  | testlist_star_expr AUGASSIGN rhs {
        $$ = MK(N_AUGASSIGN, @$); $$->ival = $2; $$->b = $3;
        CHK($$->a = ps_target(P, $1, PS_T_AUG));
    }
  | testlist_star_expr ':' test {
        $$ = MK(N_ANNASSIGN, @$); $$->b = $3;
        CHK($$->a = ps_anntarget(P, $1, @1.first_line, @1.first_column, &$$->ival));
    }
  | testlist_star_expr ':' test '=' rhs {
        $$ = MK(N_ANNASSIGN, @$); $$->b = $3; $$->c = $5;
        CHK($$->a = ps_anntarget(P, $1, @1.first_line, @1.first_column, &$$->ival));
    }
  | assign_chain {
        $$ = MK(N_ASSIGN, @$);
        CHK(ps_assign(P, $$, $1));
    }
  ;

/* All sides of a = b = c, the value last. */
assign_chain:
    testlist_star_expr '=' rhs     { $$ = ps_list1(P, $1); ps_list_push(P->arena, $$, $3); }
  | yield_expr '=' rhs             { $$ = ps_list1(P, $1); ps_list_push(P->arena, $$, $3); }
  | assign_chain '=' rhs           { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

rhs: testlist_star_expr | yield_expr ;

import_stmt:
    IMPORT dotted_as_names         { $$ = MK(N_IMPORT, @$); $$->names = *$2; }
  | FROM from_mod IMPORT import_targets {
        $$ = $2; $$->names = *$4; $$->line = @$.first_line; $$->col = @$.first_column;
        $$->end_line = @$.last_line; $$->end_col = @$.last_column;
    }
  ;

dotted_as_names:
    dotted_as_name                 { $$ = ps_list1(P, $1); }
  | dotted_as_names ',' dotted_as_name { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

dotted_as_name:
    dotted_name                    { $$ = MK(N_ALIAS, @$); $$->str = $1->str; }
  | dotted_name AS NAME            { $$ = MK(N_ALIAS, @$); $$->str = $1->str; $$->str2 = $3->str; }
  ;

dotted_name:
    NAME                           { $$ = $1; }
  | dotted_name '.' NAME           { $$ = $1; $$->str = ps_dotted(P, $1->str, $3->str); }
  ;

from_mod:
    dotted_name                    { $$ = MK(N_IMPORTFROM, @$); $$->str = $1->str; }
  | dots                           { $$ = MK(N_IMPORTFROM, @$); $$->ival = $1; }
  | dots dotted_name               { $$ = MK(N_IMPORTFROM, @$); $$->ival = $1; $$->str = $2->str; }
  ;

/* The relative import level. */
dots:
    '.'                            { $$ = 1; }
  | ELLIPSIS                       { $$ = 3; }
  | dots '.'                       { $$ = $1 + 1; }
  | dots ELLIPSIS                  { $$ = $1 + 3; }
  ;

import_targets:
    '*'                            { PsNode *a = MK(N_ALIAS, @1); a->str = "*"; $$ = ps_list1(P, a); }
  | '(' import_as_names ')'        { $$ = $2; }
  | '(' import_as_names ',' ')'    { $$ = $2; }
  | import_as_names                { $$ = $1; }
  | import_as_names ',' {
        ps_error_at(P, 0, @2.last_line, @2.last_column,
                    "trailing comma not allowed without surrounding parentheses");
        YYABORT;
    }
  ;

import_as_names:
    import_as_name                 { $$ = ps_list1(P, $1); }
  | import_as_names ',' import_as_name { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

import_as_name:
    NAME                           { $$ = MK(N_ALIAS, @$); $$->str = $1->str; }
  | NAME AS NAME                   { $$ = MK(N_ALIAS, @$); $$->str = $1->str; $$->str2 = $3->str; }
  ;

compound_stmt:
    if_stmt | while_stmt | for_stmt | try_stmt | with_stmt | funcdef | classdef
  | decorators funcdef             { $$ = $2; $$->decorators = *$1; }
  | decorators classdef            { $$ = $2; $$->decorators = *$1; }
  ;

decorators:
    decorator                      { $$ = ps_list1(P, $1); }
  | decorators decorator           { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

decorator: '@' namedexpr_test NEWLINE { $$ = $2; } ;

suite:
    simple_stmts                   { $$ = $1; }
  | NEWLINE INDENT stmts DEDENT    { $$ = $3; }
  ;

if_stmt:
    IF namedexpr_test ':' suite elifs else_opt {
        $$ = MK(N_IF, @$); $$->a = $2; $$->body = *$4;
        $$->orelse = *ps_fold_elifs(P, $5, $6);
    }
  ;

/* elif clauses are collected left-recursively (no stack growth per clause) and folded into
 * nested N_IF nodes afterwards. */
elifs:
    %empty                         { $$ = ps_newlist(P); }
  | elifs ELIF namedexpr_test ':' suite {
        PsNode *n = MK(N_IF, @2); n->a = $3; n->body = *$5;
        n->end_line = @5.last_line; n->end_col = @5.last_column;
        $$ = $1; ps_list_push(P->arena, $$, n);
    }
  ;

else_opt:
    %empty                         { $$ = ps_newlist(P); }
  | ELSE ':' suite                 { $$ = $3; }
  ;

while_stmt:
    WHILE namedexpr_test ':' suite else_opt {
        $$ = MK(N_WHILE, @$); $$->a = $2; $$->body = *$4; $$->orelse = *$5;
    }
  ;

for_stmt:
    FOR exprlist IN testlist_star_expr ':' suite else_opt {
        $$ = MK(N_FOR, @$); $$->b = $4; $$->body = *$6; $$->orelse = *$7;
        CHK($$->a = ps_target(P, $2, PS_T_PLAIN));
    }
  ;

try_stmt:
    TRY ':' suite handlers else_opt finally_opt {
        $$ = MK(N_TRY, @$); $$->body = *$3; $$->handlers = *$4; $$->orelse = *$5;
        $$->finalbody = *$6;
    }
  | TRY ':' suite FINALLY ':' suite {
        $$ = MK(N_TRY, @$); $$->body = *$3; $$->finalbody = *$6;
    }
  ;

handlers:
    handler                        { $$ = ps_list1(P, $1); }
  | handlers handler               { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

handler:
    EXCEPT ':' suite               { $$ = MK(N_EXCEPTHANDLER, @$); $$->body = *$3; }
  | EXCEPT test ':' suite          { $$ = MK(N_EXCEPTHANDLER, @$); $$->a = $2; $$->body = *$4; }
  | EXCEPT test AS NAME ':' suite {
        $$ = MK(N_EXCEPTHANDLER, @$); $$->a = $2; $$->str = $4->str; $$->body = *$6;
    }
  | EXCEPT test ',' {
        ps_error_at(P, 0, @2.first_line, @2.first_column,
                    "multiple exception types must be parenthesized");
        YYABORT;
    }
  ;

finally_opt:
    %empty                         { $$ = ps_newlist(P); }
  | FINALLY ':' suite              { $$ = $3; }
  ;

/* WITH_LPAR is a '(' that the lexer found to be closed by a ')' directly followed by ':', i.e.
 * the parenthesized form `with (a as b, c):` (and `with (a, b):`, which means two items). */
with_stmt:
    WITH with_items ':' suite      { $$ = MK(N_WITH, @$); $$->items = *$2; $$->body = *$4; }
  | WITH WITH_LPAR with_items ')' ':' suite {
        $$ = MK(N_WITH, @$); $$->items = *$3; $$->body = *$6;
    }
  | WITH WITH_LPAR with_items ',' ')' ':' suite {
        $$ = MK(N_WITH, @$); $$->items = *$3; $$->body = *$7;
    }
  ;

with_items:
    with_item                      { $$ = ps_list1(P, $1); }
  | with_items ',' with_item       { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

with_item:
    test                           { $$ = MK(N_WITHITEM, @$); $$->a = $1; }
  | test AS expr                   { $$ = MK(N_WITHITEM, @$); $$->a = $1;
                                     CHK($$->b = ps_target(P, $3, PS_T_PLAIN)); }
  ;

funcdef:
    DEF NAME '(' params ')' ':' suite {
        $$ = MK(N_FUNCDEF, @$); $$->str = $2->str; $$->body = *$7;
        CHK($$->a = ps_arguments(P, $4, &@3));
    }
  | DEF NAME '(' params ')' ARROW test ':' suite {
        $$ = MK(N_FUNCDEF, @$); $$->str = $2->str; $$->body = *$9; $$->b = $7;
        CHK($$->a = ps_arguments(P, $4, &@3));
    }
  ;

params:
    %empty                         { $$ = ps_newlist(P); }
  | param_list                     { $$ = $1; }
  | param_list ','                 { $$ = $1; }
  ;

param_list:
    param                          { $$ = ps_list1(P, $1); }
  | param_list ',' param           { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

/* A parameter item: N_ARG with ival = PS_P_*, a = annotation, b = default. */
param:
    NAME                           { $$ = ps_param(P, PS_P_PLAIN, $1, NULL, NULL, &@$); }
  | NAME ':' test                  { $$ = ps_param(P, PS_P_PLAIN, $1, $3, NULL, &@$); }
  | NAME '=' test                  { $$ = ps_param(P, PS_P_PLAIN, $1, NULL, $3, &@$); }
  | NAME ':' test '=' test         { $$ = ps_param(P, PS_P_PLAIN, $1, $3, $5, &@$); }
  | '*'                            { $$ = ps_param(P, PS_P_BARESTAR, NULL, NULL, NULL, &@$); }
  | '*' NAME                       { $$ = ps_param(P, PS_P_STAR, $2, NULL, NULL, &@$); }
  | '*' NAME ':' test              { $$ = ps_param(P, PS_P_STAR, $2, $4, NULL, &@$); }
  | '*' NAME ':' star_expr         { $$ = ps_param(P, PS_P_STAR, $2, $4, NULL, &@$); }
  | '*' NAME '=' test              { $$ = ps_param(P, PS_P_STAR, $2, NULL, $4, &@$); }
  | POW NAME                       { $$ = ps_param(P, PS_P_DSTAR, $2, NULL, NULL, &@$); }
  | POW NAME ':' test              { $$ = ps_param(P, PS_P_DSTAR, $2, $4, NULL, &@$); }
  | POW NAME '=' test              { $$ = ps_param(P, PS_P_DSTAR, $2, NULL, $4, &@$); }
  | '/'                            { $$ = ps_param(P, PS_P_SLASH, NULL, NULL, NULL, &@$); }
  ;

classdef:
    CLASS NAME ':' suite           { $$ = MK(N_CLASSDEF, @$); $$->str = $2->str; $$->body = *$4; }
  | CLASS NAME '(' ')' ':' suite   { $$ = MK(N_CLASSDEF, @$); $$->str = $2->str; $$->body = *$6; }
  | CLASS NAME '(' arglist ')' ':' suite {
        $$ = MK(N_CLASSDEF, @$); $$->str = $2->str; $$->body = *$7;
        CHK(ps_call_args(P, $$, $4));
    }
  | CLASS NAME '(' arglist ',' ')' ':' suite {
        $$ = MK(N_CLASSDEF, @$); $$->str = $2->str; $$->body = *$8;
        CHK(ps_call_args(P, $$, $4));
    }
  ;

/* ---- expressions ---- */

namedexpr_test:
    test
  | test COLONEQ test              { $$ = MK(N_NAMEDEXPR, @$); $$->b = $3;
                                     CHK($$->a = ps_walrus_target(P, $1)); }
  ;

test:
    or_test
  | or_test IF or_test ELSE test   { $$ = MK(N_IFEXP, @$); $$->a = $3; $$->b = $1; $$->c = $5; }
  | lambdef
  ;

test_opt: %empty { $$ = NULL; } | test ;

lambdef:
    LAMBDA lparams ':' test        { $$ = MK(N_LAMBDA, @$); $$->b = $4;
                                     CHK($$->a = ps_arguments(P, $2, &@1)); }
  ;

lparams:
    %empty                         { $$ = ps_newlist(P); }
  | lparam_list                    { $$ = $1; }
  | lparam_list ','                { $$ = $1; }
  ;

lparam_list:
    lparam                         { $$ = ps_list1(P, $1); }
  | lparam_list ',' lparam         { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

lparam:
    NAME                           { $$ = ps_param(P, PS_P_PLAIN, $1, NULL, NULL, &@$); }
  | NAME '=' test                  { $$ = ps_param(P, PS_P_PLAIN, $1, NULL, $3, &@$); }
  | '*'                            { $$ = ps_param(P, PS_P_BARESTAR, NULL, NULL, NULL, &@$); }
  | '*' NAME                       { $$ = ps_param(P, PS_P_STAR, $2, NULL, NULL, &@$); }
  | POW NAME                       { $$ = ps_param(P, PS_P_DSTAR, $2, NULL, NULL, &@$); }
  | '/'                            { $$ = ps_param(P, PS_P_SLASH, NULL, NULL, NULL, &@$); }
  ;

or_test:
    and_test
  | or_list                        { $$ = $1; $$->end_line = @$.last_line; $$->end_col = @$.last_column; }
  ;

or_list:
    and_test OR and_test           { $$ = MK(N_BOOLOP, @$); $$->ival = 1;
                                     ps_list_push(P->arena, &$$->values, $1);
                                     ps_list_push(P->arena, &$$->values, $3); }
  | or_list OR and_test            { $$ = $1; ps_list_push(P->arena, &$$->values, $3); }
  ;

and_test:
    not_test
  | and_list                       { $$ = $1; $$->end_line = @$.last_line; $$->end_col = @$.last_column; }
  ;

and_list:
    not_test AND not_test          { $$ = MK(N_BOOLOP, @$); $$->ival = 0;
                                     ps_list_push(P->arena, &$$->values, $1);
                                     ps_list_push(P->arena, &$$->values, $3); }
  | and_list AND not_test          { $$ = $1; ps_list_push(P->arena, &$$->values, $3); }
  ;

not_test:
    NOT not_test                   { $$ = MK(N_UNARYOP, @$); $$->ival = 3; $$->a = $2; }
  | comparison
  ;

comparison:
    expr
  | comp_chain                     { $$ = $1; $$->end_line = @$.last_line; $$->end_col = @$.last_column;
                                     $$->len = 0; }
  ;

comp_chain:
    expr comp_op expr              { $$ = MK(N_COMPARE, @$); $$->a = $1; ps_compare_add(P, $$, $2, $3); }
  | comp_chain comp_op expr        { $$ = $1; ps_compare_add(P, $$, $2, $3); }
  ;

comp_op:
    '<'         { $$ = OU_LT; }
  | '>'         { $$ = OU_GT; }
  | EQ          { $$ = OU_EQ; }
  | GE          { $$ = OU_GE; }
  | LE          { $$ = OU_LE; }
  | NE          { $$ = OU_NE; }
  | IN          { $$ = 8; }
  | NOT IN      { $$ = 9; }
  | IS          { $$ = 6; }
  | IS NOT      { $$ = 7; }
  ;

star_expr: '*' expr                { $$ = MK(N_STARRED, @$); $$->a = $2; } ;

expr:
    xor_expr
  | expr '|' xor_expr              { $$ = ps_binop(P, OU_BIN_OR, $1, $3, &@$); }
  ;
xor_expr:
    and_expr
  | xor_expr '^' and_expr          { $$ = ps_binop(P, OU_BIN_XOR, $1, $3, &@$); }
  ;
and_expr:
    shift_expr
  | and_expr '&' shift_expr        { $$ = ps_binop(P, OU_BIN_AND, $1, $3, &@$); }
  ;
shift_expr:
    arith
  | shift_expr LSHIFT arith        { $$ = ps_binop(P, OU_BIN_LSHIFT, $1, $3, &@$); }
  | shift_expr RSHIFT arith        { $$ = ps_binop(P, OU_BIN_RSHIFT, $1, $3, &@$); }
  ;
arith:
    term
  | arith '+' term                 { $$ = ps_binop(P, OU_BIN_ADD, $1, $3, &@$); }
  | arith '-' term                 { $$ = ps_binop(P, OU_BIN_SUB, $1, $3, &@$); }
  ;
term:
    factor
  | term '*' factor                { $$ = ps_binop(P, OU_BIN_MUL, $1, $3, &@$); }
  | term '/' factor                { $$ = ps_binop(P, OU_BIN_TRUEDIV, $1, $3, &@$); }
  | term DSLASH factor             { $$ = ps_binop(P, OU_BIN_FLOORDIV, $1, $3, &@$); }
  | term '%' factor                { $$ = ps_binop(P, OU_BIN_MOD, $1, $3, &@$); }
  | term '@' factor                { $$ = ps_binop(P, OU_BIN_MATMUL, $1, $3, &@$); }
  ;
factor:
    '+' factor                     { $$ = MK(N_UNARYOP, @$); $$->ival = OU_UN_POS; $$->a = $2; }
  | '-' factor                     { $$ = MK(N_UNARYOP, @$); $$->ival = OU_UN_NEG; $$->a = $2; }
  | '~' factor                     { $$ = MK(N_UNARYOP, @$); $$->ival = OU_UN_INVERT; $$->a = $2; }
  | power
  ;
power:
    atom_expr
  | atom_expr POW factor           { $$ = ps_binop(P, OU_BIN_POW, $1, $3, &@$); }
  ;

atom_expr:
    atom
  | atom_expr '(' ')'              { $$ = MK(N_CALL, @$); $$->a = $1; }
  | atom_expr '(' arglist ')'      { $$ = MK(N_CALL, @$); $$->a = $1; CHK(ps_call_args(P, $$, $3));
                                     ps_genexp_arg(P, $$, &@2, &@4); }
  | atom_expr '(' arglist ',' ')'  { $$ = MK(N_CALL, @$); $$->a = $1; CHK(ps_call_args(P, $$, $3)); }
  | atom_expr '[' subscripts ']'   { $$ = MK(N_SUBSCRIPT, @$); $$->a = $1; $$->b = $3; }
  | atom_expr '.' NAME             { $$ = MK(N_ATTRIBUTE, @$); $$->a = $1; $$->str = $3->str; }
  ;

subscripts:
    subscript
  | subs_c                         { $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  | subs_c subscript               { ps_list_push(P->arena, $1, $2); $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  ;

subs_c:
    subscript ','                  { $$ = ps_list1(P, $1); }
  | subs_c subscript ','           { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

subscript:
    namedexpr_test
  | star_expr
  | test_opt ':' test_opt          { $$ = MK(N_SLICE, @$); $$->a = $1; $$->b = $3; }
  | test_opt ':' test_opt ':' test_opt { $$ = MK(N_SLICE, @$); $$->a = $1; $$->b = $3; $$->c = $5; }
  ;

atom:
    NAME
  | NUMBER
  | strings
  | ELLIPSIS                       { $$ = MK(N_CONST, @$); $$->ckind = K_ELLIPSIS; }
  | NONE                           { $$ = MK(N_CONST, @$); $$->ckind = K_NONE; }
  | TRUE                           { $$ = MK(N_CONST, @$); $$->ckind = K_TRUE; }
  | FALSE                          { $$ = MK(N_CONST, @$); $$->ckind = K_FALSE; }
  | '(' ')'                        { $$ = MK(N_TUPLE, @$); }
  | '(' yield_expr ')'             { $$ = $2; }
  | '(' pelem ')' {
        $$ = $2;
        if ($$->kind == N_STARRED) {
            ps_error_at(P, 0, $$->line, $$->col, "cannot use starred expression here");
            YYABORT;
        }
    }
  | '(' pitems_c ')'               { $$ = ps_seq(P, N_TUPLE, $2, &@$); }
  | '(' pitems_c pelem ')'         { ps_list_push(P->arena, $2, $3); $$ = ps_seq(P, N_TUPLE, $2, &@$); }
  | '(' namedexpr_test comp_fors ')' { $$ = MK(N_GENEXP, @$); $$->a = $2; $$->generators = *$3; }
  | '[' ']'                        { $$ = MK(N_LIST, @$); }
  | '[' litems ']'                 { $$ = ps_seq(P, N_LIST, $2, &@$); }
  | '[' litems ',' ']'             { $$ = ps_seq(P, N_LIST, $2, &@$); }
  | '[' namedexpr_test comp_fors ']' { $$ = MK(N_LISTCOMP, @$); $$->a = $2; $$->generators = *$3; }
  | '{' '}'                        { $$ = MK(N_DICT, @$); }
  | '{' dict_items '}'             { $$ = ps_dict(P, $2, &@$); }
  | '{' dict_items ',' '}'         { $$ = ps_dict(P, $2, &@$); }
  | '{' set_items '}'              { $$ = ps_seq(P, N_SET, $2, &@$); }
  | '{' set_items ',' '}'          { $$ = ps_seq(P, N_SET, $2, &@$); }
  | '{' test ':' test comp_fors '}' {
        $$ = MK(N_DICTCOMP, @$); $$->a = $2; $$->b = $4; $$->generators = *$5;
    }
  | '{' namedexpr_test comp_fors '}' { $$ = MK(N_SETCOMP, @$); $$->a = $2; $$->generators = *$3; }
  ;

strings: strchain                  { CHK($$ = ps_strings(P, $1)); } ;

strchain:
    STRING                         { $$ = $1; $$->last = $1; }
  | strchain STRING                { $$ = $1; $$->last->next = $2; $$->last = $2; }
  ;

/* Elements of parenthesized and statement-level sequences. */
pelem: namedexpr_test | star_expr ;
selem: test | star_expr ;
xelem: expr | star_expr ;

pitems_c:
    pelem ','                      { $$ = ps_list1(P, $1); }
  | pitems_c pelem ','             { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

litems:
    pelem                          { $$ = ps_list1(P, $1); }
  | litems ',' pelem               { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

set_items:
    pelem                          { $$ = ps_list1(P, $1); }
  | set_items ',' pelem            { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

dict_items:
    ditem                          { $$ = ps_list1(P, $1); }
  | dict_items ',' ditem           { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

/* A key/value pair as an N_KEYWORD-shaped temporary: b = key (NULL for **), a = value. */
ditem:
    test ':' test                  { $$ = MK(N_KEYWORD, @$); $$->b = $1; $$->a = $3; }
  | POW expr                       { $$ = MK(N_KEYWORD, @$); $$->a = $2; }
  ;

testlist_star_expr:
    selem
  | sitems_c                       { $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  | sitems_c selem                 { ps_list_push(P->arena, $1, $2); $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  ;

sitems_c:
    selem ','                      { $$ = ps_list1(P, $1); }
  | sitems_c selem ','             { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

exprlist:
    xelem
  | xitems_c                       { $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  | xitems_c xelem                 { ps_list_push(P->arena, $1, $2); $$ = ps_seq(P, N_TUPLE, $1, &@$); }
  ;

xitems_c:
    xelem ','                      { $$ = ps_list1(P, $1); }
  | xitems_c xelem ','             { $$ = $1; ps_list_push(P->arena, $$, $2); }
  ;

yield_expr:
    YIELD                          { $$ = MK(N_YIELD, @$); }
  | YIELD testlist_star_expr       { $$ = MK(N_YIELD, @$); $$->a = $2; }
  | YIELD FROM test                { $$ = MK(N_YIELD_FROM, @$); $$->a = $3; }
  ;

/* Call arguments, checked and split into args/keywords by ps_call_args. A bare generator
 * argument is marked (ival = 1) so that it can be required to be the only argument. */
arglist:
    arg                            { $$ = ps_list1(P, $1); }
  | arglist ',' arg                { $$ = $1; ps_list_push(P->arena, $$, $3); }
  ;

arg:
    namedexpr_test
  | test comp_fors                 { $$ = MK(N_GENEXP, @$); $$->a = $1; $$->generators = *$2; $$->ival = 1; }
  | test '=' test                  { $$ = MK(N_KEYWORD, @$); $$->a = $3; CHK($$->str = ps_kwname(P, $1, &@1)); }
  | '*' test                       { $$ = MK(N_STARRED, @$); $$->a = $2; }
  | POW test                       { $$ = MK(N_KEYWORD, @$); $$->a = $2; }
  ;

comp_fors:
    comp_for                       { $$ = ps_list1(P, $1); }
  | comp_fors comp_for             { $$ = $1; ps_list_push(P->arena, $$, $2); }
  | comp_fors comp_if              { $$ = $1; ps_list_push(P->arena, &$$->items[$$->n - 1]->ifs, $2); }
  ;

comp_for:
    FOR exprlist IN or_test        { $$ = MK(N_COMPREHENSION, @$); $$->b = $4;
                                     CHK($$->a = ps_target(P, $2, PS_T_PLAIN)); }
  ;

comp_if: IF or_test                { $$ = $2; } ;

%%

/* Bison's own messages reach here only for stack exhaustion. */
void ps_yyerror(PS_YYLTYPE *loc, PsParser *P, const char *msg)
{
    ps_error_at(P, 0, loc->first_line, loc->first_column, "too many nested parentheses");
}

/* Chooses CPython's wording for a parse error from the lookahead and the expected tokens
 * (exact thanks to LAC), then lets parser.c fill in the message. */
static int yyreport_syntax_error(const yypcontext_t *ctx, PsParser *P)
{
    yysymbol_kind_t exp[64];
    int n = yypcontext_expected_tokens(ctx, exp, 64);
    const PS_YYLTYPE *loc = yypcontext_location(ctx);
    yysymbol_kind_t la = yypcontext_token(ctx);
    PsErrCtx e = {0};
    for (int i = 0; i < n; i++) {
        if (exp[i] == YYSYMBOL_INDENT) e.want_indent = true;
        if (exp[i] == YYTRANSLATE(':')) e.want_colon = true;
        if (exp[i] == YYSYMBOL_EXCEPT) e.want_except = true;
        if (exp[i] == YYSYMBOL_ELSE) e.want_else = true;
    }
    e.only_lpar = n == 1 && exp[0] == YYTRANSLATE('(');
    e.la_eof = la == YYSYMBOL_YYEOF;
    e.la_indent = la == YYSYMBOL_INDENT;
    e.la_dedent = la == YYSYMBOL_DEDENT;
    e.la_newline = la == YYSYMBOL_NEWLINE;
    e.la_lexerror = la == YYSYMBOL_LEXERROR;
    e.line = loc->first_line;
    e.col = loc->first_column;
    e.end_line = loc->last_line;
    e.end_col = loc->last_column;
    ps_syntax_error(P, &e);
    return 0;
}
