/* lexer.re: Ouro's tokenizer (re2c scanner + indentation wrapper); see lexer.h.
 *
 * The source handed to the lexer has been checked to be valid UTF-8 without NUL bytes and has
 * its line breaks normalized to '\n' (parser.c does both), so the scanner uses the final NUL as
 * its only end-of-input sentinel and never needs a fill callback.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ouro.h"
#include "lexer.h"

/*!include:re2c "uniident.re" */

/* Raw scanner results besides Bison token kinds. */
enum { RAW_NEWLINE = -1, RAW_EOF = -2, RAW_ERROR = -3 };

static void lx_error(LxState *lx, int kind, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Errors found while probing ahead (see with_lpar) are not errors of the parse. */
static void lx_error(LxState *lx, int kind, int line, int col, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    if (lx->probe) {
        lx->probe_failed = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (!lx->P->failed)
        lx->P->lexerr = true;
    ps_error_at(lx->P, kind, line, col, "%s", buf);
}

static void set_incomplete(LxState *lx)
{
    if (!lx->probe)
        lx->P->res->incomplete = true;
}

int lx_col(LxState *lx, const char *p)
{
    if (lx->colpos > p || lx->colpos < lx->line_start) {
        lx->colpos = lx->line_start;
        lx->colval = lx->line == lx->line0 ? lx->col0 : 0;
    }
    int c = lx->colval;
    for (const char *q = lx->colpos; q < p; q++)
        c += ((unsigned char)*q & 0xC0) != 0x80;
    lx->colpos = p;
    lx->colval = c;
    return c;
}

static void newline_at(LxState *lx, const char *after)
{
    lx->line++;
    lx->line_start = after;
    lx->colpos = after;
    lx->colval = 0;
}

void lx_init(LxState *lx, PsParser *P, const char *src, size_t len, int mode, int line, int col)
{
    memset(lx, 0, offsetof(LxState, ind));
    lx->P = P;
    lx->src = lx->cur = lx->line_start = lx->colpos = src;
    lx->end = src + len;
    lx->line = lx->line0 = line;
    lx->col0 = lx->colval = col;
    lx->mode = mode;
    lx->at_bol = true;
    lx->ind[0] = lx->alt[0] = 0;
    lx->nind = 0;
    lx->depth = 0;
    /* The token history and everything after it start cleared too (only the big indentation
     * and bracket arrays in between are left unset: they are written before being read). */
    memset(&lx->last_tok, 0, sizeof *lx - offsetof(LxState, last_tok));
}

int lx_check_utf8(const char *src, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c >= 0x01 && c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c == 0) {
            *bad = i;
            return -1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1; cp = c & 0x1F; min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2; cp = c & 0x0F; min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3; cp = c & 0x07; min = 0x10000;
        } else {
            *bad = i;
            return -1;
        }
        if (i + n >= len + 1 || len - i - 1 < n) {
            *bad = i;
            return -1;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = i;
                return -1;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *bad = i;
            return -1;
        }
        i += n + 1;
    }
    return 0;
}

char *lx_line_text(LxState *lx, int line)
{
    const char *p = lx->src;
    int l = lx->line0;
    while (l < line && p < lx->end) {
        const char *nl = memchr(p, '\n', (size_t)(lx->end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
        l++;
    }
    if (l != line)
        return NULL;
    const char *e = memchr(p, '\n', (size_t)(lx->end - p));
    if (!e)
        e = lx->end;
    return ps_strdup(lx->P->arena, p, (size_t)(e - p));
}

/* Decodes the code point at p (valid UTF-8). */
static uint32_t utf8_at(const char *p, int *n)
{
    const unsigned char *s = (const unsigned char *)p;
    if (s[0] < 0x80) { *n = 1; return s[0]; }
    if (s[0] < 0xE0) { *n = 2; return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu); }
    if (s[0] < 0xF0) {
        *n = 3;
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    }
    *n = 4;
    return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
}

/* ---- numbers ---- */

/* Converts digits (no underscores) in `base` to a decimal string, for literals beyond int64. */
static char *to_decimal(LxState *lx, const char *digits, size_t n, int base)
{
    /* Little-endian limbs of 10^9; each input digit multiplies and adds in place. */
    size_t cap = n / 2 + 2, used = 1;
    uint32_t *limb = calloc(cap, sizeof *limb);
    if (!limb)
        abort();
    for (size_t i = 0; i < n; i++) {
        int d = digits[i] <= '9' ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10;
        uint64_t carry = (uint64_t)d;
        for (size_t k = 0; k < used; k++) {
            uint64_t v = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limb[used++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    char *out = ps_alloc(lx->P->arena, used * 9 + 2);
    char *o = out + sprintf(out, "%u", limb[used - 1]);
    for (size_t k = used - 1; k-- > 0;)
        o += sprintf(o, "%09u", limb[k]);
    free(limb);
    return out;
}

/* Builds the N_CONST of an integer literal text [s, e) (prefix included, underscores allowed). */
static PsNode *make_int(LxState *lx, const char *s, const char *e, int base, int line, int col)
{
    PsNode *n = ps_node(lx->P->arena, N_CONST, line, col);
    if (base != 10)
        s += 2;
    size_t len = (size_t)(e - s);
    char small[64];
    char *digits = len < sizeof small ? small : ps_alloc(lx->P->arena, len + 1);
    size_t nd = 0;
    for (const char *p = s; p < e; p++)
        if (*p != '_')
            digits[nd++] = *p;
    digits[nd] = 0;
    uint64_t v = 0;
    bool over = false;
    for (size_t i = 0; i < nd; i++) {
        int d = digits[i] <= '9' ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
            over = true;
            break;
        }
        v = v * (uint64_t)base + (uint64_t)d;
    }
    if (!over && v <= (uint64_t)INT64_MAX) {
        n->ckind = K_INT;
        n->ival = (int64_t)v;
    } else {
        n->ckind = K_BIGINT;
        if (base == 10) {
            size_t k = 0;
            while (k + 1 < nd && digits[k] == '0')
                k++;
            n->str = ps_strdup(lx->P->arena, digits + k, nd - k);
        } else {
            n->str = to_decimal(lx, digits, nd, base);
        }
        n->len = strlen(n->str);
    }
    return n;
}

static PsNode *make_float(LxState *lx, const char *s, const char *e, bool imag, int line, int col)
{
    PsNode *n = ps_node(lx->P->arena, N_CONST, line, col);
    size_t len = (size_t)(e - s);
    char small[128];
    char *buf = len < sizeof small ? small : ps_alloc(lx->P->arena, len + 1);
    size_t k = 0;
    for (const char *p = s; p < e; p++)
        if (*p != '_' && *p != 'j' && *p != 'J')
            buf[k++] = *p;
    buf[k] = 0;
    n->ckind = imag ? K_IMAG : K_FLOAT;
    n->fval = strtod(buf, NULL);
    return n;
}

static bool is_id_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
           || c >= 0x80;
}

/* After a decimal literal, a letter may only begin one of these keywords (CPython lets
 * `1if x else y` through). */
static bool keyword_follows(const char *p)
{
    static const char *const kw[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (strncmp(p, kw[i], strlen(kw[i])) == 0)
            return true;
    return false;
}

/* Checks what follows a number literal. kind: 'd' decimal/float, 'x', 'o', 'b'. */
static bool number_end_ok(LxState *lx, const char *p, char kind)
{
    unsigned char c = (unsigned char)*p;
    static const char *const names[] = {"decimal", "hexadecimal", "octal", "binary"};
    int ki = kind == 'd' ? 0 : kind == 'x' ? 1 : kind == 'o' ? 2 : 3;
    if (!is_id_byte(c))
        return true;
    if ((kind == 'o' && c >= '8' && c <= '9') || (kind == 'b' && c >= '2' && c <= '9')) {
        lx_error(lx, 0, lx->line, lx_col(lx, p), "invalid digit '%c' in %s literal", c, names[ki]);
        return false;
    }
    if (c == '_') {
        lx_error(lx, 0, lx->line, lx_col(lx, p), "invalid %s literal", names[ki]);
        return false;
    }
    if (keyword_follows(p))
        return true;
    lx_error(lx, 0, lx->line, lx_col(lx, p) - 1, "invalid %s literal", names[ki]);
    return false;
}

/* ---- strings ---- */

/* Scans the body of a string literal whose opening quote(s) end at p. */
static int scan_string(LxState *lx, PS_YYSTYPE *val, const char *p, int line, int col)
{
    const char *tok = lx->tok;
    int flags = 0;
    char q = p[-1];
    bool triple = p - tok >= 3 && p[-2] == q && p[-3] == q;
    const char *pfx_end = p - (triple ? 3 : 1);
    for (const char *s = tok; s < pfx_end; s++) {
        char c = (char)(*s | 0x20);
        flags |= c == 'r' ? PS_STR_RAW : c == 'b' ? PS_STR_BYTES : c == 'f' ? PS_STR_F : 0;
    }
    PsStrTok *st = ps_alloc(lx->P->arena, sizeof *st);
    st->flags = flags;
    st->line = line;
    st->col = col;
    st->body = p;
    st->body_line = lx->line;
    st->body_col = lx_col(lx, p);
    for (;;) {
        char c = *p;
        if (c == 0 && p == lx->end) {
            if (triple) {
                set_incomplete(lx);
                lx_error(lx, 0, line, col,
                         "unterminated triple-quoted string literal (detected at line %d)",
                         lx->line - (p > lx->src && p[-1] == '\n'));
            } else {
                lx_error(lx, 0, line, col, "unterminated string literal (detected at line %d)",
                         lx->line);
            }
            return RAW_ERROR;
        }
        if (c == '\\') {
            if (p[1] == 0 && p + 1 == lx->end) {
                p++;
                continue;
            }
            if (p[1] == '\n')
                newline_at(lx, p + 2);
            p += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                lx_error(lx, 0, line, col, "unterminated string literal (detected at line %d)",
                         lx->line);
                return RAW_ERROR;
            }
            newline_at(lx, p + 1);
            p++;
            continue;
        }
        if (c == q && (!triple || (p[1] == q && p[2] == q))) {
            st->len = (size_t)(p - st->body);
            lx->cur = p + (triple ? 3 : 1);
            st->end_line = lx->line;
            st->end_col = lx_col(lx, lx->cur);
            break;
        }
        p++;
    }
    val->s = st;
    return T_STRING;
}

/* ---- the scanner ---- */

/* Scans one raw token starting at lx->cur; sets lx->tok, lx->tok_line/tok_col. */
static int scan(LxState *lx, PS_YYSTYPE *val)
{
    const unsigned char *YYCURSOR, *YYMARKER;
    for (;;) {
        lx->tok = lx->cur;
        lx->tok_line = lx->line;
        lx->tok_col = lx_col(lx, lx->cur);
        YYCURSOR = (const unsigned char *)lx->cur;
        int line = lx->tok_line, col = lx->tok_col;
#define TOK(t) do { lx->cur = (const char *)YYCURSOR; return (t); } while (0)
#define AUG(o) do { val->op = (o); TOK(T_AUGASSIGN); } while (0)
        /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;

        id_start = [a-zA-Z_] | id_start_u;
        id_cont = [a-zA-Z0-9_] | id_cont_u;
        digitpart = [0-9] ("_"? [0-9])*;
        dec = [1-9] ("_"? [0-9])* | "0" ("_"? "0")*;
        exponent = [eE] [+-]? digitpart;
        pointfloat = digitpart? "." digitpart | digitpart ".";
        float = pointfloat | (digitpart | pointfloat) exponent;
        strprefix = [rRbBfFuU] | [rR][bBfF] | [bBfF][rR];

        [ \t\f]+                  { lx->cur = (const char *)YYCURSOR; continue; }
        "#" [^\n\x00]*            { lx->cur = (const char *)YYCURSOR; continue; }
        "\\\n" {
            if ((const char *)YYCURSOR == lx->end) {
                set_incomplete(lx);
                lx_error(lx, 0, line, col + 1, "unexpected EOF while parsing");
                return RAW_ERROR;
            }
            lx->cur = (const char *)YYCURSOR;
            newline_at(lx, lx->cur);
            continue;
        }
        "\\" {
            if (*YYCURSOR == 0 && (const char *)YYCURSOR == lx->end) {
                set_incomplete(lx);
                lx_error(lx, 0, line, col + 1, "unexpected EOF while parsing");
            } else {
                lx_error(lx, 0, line, col + 1,
                         "unexpected character after line continuation character");
            }
            return RAW_ERROR;
        }
        "\n"                      { TOK(RAW_NEWLINE); }
        "\x00" {
            lx->cur = (const char *)YYCURSOR - 1;
            return RAW_EOF;
        }

        "False"    { TOK(T_FALSE); }
        "None"     { TOK(T_NONE); }
        "True"     { TOK(T_TRUE); }
        "and"      { TOK(T_AND); }
        "as"       { TOK(T_AS); }
        "assert"   { TOK(T_ASSERT); }
        "async"    { TOK(T_ASYNC); }
        "await"    { TOK(T_AWAIT); }
        "break"    { TOK(T_BREAK); }
        "class"    { TOK(T_CLASS); }
        "continue" { TOK(T_CONTINUE); }
        "def"      { TOK(T_DEF); }
        "del"      { TOK(T_DEL); }
        "elif"     { TOK(T_ELIF); }
        "else"     { TOK(T_ELSE); }
        "except"   { TOK(T_EXCEPT); }
        "finally"  { TOK(T_FINALLY); }
        "for"      { TOK(T_FOR); }
        "from"     { TOK(T_FROM); }
        "global"   { TOK(T_GLOBAL); }
        "if"       { TOK(T_IF); }
        "import"   { TOK(T_IMPORT); }
        "in"       { TOK(T_IN); }
        "is"       { TOK(T_IS); }
        "lambda"   { TOK(T_LAMBDA); }
        "nonlocal" { TOK(T_NONLOCAL); }
        "not"      { TOK(T_NOT); }
        "or"       { TOK(T_OR); }
        "pass"     { TOK(T_PASS); }
        "raise"    { TOK(T_RAISE); }
        "return"   { TOK(T_RETURN); }
        "try"      { TOK(T_TRY); }
        "while"    { TOK(T_WHILE); }
        "with"     { TOK(T_WITH); }
        "yield"    { TOK(T_YIELD); }

        strprefix? ("'''" | "\"\"\"" | "'" | "\"") {
            return scan_string(lx, val, (const char *)YYCURSOR, line, col);
        }

        id_start id_cont* {
            PsNode *n = ps_node(lx->P->arena, N_NAME, line, col);
            n->str = ps_strdup(lx->P->arena, lx->tok, (size_t)((const char *)YYCURSOR - lx->tok));
            val->node = n;
            TOK(T_NAME);
        }

        dec {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'd'))
                return RAW_ERROR;
            val->node = make_int(lx, lx->tok, (const char *)YYCURSOR, 10, line, col);
            TOK(T_NUMBER);
        }
        "0" [xX] ("_"? [0-9a-fA-F])+ {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'x'))
                return RAW_ERROR;
            val->node = make_int(lx, lx->tok, (const char *)YYCURSOR, 16, line, col);
            TOK(T_NUMBER);
        }
        "0" [oO] ("_"? [0-7])+ {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'o'))
                return RAW_ERROR;
            val->node = make_int(lx, lx->tok, (const char *)YYCURSOR, 8, line, col);
            TOK(T_NUMBER);
        }
        "0" [bB] ("_"? [01])+ {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'b'))
                return RAW_ERROR;
            val->node = make_int(lx, lx->tok, (const char *)YYCURSOR, 2, line, col);
            TOK(T_NUMBER);
        }
        "0" [xXoObB] {
            char k = (char)(YYCURSOR[-1] | 0x20);
            const char *nm = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
            unsigned char c = *YYCURSOR;
            if (k != 'x' && c >= '0' && c <= '9')
                lx_error(lx, 0, line, col + 2, "invalid digit '%c' in %s literal", c, nm);
            else
                lx_error(lx, 0, line, col + 1, "invalid %s literal", nm);
            return RAW_ERROR;
        }
        "0" ("_"? [0-9])+ {
            lx_error(lx, 0, line, col,
                     "leading zeros in decimal integer literals are not permitted; "
                     "use an 0o prefix for octal integers");
            return RAW_ERROR;
        }
        float {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'd'))
                return RAW_ERROR;
            val->node = make_float(lx, lx->tok, (const char *)YYCURSOR, false, line, col);
            TOK(T_NUMBER);
        }
        (float | digitpart) [jJ] {
            if (!number_end_ok(lx, (const char *)YYCURSOR, 'd'))
                return RAW_ERROR;
            val->node = make_float(lx, lx->tok, (const char *)YYCURSOR, true, line, col);
            TOK(T_NUMBER);
        }

        "**="  { AUG(OU_BIN_POW); }
        "//="  { AUG(OU_BIN_FLOORDIV); }
        ">>="  { AUG(OU_BIN_RSHIFT); }
        "<<="  { AUG(OU_BIN_LSHIFT); }
        "+="   { AUG(OU_BIN_ADD); }
        "-="   { AUG(OU_BIN_SUB); }
        "*="   { AUG(OU_BIN_MUL); }
        "/="   { AUG(OU_BIN_TRUEDIV); }
        "%="   { AUG(OU_BIN_MOD); }
        "@="   { AUG(OU_BIN_MATMUL); }
        "&="   { AUG(OU_BIN_AND); }
        "|="   { AUG(OU_BIN_OR); }
        "^="   { AUG(OU_BIN_XOR); }
        "->"   { TOK(T_ARROW); }
        ":="   { TOK(T_COLONEQ); }
        "..."  { TOK(T_ELLIPSIS); }
        "**"   { TOK(T_POW); }
        "//"   { TOK(T_DSLASH); }
        "<<"   { TOK(T_LSHIFT); }
        ">>"   { TOK(T_RSHIFT); }
        "<="   { TOK(T_LE); }
        ">="   { TOK(T_GE); }
        "=="   { TOK(T_EQ); }
        "!="   { TOK(T_NE); }
        [-+*/%@&|^~<>()[\]{},:.;=] { TOK((int)YYCURSOR[-1]); }

        nonprint_u | [\x01-\x08\x0b-\x0c\x0e-\x1f\x7f] {
            int n;
            uint32_t cp = utf8_at(lx->tok, &n);
            lx_error(lx, 0, line, col, "invalid non-printable character U+%04X", (unsigned)cp);
            return RAW_ERROR;
        }
        [\x80-\U0010FFFF] {
            int n;
            uint32_t cp = utf8_at(lx->tok, &n);
            lx_error(lx, 0, line, col, "invalid character '%.*s' (U+%04X)", n, lx->tok,
                     (unsigned)cp);
            return RAW_ERROR;
        }
        * {
            /* $, ?, ` and a lone ! are tokens CPython's grammar rejects: "invalid syntax". */
            TOK(T_LEXERROR);
        }
        */
#undef TOK
#undef AUG
    }
}

/* ---- the indentation wrapper ---- */

/* At the start of a logical line outside brackets: measures the indentation, skips blank and
 * comment-only lines, and queues INDENT/DEDENT. Returns false on an indentation error. */
static bool measure_indent(LxState *lx)
{
    for (;;) {
        const char *p = lx->cur;
        int col = 0, alt = 0;
        for (;; p++) {
            if (*p == ' ') {
                col++;
                alt++;
            } else if (*p == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (*p == '\f') {
                col = alt = 0;
            } else {
                break;
            }
        }
        if (*p == '#') {
            while (*p && *p != '\n')
                p++;
        }
        if (*p == '\n') {
            lx->cur = p + 1;
            newline_at(lx, p + 1);
            continue;
        }
        lx->cur = p;
        lx->at_bol = false;
        if (*p == 0 && p == lx->end)
            return true; /* end of input: the EOF path closes the blocks */
        if (lx->mode == PS_MODE_EVAL || lx->mode == PS_MODE_FSTRING)
            return true;
        int top = lx->nind;
        if (col == lx->ind[top]) {
            if (alt != lx->alt[top])
                goto tab_error;
        } else if (col > lx->ind[top]) {
            if (top + 1 >= OU_MAX_INDENT) {
                lx_error(lx, 1, lx->line, 0, "too many levels of indentation");
                return false;
            }
            if (alt <= lx->alt[top])
                goto tab_error;
            lx->nind = top + 1;
            lx->ind[top + 1] = col;
            lx->alt[top + 1] = alt;
            lx->pending = 1;
        } else {
            while (lx->nind > 0 && col < lx->ind[lx->nind]) {
                lx->nind--;
                lx->pending--;
            }
            if (col != lx->ind[lx->nind]) {
                const char *e = p;
                while (*e && *e != '\n')
                    e++;
                lx_error(lx, 1, lx->line, lx_col(lx, e),
                         "unindent does not match any outer indentation level");
                return false;
            }
            if (alt != lx->alt[lx->nind])
                goto tab_error;
        }
        return true;
    tab_error:
        lx_error(lx, 2, lx->line, 0, "inconsistent use of tabs and spaces in indentation");
        return false;
    }
}

static int close_bracket(LxState *lx, char c)
{
    char open = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (lx->depth == 0) {
        lx_error(lx, 0, lx->tok_line, lx->tok_col, "unmatched '%c'", c);
        return -1;
    }
    char o = lx->br[lx->depth - 1];
    if (o != open) {
        if (lx->br_line[lx->depth - 1] != lx->tok_line)
            lx_error(lx, 0, lx->tok_line, lx->tok_col,
                     "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                     c, o, lx->br_line[lx->depth - 1]);
        else
            lx_error(lx, 0, lx->tok_line, lx->tok_col,
                     "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
        return -1;
    }
    lx->depth--;
    return 0;
}

static int next1(LxState *lx, PS_YYSTYPE *val, PS_YYLTYPE *loc);

/* After `with (`: is the matching ')' directly followed by ':'? Then the parentheses group
 * with-items (`with (a as b, c):`) rather than an expression. Probes on a copy of the state. */
static bool with_lpar(LxState *lx)
{
    LxState *c = malloc(sizeof *c);
    if (!c)
        abort();
    memcpy(c, lx, sizeof *c);
    c->probe = true;
    c->probe_failed = false;
    int want = lx->depth - 1, t;
    PS_YYSTYPE v;
    PS_YYLTYPE l;
    bool r = false;
    do {
        t = next1(c, &v, &l);
    } while (t != 0 && t != T_LEXERROR && !c->probe_failed && c->depth > want);
    if (t != 0 && t != T_LEXERROR && !c->probe_failed) {
        t = next1(c, &v, &l);
        r = t == ':';
    }
    free(c);
    return r;
}

static int next1(LxState *lx, PS_YYSTYPE *val, PS_YYLTYPE *loc)
{
    if (!lx->started) {
        lx->started = true;
        loc->first_line = loc->last_line = lx->line;
        loc->first_column = loc->last_column = lx->col0;
        return lx->mode == PS_MODE_EXEC ? T_START_EXEC : lx->mode == PS_MODE_EVAL ? T_START_EVAL
               : lx->mode == PS_MODE_SINGLE ? T_START_SINGLE : T_START_FSTRING;
    }
    if (lx->mode == PS_MODE_FSTRING && !lx->fs_open) {
        /* The field's text is parsed as if it were parenthesized. */
        lx->fs_open = true;
        loc->first_line = loc->last_line = lx->line;
        loc->first_column = loc->last_column = lx->col0;
        return '(';
    }
    for (;;) {
        if (lx->pending > 0) {
            lx->pending--;
            loc->first_line = loc->last_line = lx->line;
            loc->first_column = 0;
            loc->last_column = lx_col(lx, lx->cur);
            return T_INDENT;
        }
        if (lx->pending < 0) {
            lx->pending++;
            loc->first_line = loc->last_line = lx->line;
            loc->first_column = loc->last_column = lx_col(lx, lx->cur);
            return T_DEDENT;
        }
        if (lx->done) {
            loc->first_line = loc->last_line = lx->line;
            loc->first_column = loc->last_column = lx_col(lx, lx->cur);
            return 0;
        }
        if (lx->eof) {
            loc->first_line = loc->last_line = lx->line;
            loc->first_column = loc->last_column = lx_col(lx, lx->cur);
            if (lx->mode == PS_MODE_FSTRING && !lx->fs_closed) {
                lx->fs_closed = true;
                return ')';
            }
            if (lx->any) {
                lx->any = false;
                lx->nl_line = loc->first_line;
                lx->nl_col = loc->first_column;
                return T_NEWLINE;
            }
            if (lx->nind > 0) {
                lx->pending = -lx->nind;
                lx->nind = 0;
                continue;
            }
            lx->done = true;
            return 0;
        }
        if (lx->at_bol && lx->depth == 0) {
            if (!measure_indent(lx))
                return T_LEXERROR;
            continue;
        }
        int t = scan(lx, val);
        loc->first_line = lx->tok_line;
        loc->first_column = lx->tok_col;
        loc->last_line = lx->line;
        loc->last_column = lx_col(lx, lx->cur);
        switch (t) {
        case RAW_ERROR:
            return T_LEXERROR;
        case T_NAME:
        case T_NUMBER:
            val->node->end_line = loc->last_line;
            val->node->end_col = loc->last_column;
            lx->any = true;
            return t;
        case RAW_NEWLINE:
            newline_at(lx, lx->cur);
            if (lx->depth > 0 || lx->mode == PS_MODE_FSTRING)
                continue;
            lx->at_bol = true;
            if (!lx->any)
                continue;
            lx->any = false;
            loc->last_line = loc->first_line;
            loc->last_column = loc->first_column;
            lx->nl_line = loc->first_line;
            lx->nl_col = loc->first_column;
            return T_NEWLINE;
        case RAW_EOF:
            lx->eof = true;
            if (lx->depth > 0) {
                set_incomplete(lx);
                lx->unclosed = true;
                lx_error(lx, 0, lx->br_line[lx->depth - 1], lx->br_col[lx->depth - 1],
                         "'%c' was never closed", lx->br[lx->depth - 1]);
                return T_LEXERROR;
            }
            continue;
        case '(': case '[': case '{':
            if (lx->depth >= OU_MAX_NESTING) {
                lx_error(lx, 0, lx->tok_line, lx->tok_col, "too many nested parentheses");
                return T_LEXERROR;
            }
            lx->br[lx->depth] = (char)t;
            lx->br_line[lx->depth] = lx->tok_line;
            lx->br_col[lx->depth] = lx->tok_col;
            lx->depth++;
            lx->any = true;
            if (t == '(' && lx->last_tok == T_WITH && !lx->probe && with_lpar(lx))
                return T_WITH_LPAR;
            return t;
        case ')': case ']': case '}':
            if (close_bracket(lx, (char)t) < 0)
                return T_LEXERROR;
            lx->any = true;
            return t;
        default:
            lx->any = true;
            return t;
        }
    }
}

/* Tokens after which a new element (for "Perhaps you forgot a comma?") begins. */
static bool starts_element_after(int t)
{
    switch (t) {
    case 0: case '(': case '[': case '{': case ',': case '=': case ':': case ';':
    case T_COLONEQ: case T_ARROW: case T_AUGASSIGN: case T_IF: case T_ELSE: case T_FOR:
    case T_LAMBDA: case T_RETURN: case T_YIELD: case T_FROM: case T_IMPORT: case T_AS:
    case T_ASSERT: case T_DEL: case T_RAISE: case T_WHILE: case T_WITH: case T_ELIF:
    case T_EXCEPT: case T_GLOBAL: case T_NONLOCAL: case T_NEWLINE: case T_INDENT: case T_DEDENT:
    case T_WITH_LPAR: case T_START_EXEC: case T_START_EVAL: case T_START_SINGLE:
    case T_START_FSTRING:
        return true;
    default:
        return false;
    }
}

int lx_next(LxState *lx, PS_YYSTYPE *val, PS_YYLTYPE *loc)
{
    bool first = !lx->any;
    int t = next1(lx, val, loc);
    if (first && lx->any) {
        switch (t) {
        case T_IF: case T_WHILE: case T_FOR: case T_DEF: case T_CLASS: case T_TRY: case T_WITH:
        case T_ELIF: case T_ELSE: case T_EXCEPT: case T_FINALLY:
            lx->hdr_cur = t;
            lx->hdr_cur_line = loc->first_line;
            break;
        default:
            lx->hdr_cur = 0;
        }
    }
    if (t == ':' && lx->depth == 0)
        lx->hdr_colon = true;
    if (t == T_NEWLINE) {
        lx->hdr_prev_colon = lx->hdr_colon;
        lx->hdr_colon = false;
        lx->hdr_prev = lx->hdr_cur;
        lx->hdr_prev_line = lx->hdr_cur_line;
        lx->hdr_cur = 0;
    }
    int d = lx->depth;
    if (t == T_IF && d <= OU_MAX_NESTING) {
        /* Only an `if` inside a statement can be a conditional expression. */
        lx->if_line = first ? 0 : lx->elem_line[d];
        lx->if_col = lx->elem_col[d];
    }
    if (t == T_NEWLINE)
        lx->if_line = 0;
    if ((t == '(' || t == '[' || t == '{' || t == T_WITH_LPAR) && d > 0)
        d--;
    if (starts_element_after(lx->last_tok)) {
        lx->elem_line[d] = loc->first_line;
        lx->elem_col[d] = loc->first_column;
    }
    if (t == '(' || t == '[' || t == '{' || t == T_WITH_LPAR) {
        lx->elem_line[d + 1] = loc->first_line;
        lx->elem_col[d + 1] = loc->first_column;
    }
    lx->pprev_tok = lx->prev_tok;
    lx->prev_tok = lx->last_tok;
    lx->prev_name = lx->last_name;
    lx->prev_line = lx->last_line;
    lx->prev_col = lx->last_col;
    lx->last_name = t == T_NAME ? val->node->str : NULL;
    lx->last_tok = t;
    lx->last_line = loc->first_line;
    lx->last_col = loc->first_column;
    lx->last_end_line = loc->last_line;
    lx->last_end_col = loc->last_column;
    return t;
}
