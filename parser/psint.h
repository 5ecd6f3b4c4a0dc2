/* psint.h: private declarations shared by the lexer (lexer/), the grammar actions
 * (parser/grammar.y) and the parser driver (parser/parser.c). Not part of any public interface:
 * the compiler sees only ast.h.
 */
#ifndef OU_PSINT_H
#define OU_PSINT_H

#include <stdbool.h>
#include <stddef.h>
#include "ast.h"

/* Prefix flags of a string literal token. */
enum { PS_STR_RAW = 1, PS_STR_BYTES = 2, PS_STR_F = 4 };

/* One string literal token as scanned: the body is left undecoded so that an f-string's
 * replacement fields can be found in the raw text before escapes are processed. Adjacent
 * literals are chained through `next` by the grammar and concatenated when the chain ends. */
typedef struct PsStrTok {
    const char *body;          /* raw text between the quotes (points into the source copy) */
    size_t len;                /* bytes of body */
    int flags;                 /* PS_STR_* */
    int line, col;             /* position of the token's first character (prefix included) */
    int body_line, body_col;   /* position of the first body character */
    int end_line, end_col;     /* position just past the closing quote */
    struct PsStrTok *next, *last; /* chain of adjacent literals; `last` valid on the head */
} PsStrTok;

/* Kinds of parameter items collected before PsArgs is built (kept in an N_ARG's ival). */
enum { PS_P_PLAIN, PS_P_STAR, PS_P_DSTAR, PS_P_SLASH, PS_P_BARESTAR };

/* Mode of a parse. PS_MODE_FSTRING parses the text of one f-string replacement field as if it
 * were wrapped in parentheses. */
enum { PS_MODE_EXEC, PS_MODE_EVAL, PS_MODE_SINGLE, PS_MODE_FSTRING };

struct LxState;

/* State shared by the grammar actions and the error reporter of one parse. */
typedef struct PsParser {
    PsArena *arena;
    struct LxState *lx;
    PsResult *res;
    int mode;
    int nstmts;                /* top-level statements seen (mode "single" accepts one) */
    int fdepth;                /* f-string nesting (a replacement field inside a spec ...) */
    bool failed;               /* an error is recorded in res; keep the first one */
    bool lexerr;               /* ... and it came from the lexer */
    bool comma_hint;           /* ... and it was "Perhaps you forgot a comma?" */
    int la_line, la_col;       /* position of the lookahead token at a parse error */
    bool b_scan;               /* the error was an operand right after an operand */
    PsNode *module;
} PsParser;

/* Records a SyntaxError (kind 0), IndentationError (1) or TabError (2) at line/col (col 0-based
 * in code points; stored 1-based). The first error wins: returns whether this one was recorded.
 * Defined in parser.c. */
bool ps_error_at(PsParser *P, int kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Widens the error just recorded (when ps_error_at returned true) to end at end_line/end_col
 * (0-based, exclusive), for CPython's end_offset. */
void ps_error_end(PsParser *P, int end_line, int end_col);

/* Parses a chain of adjacent string literals into an N_CONST (str/bytes) or N_FSTRING node.
 * NULL on error (recorded in P). Defined in parser.c. */
PsNode *ps_strings(PsParser *P, PsStrTok *chain);

/* Runs the parser over src in the given mode, positions shifted so that the first character
 * is at (line, col). Used for the top-level parse and for f-string fields. */
PsNode *ps_parse_sub(PsParser *P, const char *src, size_t len, int mode, int line, int col);

#endif
