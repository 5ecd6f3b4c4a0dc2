/* float.c: the float type. Floats are NaN-boxed immediates (ouro.h); only instances of user
 * subclasses of float are heap objects (OuFloatObj, followed by their dict).
 *
 * repr() is the shortest decimal string that reads back to the same double, laid out as
 * CPython does (exponent notation when the decimal exponent is < -4 or >= 16). The C library's
 * printf/strtod are correctly rounded (glibc), which is what makes the digit search exact. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "numstr.h"
#include "vm.h"

/* Layout of a float-subclass instance. */
typedef struct { OuObject ob; double v; } OuFloatObj;

Value ou_float(double d) {
    if (isnan(d)) return UINT64_C(0x7FF8000000000000);
    return MK_FLOAT_RAW(d);
}

bool ns_float_value(Value v, double *out) {
    if (IS_FLOAT(v)) { *out = AS_FLOAT(v); return true; }
    if (IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_float_type)) {
        *out = ((OuFloatObj *)AS_OBJ(v))->v;
        return true;
    }
    return false;
}

/* ---------------------------------------------------------------------------------------------
 * repr
 * ------------------------------------------------------------------------------------------- */
/* Adds one unit in the last digit of the mantissa of tmp ("D.DDDDe+XX", positive, as %.*e
 * prints it), in place. Returns false when a carry would change the exponent (9.99e5 ->
 * 1.00e6): that string is never the shortest one of its length, so the caller skips it. */
static bool next_decimal_up(char *tmp, size_t cap) {
    char *e = strchr(tmp, 'e');
    if (!e || (size_t)(e - tmp) >= cap) return false;
    for (char *q = e - 1; q >= tmp; q--) {
        if (*q == '.') continue;
        if (*q != '9') {
            (*q)++;
            return true;
        }
        *q = '0';
    }
    return false;
}

int ns_float_digits(double d, int mode, int ndigits, char *buf, int *decpt) {
    char tmp[64];
    int n = 0;
    (void)mode;
    if (ndigits <= 0) {
        /* The shortest precision that round-trips; 17 significant digits always do. At a power
         * of two the doubles around d are not evenly spaced (the one above is twice as far as
         * the one below), so the p-digit decimal nearest d may fail to read back while its
         * upper neighbour, further from d but still closer to d than to the next double up,
         * succeeds: 2**-140 is 7.174648137343064e-43, not ...063. Try that neighbour too. */
        for (int p = 1; p <= 17; p++) {
            snprintf(tmp, sizeof tmp, "%.*e", p - 1, d);
            if (p == 17 || strtod(tmp, NULL) == d) break;
            if (p > 1 && next_decimal_up(tmp, sizeof tmp) && strtod(tmp, NULL) == d) break;
        }
    } else {
        snprintf(tmp, sizeof tmp, "%.*e", ndigits > 40 ? 39 : ndigits - 1, d);
    }
    /* tmp is "D.DDDDe+XX" or "De+XX". */
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') buf[n++] = *p;
    int e = atoi(p + 1);
    while (n > 1 && buf[n - 1] == '0') n--; /* trailing zeros carry no information */
    buf[n] = 0;
    *decpt = e + 1;
    return n;
}

int ns_float_repr(double d, char *buf) {
    char *out = buf;
    if (isnan(d)) { strcpy(buf, "nan"); return 3; }
    if (isinf(d)) { strcpy(buf, d < 0 ? "-inf" : "inf"); return d < 0 ? 4 : 3; }
    if (signbit(d)) { *out++ = '-'; d = -d; }
    if (d == 0) { strcpy(out, "0.0"); return (int)(out - buf) + 3; }
    char digits[48];
    int decpt, nd = ns_float_digits(d, 'e', 0, digits, &decpt);
    int exp10 = decpt - 1;
    if (exp10 < -4 || exp10 >= 16) {
        *out++ = digits[0];
        if (nd > 1) {
            *out++ = '.';
            memcpy(out, digits + 1, (size_t)nd - 1);
            out += nd - 1;
        }
        out += sprintf(out, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (decpt <= 0) {
        *out++ = '0';
        *out++ = '.';
        for (int k = 0; k < -decpt; k++) *out++ = '0';
        memcpy(out, digits, (size_t)nd);
        out += nd;
    } else if (decpt >= nd) {
        memcpy(out, digits, (size_t)nd);
        out += nd;
        for (int k = nd; k < decpt; k++) *out++ = '0';
        *out++ = '.';
        *out++ = '0';
    } else {
        memcpy(out, digits, (size_t)decpt);
        out += decpt;
        *out++ = '.';
        memcpy(out, digits + decpt, (size_t)(nd - decpt));
        out += nd - decpt;
    }
    *out = 0;
    return (int)(out - buf);
}

static Value float_repr(Value v) {
    double d = 0;
    char buf[40];
    ns_float_value(v, &d);
    int n = ns_float_repr(d, buf);
    return ou_str_new(buf, n);
}

/* ---------------------------------------------------------------------------------------------
 * Hash: CPython's algorithm, reducing the value modulo P = 2^61 - 1 so that a float equal to an
 * int hashes like it (and fractions would agree too).
 * ------------------------------------------------------------------------------------------- */
int64_t ns_hash_double(double d) {
    const int BITS = 61;
    const uint64_t P = (UINT64_C(1) << 61) - 1;
    if (isinf(d)) return d > 0 ? 314159 : -314159;
    if (isnan(d)) return 0;
    int e;
    double m = frexp(d, &e);
    int sign = 1;
    if (m < 0) { sign = -1; m = -m; }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (BITS - 28);
        m *= 268435456.0; /* 2^28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) x -= P;
    }
    e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
    x = ((x << e) & P) | x >> (BITS - e);
    int64_t h = (int64_t)x * sign;
    return h == -1 ? -2 : h;
}

static int64_t float_hash(Value v) {
    double d = 0;
    ns_float_value(v, &d);
    return ns_hash_double(d);
}

/* ---------------------------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------------------------- */
void ns_float_divmod(double a, double b, double *floordiv, double *mod) {
    double m = fmod(a, b);
    double div = (a - m) / b;
    if (m) {
        if ((b < 0) != (m < 0)) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, b);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, a / b);
    }
    *floordiv = fd;
    *mod = m;
}

static Value range_error(void) {
    Value args[2];
    args[0] = MK_SMALLINT(34);
    args[1] = ou_str_cstr("Numerical result out of range");
    if (IS_ERR(args[1])) return OU_ERR;
    Value exc = ou_exc_new(ou_OverflowError, args, 2);
    ou_decref(args[1]);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc); /* takes its own reference */
    ou_decref(exc);
    return OU_ERR;
}

static bool is_odd_integer(double b) { return fmod(fabs(b), 2.0) == 1.0; }

static Value float_pow(double a, double b) {
    if (b == 0) return ou_float(1.0);
    if (isnan(a)) return ou_float(a);
    if (isnan(b)) return ou_float(a == 1.0 ? 1.0 : b);
    if (isinf(b)) {
        double aa = fabs(a);
        if (aa == 1.0) return ou_float(1.0);
        return ou_float((aa > 1.0) == (b > 0) ? INFINITY : 0.0);
    }
    if (isinf(a)) {
        bool odd = is_odd_integer(b);
        if (b > 0) return ou_float(odd ? a : fabs(a));
        return ou_float(odd ? copysign(0.0, a) : 0.0);
    }
    if (a == 0) {
        if (b < 0)
            return ou_err_format(ou_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return ou_float(is_odd_integer(b) ? a : 0.0);
    }
    if (a < 0 && b != floor(b))
        return ou_err_format(ou_ValueError, "negative number cannot be raised to a fractional power");
    errno = 0;
    double r = pow(a, b);
    if (isinf(r)) return range_error();
    return ou_float(r);
}

Value ns_float_arith(double a, double b, int op) {
    double q, m;
    switch (op) {
    case OU_BIN_ADD: return ou_float(a + b);
    case OU_BIN_SUB: return ou_float(a - b);
    case OU_BIN_MUL: return ou_float(a * b);
    case OU_BIN_TRUEDIV:
        if (b == 0) return ou_err_format(ou_ZeroDivisionError, "float division by zero");
        return ou_float(a / b);
    case OU_BIN_FLOORDIV:
        if (b == 0) return ou_err_format(ou_ZeroDivisionError, "float floor division by zero");
        ns_float_divmod(a, b, &q, &m);
        return ou_float(q);
    case OU_BIN_MOD:
        if (b == 0) return ou_err_format(ou_ZeroDivisionError, "float modulo");
        ns_float_divmod(a, b, &q, &m);
        return ou_float(m);
    case OU_BIN_POW: return float_pow(a, b);
    default: return ou_newref(ou_NotImplemented);
    }
}

/* Converts a float operand (float, float subclass, int, bool); false if not numeric. */
static bool as_double_operand(Value v, double *out) {
    int64_t i;
    if (IS_FLOAT(v)) { *out = AS_FLOAT(v); return true; }
    if (ou_int_value(v, &i)) { *out = (double)i; return true; }
    return ns_float_value(v, out);
}

static Value float_binop(Value a, Value b, int op, bool reflected) {
    (void)reflected;
    double x, y;
    if (!as_double_operand(a, &x) || !as_double_operand(b, &y)) return ou_newref(ou_NotImplemented);
    return ns_float_arith(x, y, op & ~OU_BIN_INPLACE);
}

static Value float_richcmp(Value a, Value b, int op) {
    double x, y;
    int64_t i;
    if (!ns_float_value(a, &x)) return ou_newref(ou_NotImplemented);
    if (ns_float_value(b, &y)) {
        switch (op) {
        case OU_LT: return MK_BOOL(x < y);
        case OU_LE: return MK_BOOL(x <= y);
        case OU_EQ: return MK_BOOL(x == y);
        case OU_NE: return MK_BOOL(x != y);
        case OU_GT: return MK_BOOL(x > y);
        default: return MK_BOOL(x >= y);
        }
    }
    if (ou_int_value(b, &i)) {
        if (isnan(x)) return MK_BOOL(op == OU_NE);
        return ns_cmp_result(-ns_cmp_int_double(i, x), op);
    }
    return ou_newref(ou_NotImplemented);
}

static Value float_unaryop(Value a, int op) {
    double x;
    if (!ns_float_value(a, &x)) return ou_newref(ou_NotImplemented);
    if (op == OU_UN_NEG) return ou_float(-x);
    if (op == OU_UN_POS) return ou_float(x);
    return ou_newref(ou_NotImplemented);
}

static int float_truth(Value v) {
    double d = 0;
    ns_float_value(v, &d);
    return d != 0;
}

/* ---------------------------------------------------------------------------------------------
 * Parsing and construction
 * ------------------------------------------------------------------------------------------- */
static bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static bool match_word(const char *p, int64_t n, const char *w) {
    if ((int64_t)strlen(w) != n) return false;
    for (int64_t k = 0; k < n; k++)
        if ((p[k] | 0x20) != w[k]) return false;
    return true;
}

bool ns_parse_float(const char *s, int64_t n, double *out) {
    const char *p = s, *end = s + n;
    while (p < end && ascii_space((unsigned char)*p)) p++;
    while (end > p && ascii_space((unsigned char)end[-1])) end--;
    if (p == end) return false;
    bool neg = false;
    const char *body = p;
    if (*body == '+' || *body == '-') neg = *body++ == '-';
    int64_t bn = end - body;
    if (match_word(body, bn, "inf") || match_word(body, bn, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return true;
    }
    if (match_word(body, bn, "nan")) {
        *out = NAN;
        return true;
    }
    /* Validate [digits][.digits][e[sign]digits] with single underscores between digits, and
     * copy without the underscores for strtod. */
    char small[128];
    char *buf = (end - p) < (int64_t)sizeof small ? small : malloc((size_t)(end - p) + 1);
    if (!buf) return false;
    int64_t k = 0;
    bool ok = true, any_mant = false;
    const char *q = p;
    if (*q == '+' || *q == '-') buf[k++] = *q++;
    int part = 0; /* 0 integer digits, 1 fraction, 2 exponent */
    bool exp_digits = false;
    char prev = 0;
    for (; q < end && ok; q++) {
        char c = *q;
        if (c >= '0' && c <= '9') {
            if (part < 2) any_mant = true;
            else exp_digits = true;
            buf[k++] = c;
        } else if (c == '_') {
            ok = prev >= '0' && prev <= '9' && q + 1 < end && q[1] >= '0' && q[1] <= '9';
        } else if (c == '.' && part == 0) {
            part = 1;
            buf[k++] = c;
        } else if ((c == 'e' || c == 'E') && part < 2 && any_mant) {
            part = 2;
            buf[k++] = c;
            if (q + 1 < end && (q[1] == '+' || q[1] == '-')) buf[k++] = *++q;
        } else {
            ok = false;
        }
        prev = *q;
    }
    buf[k] = 0;
    if (!any_mant || (part == 2 && !exp_digits)) ok = false;
    if (ok) *out = strtod(buf, NULL);
    if (buf != small) free(buf);
    return ok;
}

static Value float_convert(Value x) {
    double d;
    int64_t i;
    if (ns_float_value(x, &d)) return ou_float(d);
    if (ou_int_value(x, &i)) return ou_float((double)i);
    if (ou_is_int(x)) return ou_int_to_double(x, &d) < 0 ? OU_ERR : ou_float(d);
    if (IS_STR(x)) {
        if (ns_parse_float(ou_str_data(x), ou_str_len(x), &d)) return ou_float(d);
        return ou_err_format(ou_ValueError, "could not convert string to float: %R", x);
    }
    static const char *const dunders[] = {"__float__", "__index__"};
    for (int k = 0; k < 2; k++) {
        Value name = ou_str_intern(dunders[k]);
        if (IS_ERR(name)) return OU_ERR;
        if (IS_UNDEF(ou_type_lookup(ou_typeof(x), name))) continue;
        Value r = ou_call_method(x, dunders[k], NULL, 0);
        if (IS_ERR(r)) return OU_ERR;
        if (k == 0 && ns_float_value(r, &d)) { ou_decref(r); return ou_float(d); }
        if (k == 1 && ou_is_int(r)) {
            int rc = ou_int_to_double(r, &d);
            ou_decref(r);
            return rc < 0 ? OU_ERR : ou_float(d);
        }
        ou_err_format(ou_TypeError, k == 0 ? "%T.__float__ returned non-float (type %T)"
                                           : "__index__ returned non-int (type %T)",
                      k == 0 ? x : r, r);
        ou_decref(r);
        return OU_ERR;
    }
    return ou_err_format(ou_TypeError, "float() argument must be a string or a real number, not '%T'", x);
}

static Value float_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "float() takes no keyword arguments");
    if (nargs > 1) return ou_err_format(ou_TypeError, "float expected at most 1 argument, got %d", nargs);
    Value r = nargs == 0 ? ou_float(0.0) : float_convert(args[0]);
    if (IS_ERR(r) || type == &ou_float_type) return r;
    OuFloatObj *o = ou_obj_alloc(type, type->basicsize);
    if (!o) return OU_ERR;
    o->v = AS_FLOAT(r);
    return MK_OBJ(o);
}

/* ---------------------------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------------------------- */
static int self_float(Value *args, int nargs, Value kwnames, const char *name, int maxargs, double *x) {
    if (nargs < 1 || !ns_float_value(args[0], x)) {
        ou_err_format(ou_TypeError, "descriptor '%s' requires a 'float' object", name);
        return -1;
    }
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        ou_err_format(ou_TypeError, "float.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs - 1 > maxargs) {
        if (maxargs == 0)
            ou_err_format(ou_TypeError, "float.%s() takes no arguments (%d given)", name, nargs - 1);
        else
            ou_err_format(ou_TypeError, "%s expected at most %d argument, got %d", name, maxargs, nargs - 1);
        return -1;
    }
    return 0;
}

static Value float_is_integer(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "is_integer", 0, &x) < 0) return OU_ERR;
    return MK_BOOL(isfinite(x) && x == floor(x));
}

static Value float_self(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "conjugate", 0, &x) < 0) return OU_ERR;
    return ou_float(x);
}

static Value float_zero(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "imag", 0, &x) < 0) return OU_ERR;
    return ou_float(0.0);
}

static Value to_int_checked(double x) { return ou_int_from_double(x); }

static Value float_trunc(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "__trunc__", 0, &x) < 0) return OU_ERR;
    return to_int_checked(trunc(x));
}

static Value float_floor(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "__floor__", 0, &x) < 0) return OU_ERR;
    return to_int_checked(floor(x));
}

static Value float_ceil(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "__ceil__", 0, &x) < 0) return OU_ERR;
    return to_int_checked(ceil(x));
}

/* round(x, n) rounds the exact binary value half-to-even at the n-th decimal, which is what
 * glibc's correctly rounded printf does too. */
static double round_ndigits(double x, int64_t nd) {
    if (!isfinite(x) || x == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return copysign(0.0, x);
    char buf[400];
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        return strtod(buf, NULL);
    }
    int e = (int)floor(log10(fabs(x)));
    /* log10 may be off by one near powers of ten; correct it. */
    if (pow(10.0, e) > fabs(x)) e--;
    else if (pow(10.0, e + 1) <= fabs(x)) e++;
    int sig = e + 1 + (int)nd;
    if (sig > 0) {
        snprintf(buf, sizeof buf, "%.*e", sig - 1, x);
        return strtod(buf, NULL);
    }
    double unit = pow(10.0, (double)-nd);
    if (sig == 0 && fabs(x) > unit / 2) return copysign(unit, x);
    return copysign(0.0, x);
}

static Value float_round(Value *args, int nargs, Value kwnames) {
    double x;
    int64_t nd;
    if (self_float(args, nargs, kwnames, "__round__", 1, &x) < 0) return OU_ERR;
    if (nargs < 2 || IS_NONE(args[1])) {
        double r = round(x);
        if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
        return to_int_checked(r);
    }
    if (ou_index(args[1], &nd) < 0) return OU_ERR;
    double r = round_ndigits(x, nd);
    if (isinf(r) && isfinite(x))
        return ou_err_format(ou_OverflowError, "rounded value too large to represent");
    return ou_float(r);
}

static Value float_as_integer_ratio(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "as_integer_ratio", 0, &x) < 0) return OU_ERR;
    if (isinf(x)) return ou_err_format(ou_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x)) return ou_err_format(ou_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int k = 0; k < 300 && m != floor(m); k++) {
        m *= 2.0;
        e--;
    }
    /* x == m * 2^e with m integral (at most 53 bits); reduce while both are even. */
    Value a, b;
    if (e >= 0) {
        a = ou_int_from_double(x);
        b = MK_SMALLINT(1);
    } else {
        int64_t num = (int64_t)m;
        while (e < 0 && (num & 1) == 0) { num /= 2; e++; }
        a = ou_int(num);
        b = ou_binop(MK_SMALLINT(1), MK_SMALLINT(-e), OU_BIN_LSHIFT);
    }
    if (IS_ERR(a) || IS_ERR(b)) { ou_xdecref(a); ou_xdecref(b); return OU_ERR; }
    Value t = ou_tuple_pack(2, a, b);
    ou_decref(a);
    ou_decref(b);
    return t;
}

static Value float_hex(Value *args, int nargs, Value kwnames) {
    double x;
    char buf[64];
    if (self_float(args, nargs, kwnames, "hex", 0, &x) < 0) return OU_ERR;
    if (!isfinite(x) || x == 0) {
        int n = ns_float_repr(x, buf);
        if (x == 0) n = snprintf(buf, sizeof buf, "%s0x0.0p+0", signbit(x) ? "-" : "");
        return ou_str_new(buf, n);
    }
    /* CPython prints 0x1.<13 hex digits>p<exp> for normal numbers. */
    int e;
    double m = frexp(fabs(x), &e); /* m in [0.5, 1) */
    m *= 2;
    e--;
    int n = snprintf(buf, sizeof buf, "%s0x%d.", x < 0 ? "-" : "", (int)m);
    m -= (int)m;
    for (int k = 0; k < 13; k++) {
        m *= 16;
        int dgt = (int)m;
        buf[n++] = "0123456789abcdef"[dgt];
        m -= dgt;
    }
    n += snprintf(buf + n, sizeof buf - (size_t)n, "p%+d", e);
    return ou_str_new(buf, n);
}

static Value float_format_method(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "__format__", 1, &x) < 0) return OU_ERR;
    if (nargs != 2 || !IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "__format__() argument must be str");
    return ns_format_float(x, args[1]);
}

static Value float_getnewargs(Value *args, int nargs, Value kwnames) {
    double x;
    if (self_float(args, nargs, kwnames, "__getnewargs__", 0, &x) < 0) return OU_ERR;
    return ou_tuple_pack(1, ou_float(x));
}

static const OuMethodDef float_methods[] = {
    {"is_integer", float_is_integer, "Return True if the float is an integer."},
    {"conjugate", float_self, "Return self, the complex conjugate of any float."},
    {"as_integer_ratio", float_as_integer_ratio, NULL},
    {"hex", float_hex, NULL},
    {"__trunc__", float_trunc, NULL},
    {"__int__", float_trunc, NULL},
    {"__float__", float_self, NULL},
    {"__floor__", float_floor, NULL},
    {"__ceil__", float_ceil, NULL},
    {"__round__", float_round, NULL},
    {"__format__", float_format_method, NULL},
    {"__getnewargs__", float_getnewargs, NULL},
    {NULL, NULL, NULL},
};

OuType ou_float_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "float",
    .flags = OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuFloatObj),
    .repr = float_repr,
    .str = float_repr,
    .hash = float_hash,
    .richcmp = float_richcmp,
    .binop = float_binop,
    .unaryop = float_unaryop,
    .truth = float_truth,
    .new = float_new,
};

static int add_property(OuType *t, const char *name, ou_cfunc fget) {
    Value f = ou_cfunction_new(name, fget, OU_UNDEF, NULL);
    if (IS_ERR(f)) return -1;
    Value p = ou_property_new(f, OU_NONE, OU_NONE, OU_NONE);
    ou_decref(f);
    if (IS_ERR(p)) return -1;
    int rc = ou_dict_set_str(t->dict, name, p);
    ou_decref(p);
    return rc;
}

int vm_init_float(void) {
    if (ou_type_ready(&ou_float_type) < 0) return -1;
    if (ou_add_functions(ou_float_type.dict, float_methods, OU_UNDEF) < 0) return -1;
    if (add_property(&ou_float_type, "real", float_self) < 0 ||
        add_property(&ou_float_type, "imag", float_zero) < 0)
        return -1;
    return 0;
}
