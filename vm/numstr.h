/* numstr.h: helpers shared by the number and string files of vm/ (int.c, float.c, str.c,
 * format.c). Not part of the public API: other folders use include/ouro.h only. */
#ifndef OU_NUMSTR_H
#define OU_NUMSTR_H

#include "ouro.h"

/* Reference count of static, immortal objects (types, singletons): large enough that no
 * sequence of increfs and decrefs brings it to zero during a run. */
#define NS_STATIC_RC 0x40000000u
#define NS_STATIC_HEAD(tp) { .rc = NS_STATIC_RC, .gcflags = OU_GCF_IMMORTAL, .aux = 0, .type = (tp) }

/* A growable byte buffer for building strings. Invariant: p points at `small` until the text
 * outgrows it, then at heap memory of cap bytes; len < cap always (room for the NUL). */
typedef struct {
    char *p;
    int64_t len, cap;
    char small[200];
} StrBuf;

void sb_init(StrBuf *b);
int sb_grow(StrBuf *b, int64_t extra);       /* ensure room for extra more bytes; 0/-1 */
int sb_put(StrBuf *b, const char *s, int64_t n);
int sb_puts(StrBuf *b, const char *s);
int sb_putc(StrBuf *b, char c);
int sb_fill(StrBuf *b, char c, int64_t n);   /* n copies of c */
int sb_put_utf8(StrBuf *b, uint32_t cp);     /* one code point, encoded */
int sb_put_str(StrBuf *b, Value s);          /* the text of a str Value */
Value sb_finish(StrBuf *b);                  /* a new str of the contents; frees the buffer */
void sb_free(StrBuf *b);

/* UTF-8. ns_utf8_decode reads one code point at s (which must be valid UTF-8) and returns its
 * byte length. */
static inline int ns_utf8_decode(const unsigned char *s, uint32_t *cp) {
    unsigned c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c < 0xE0) { *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F); return 2; }
    if (c < 0xF0) { *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F); return 3; }
    *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    return 4;
}
int ns_utf8_encode(uint32_t cp, char *out);  /* returns the byte count (1..4) */
/* Number of code points in valid UTF-8 text of n bytes. */
int64_t ns_utf8_count(const char *s, int64_t n);
/* A str Value from a code point. */
Value ns_str_from_cp(uint32_t cp);
/* str built from UTF-8 whose code-point count is already known (skips the counting). */
Value ns_str_new_n(const char *s, int64_t len, int64_t nchars);
/* Byte offset of code point i of a str (0 <= i <= nchars), code-point index of a byte offset,
 * and the substring of code points [start, stop) (clamped by the caller). */
int64_t ns_cp_offset(Value s, int64_t i);
int64_t ns_cp_index(Value s, int64_t off);
Value ns_str_sub(Value s, int64_t start, int64_t stop);
/* Code-point count of a str. */
static inline int64_t ns_str_nchars(Value s) { return AS_STR(s)->nchars; }

/* Floats. ns_float_repr writes repr(d) (shortest round-trip, CPython's layout) to buf, which
 * must hold at least 32 bytes; returns the length. */
int ns_float_repr(double d, char *buf);
/* Digits of d: decimal digits in buf (no dot), *decpt the position of the decimal point
 * relative to the first digit (d = 0.DIGITS * 10^decpt), for `mode` 'e' (ndigits significant
 * digits; 0 = shortest round-trip) or 'f' (ndigits after the point). d must be finite and
 * nonnegative. Returns the number of digits written. buf must hold ndigits + 400 bytes. */
int ns_float_digits(double d, int mode, int ndigits, char *buf, int *decpt);
/* Value of a float or float-subclass instance; false if v is neither. */
bool ns_float_value(Value v, double *out);
/* Floor division and modulo of doubles with Python's sign rules (b != 0). */
void ns_float_divmod(double a, double b, double *floordiv, double *mod);
/* a OP b on doubles with Python's semantics and error messages (op is OU_BIN_*, without
 * OU_BIN_INPLACE); ou_NotImplemented for ops floats do not support. */
Value ns_float_arith(double a, double b, int op);
/* Three-way comparison of an int64 with a double, exact (d not NaN): -1, 0, 1. */
int ns_cmp_int_double(int64_t i, double d);
/* Result of a comparison op given a three-way result c. */
static inline Value ns_cmp_result(int c, int op) {
    switch (op) {
    case OU_LT: return MK_BOOL(c < 0);
    case OU_LE: return MK_BOOL(c <= 0);
    case OU_EQ: return MK_BOOL(c == 0);
    case OU_NE: return MK_BOOL(c != 0);
    case OU_GT: return MK_BOOL(c > 0);
    default: return MK_BOOL(c >= 0);
    }
}
/* CPython's hash of a double (integral values hash like the int). */
int64_t ns_hash_double(double d);
/* Parse a Python float literal/str argument (whitespace and underscores as float() accepts).
 * Returns false if the text is not a valid float. */
bool ns_parse_float(const char *s, int64_t n, double *out);

/* Ints. Python's floor division/modulo on int64 (b != 0; caller handles INT64_MIN / -1). */
static inline int64_t ns_floordiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
static inline int64_t ns_mod(int64_t a, int64_t b) {
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

/* Big ints (bigint.c). Operands are any ints (small, bool, OuInt, int-subclass instances);
 * results are canonical (small when they fit). vm/int.c calls these only off its int64 fast
 * paths. */
Value ns_big_from_i64(int64_t i);
bool ns_big_to_i64(Value x, int64_t *out);      /* false if not an int or out of int64 range */
int ns_big_sign(Value x);
/* a OP b (OU_BIN_*, no INPLACE bit) for two ints, with Python's semantics and messages;
 * ou_NotImplemented when an operand is not an int. */
Value ns_big_binop(Value a, Value b, int op);
Value ns_big_divmod(Value a, Value b);          /* (a // b, a % b) */
Value ns_big_unary(Value a, int op);            /* OU_UN_* */
Value ns_big_abs(Value a);
Value ns_big_pow3(Value base, Value exp, Value mod); /* mod != 0 */
int ns_big_cmp(Value a, Value b);               /* three-way, both ints */
int ns_big_cmp_double(Value a, double d);       /* exact; d not NaN */
int64_t ns_big_hash(Value a);                   /* CPython's: |a| mod 2^61-1, signed */
int ns_big_to_double(Value a, double *out);     /* 0/-1 (OverflowError) */
Value ns_big_from_double(double d);             /* int(d) */
int64_t ns_big_bit_length(Value a);
int64_t ns_big_bit_count(Value a);
/* Digits of |v| in base 2, 8, 10 or 16 appended to b (no sign, no prefix); decimal obeys
 * ou_int_max_str_digits (ValueError). 0/-1. */
int ns_big_put_digits(StrBuf *b, Value v, int base, bool upper);
Value ns_big_repr(Value v);                     /* str(v) */
/* The int of n valid digit characters (no underscores) in base 2..36. */
Value ns_big_from_digits(const char *s, int64_t n, int base, bool neg);
Value ns_big_subclass_new(OuType *t, Value v);  /* instance of int subclass t with value v */
Value ns_big_exact(Value v);                    /* plain int equal to the int v */

/* Formatting (format.c). ns_format_int / ns_format_float / ns_format_str implement the
 * format-spec mini language for the builtin types; they return a new str or OU_ERR. */
Value ns_format_int(int64_t i, Value spec, const char *tname);
Value ns_format_intv(Value v, Value spec, const char *tname); /* any int, big ones too */
Value ns_format_float(double d, Value spec);
Value ns_format_str(Value s, Value spec);
/* printf-style formatting of a float, as used by str % and format: conv is 'e','f','g' (or
 * uppercase), prec the precision, alt the '#' flag. Appends the text of |d|'s digits with the
 * sign when d is negative (or sign_char, ' ' or '+', when nonnegative and sign_char != 0). */
int ns_put_float(StrBuf *b, double d, char conv, int prec, bool alt, char sign_char);
/* `fmt % args` for str (str.c calls it from the binop slot). */
Value ns_str_mod(Value fmt, Value args);
/* str.format(*args, **kwargs): args[0] is the format string. */
Value ns_str_format_method(Value *args, int nargs, Value kwnames);
Value ns_str_format_map(Value *args, int nargs, Value kwnames);

#endif
