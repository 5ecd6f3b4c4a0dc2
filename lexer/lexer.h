/* lexer.h: the tokenizer of Ouro (prefix lx_).
 *
 * A re2c scanner (lexer.re) cuts the UTF-8 source into raw tokens; a thin wrapper around it
 * (lx_next) turns physical lines into Python's logical token stream: it keeps the indentation
 * stack and emits INDENT/DEDENT, drops NEWLINE inside brackets (implicit line joining) and on
 * blank or comment-only lines, joins backslash-continued lines, and at end of input emits the
 * missing NEWLINE and the closing DEDENTs. Tokens are the Bison token kinds of grammar.y, and
 * semantic values are built directly in the parse's arena.
 *
 * Positions: lines are 1-based, columns 0-based in code points from the start of the physical
 * line (ast.h's convention). Errors are recorded through ps_error_at and the token LEXERROR is
 * returned; the grammar never accepts it, so the parse stops with the lexer's message.
 */
#ifndef OU_LEXER_H
#define OU_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include "ouroconf.h"
#include "ast.h"
#include "psint.h"
#include "grammar.tab.h"

typedef struct LxState {
    PsParser *P;
    const char *src, *end;     /* NUL-terminated source; *end == '\0' and no NUL before it */
    const char *cur;           /* scan position */
    const char *tok;           /* start of the token being scanned */
    const char *line_start;    /* first byte of the current physical line */
    int line;                  /* current physical line, 1-based (after the shift below) */
    int line0, col0;           /* position of src[0] (f-string fields start mid-line) */
    /* Column cache: colpos is a byte in the current line whose column is colval, so that
     * computing the column of a later token costs only the bytes in between. */
    const char *colpos;
    int colval;

    int mode;                  /* PS_MODE_* */
    bool started;              /* the mode's start token has been emitted */
    bool at_bol;               /* next token begins a logical line: measure its indentation */
    bool eof;                  /* the end of input has been scanned */
    bool done;                 /* ENDMARKER has been returned */
    bool any;                  /* a token has been emitted on the current logical line */
    bool fs_open, fs_closed;   /* f-string mode: the synthetic '(' / ')' have been emitted */
    bool probe;                /* a look-ahead copy (see with_lpar): errors are not recorded */
    bool probe_failed;         /* ... and this says one happened */
    bool unclosed;             /* the input ended inside brackets */
    int tok_line, tok_col;     /* start of the token being scanned */
    int pending;               /* > 0: INDENTs to emit; < 0: DEDENTs to emit */

    /* Indentation stack: ind[0] == 0; col counts a tab as up to the next multiple of 8, alt
     * counts it as 1. The two must order lines the same way, else TabError (CPython's rule). */
    int ind[OU_MAX_INDENT + 1], alt[OU_MAX_INDENT + 1];
    int nind;                  /* index of the top of the stack */

    /* Open brackets, innermost last. elem_* is where the current element inside each bracket
     * level began (for "Perhaps you forgot a comma?"); level 0 is outside any bracket. */
    int depth;
    char br[OU_MAX_NESTING + 1];
    int br_line[OU_MAX_NESTING + 1], br_col[OU_MAX_NESTING + 1];
    int elem_line[OU_MAX_NESTING + 2], elem_col[OU_MAX_NESTING + 2];

    int last_tok, prev_tok, pprev_tok; /* kinds of the last three tokens returned (0: none) */
    int last_line, last_col, last_end_line, last_end_col; /* its position */
    int prev_line, prev_col;   /* position of the token before */
    int if_line, if_col;       /* start of the element holding the last `if` (for a missing else) */
    const char *last_name, *prev_name; /* identifiers of those two tokens when names */
    /* Compound-statement header of the current and of the previous logical line, for
     * "expected an indented block after 'if' statement on line N". hdr is the keyword token. */
    int hdr_cur, hdr_cur_line, hdr_prev, hdr_prev_line;
    bool hdr_colon, hdr_prev_colon; /* a ':' outside brackets was seen on that line */
    int nl_line, nl_col;       /* position of the last NEWLINE token */
} LxState;

/* Prepares to scan src[0..len) (NUL-terminated at src[len], no NUL inside) in `mode`. */
void lx_init(LxState *lx, PsParser *P, const char *src, size_t len, int mode, int line, int col);

/* Returns the next token kind and fills *val / *loc. After an error returns LEXERROR. */
int lx_next(LxState *lx, PS_YYSTYPE *val, PS_YYLTYPE *loc);

/* Column (code points) of byte p of the current line. */
int lx_col(LxState *lx, const char *p);

/* The text of physical line `line` of the source (arena copy, without the line break), or NULL. */
char *lx_line_text(LxState *lx, int line);

/* Checks that src[0..len) is valid UTF-8 without NUL bytes. Returns -1 and the offset of the
 * first bad byte in *bad otherwise. */
int lx_check_utf8(const char *src, size_t len, size_t *bad);

#endif
