/* int.c: the int type (small ints are immediates, larger values are boxed OuInts of any size),
 * bool, NoneType, and the NotImplemented and Ellipsis singletons.
 *
 * Ints are canonical (see ouro.h): every value in the small-int range is an immediate, so only
 * results outside [-2^47, 2^47) allocate. Operands that fit in int64 are computed here on
 * int64_t with overflow checks; a result that leaves int64, or an operand that is already
 * beyond it, goes to the arbitrary-precision code of vm/bigint.c. Instances of user
 * subclasses of int use the OuInt layout (followed by their dict) whatever their value. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "numstr.h"
#include "vm.h"

static OuObject notimpl_obj = NS_STATIC_HEAD(&ou_notimplemented_type);
static OuObject ellipsis_obj = NS_STATIC_HEAD(&ou_ellipsis_type);
Value ou_NotImplemented, ou_Ellipsis;

/* ---------------------------------------------------------------------------------------------
 * Accessors
 * ------------------------------------------------------------------------------------------- */
Value ou_int(int64_t i) {
    if (SMALLINT_FITS(i)) return MK_SMALLINT(i);
    return ns_big_from_i64(i);
}

/* Subclass instances are rare, so the MRO walk stays off the fast path. */
static bool is_int_subclass_obj(Value v) {
    return IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_int_type);
}

bool ou_int_value(Value v, int64_t *out) {
    if (IS_SMALLINT(v)) { *out = AS_SMALLINT(v); return true; }
    if (IS_BOOL(v)) { *out = v == OU_TRUE; return true; }
    if (IS_OBJ(v) && (AS_OBJ(v)->type == &ou_int_type || is_int_subclass_obj(v))) {
        /* Two digits of 32 bits hold every int64; the top bit decides whether it fits. */
        OuInt *o = (OuInt *)AS_OBJ(v);
        int64_t n = o->size < 0 ? -o->size : o->size;
        if (n > 2) return false;
        uint64_t m = n == 0 ? 0 : n == 1 ? o->d[0] : ((uint64_t)o->d[1] << 32) | o->d[0];
        if (m > (uint64_t)INT64_MAX + (o->size < 0 ? 1 : 0)) return false;
        *out = o->size < 0 ? (int64_t)(0 - m) : (int64_t)m;
        return true;
    }
    return false;
}

/* An int that does not fit in int64 (only OuInts can be). */
static inline bool is_big(Value v) {
    return IS_OBJ(v) && (AS_OBJ(v)->type == &ou_int_type || is_int_subclass_obj(v)) &&
           !ns_big_to_i64(v, &(int64_t){0});
}

Value ou_int_from_double(double d) { return ns_big_from_double(d); }

int ou_int_to_double(Value v, double *out) { return ns_big_to_double(v, out); }

int ou_int_sign(Value v) { return ns_big_sign(v); }

bool ou_is_int(Value v) {
    return IS_SMALLINT(v) || IS_BOOL(v) || IS_BOXINT(v) || is_int_subclass_obj(v);
}

bool ou_is_number(Value v) {
    double d;
    return IS_FLOAT(v) || ou_is_int(v) || ns_float_value(v, &d);
}

double ou_number_as_double(Value v) {
    int64_t i;
    double d;
    if (IS_FLOAT(v)) return AS_FLOAT(v);
    if (ou_int_value(v, &i)) return (double)i;
    if (ns_float_value(v, &d)) return d;
    if (ou_is_int(v)) {
        if (ns_big_to_double(v, &d) == 0) return d;
        ou_err_clear();
        return ns_big_sign(v) < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    return 0.0;
}

static int index_too_big(void) {
    ou_err_format(ou_OverflowError, "cannot fit 'int' into an index-sized integer");
    return -1;
}

int ou_index_item(Value v, int64_t *out) {
    static Value name_index = 0;
    if (ou_int_value(v, out)) return 1;
    if (!name_index) name_index = ou_str_intern("__index__");
    if (!IS_OBJ(v) || IS_UNDEF(ou_type_lookup(ou_typeof(v), name_index))) return 0;
    if (ou_index(v, out) == 0) return 1;
    if (ou_err_matches(ou_OverflowError)) {
        ou_err_clear();
        ou_err_format(ou_IndexError, "cannot fit '%T' into an index-sized integer", v);
    }
    return -1;
}

int ou_index(Value v, int64_t *out) {
    if (ou_int_value(v, out)) return 0;
    if (is_big(v)) return index_too_big();
    static Value name_index = 0;
    if (!name_index) name_index = ou_str_intern("__index__");
    Value m = ou_type_lookup(ou_typeof(v), name_index);
    if (IS_UNDEF(m)) {
        ou_err_format(ou_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value r = ou_call_method(v, "__index__", NULL, 0);
    if (IS_ERR(r)) return -1;
    if (is_big(r)) {
        ou_decref(r);
        return index_too_big();
    }
    if (!ou_int_value(r, out)) {
        ou_err_format(ou_TypeError, "__index__ returned non-int (type %T)", r);
        ou_decref(r);
        return -1;
    }
    ou_decref(r);
    return 0;
}

int ou_int_arg(Value v, int64_t *out, const char *what) {
    (void)what; /* CPython's message names the type, not the parameter, in most places. */
    return ou_index(v, out);
}

/* ---------------------------------------------------------------------------------------------
 * Arithmetic
 * ------------------------------------------------------------------------------------------- */
/* int64 ** int64 when the result fits; OU_UNDEF sends the operation to the big path. */
static Value int_pow(int64_t a, int64_t b) {
    if (b < 0) {
        if (a == 0)
            return ou_err_format(ou_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return ou_float(pow((double)a, (double)b));
    }
    int64_t result = 1, base = a;
    while (b) {
        if (b & 1 && __builtin_mul_overflow(result, base, &result)) return OU_UNDEF;
        b >>= 1;
        if (b && __builtin_mul_overflow(base, base, &base)) return OU_UNDEF;
    }
    return ou_int(result);
}

/* a OP b for int64 operands. OU_UNDEF when the exact result leaves int64 (or needs the
 * correctly rounded big division): the caller then redoes it in vm/bigint.c. */
static Value int_arith(int64_t a, int64_t b, int op) {
    int64_t r;
    const int64_t lim = INT64_C(1) << 53;
    switch (op) {
    case OU_BIN_ADD:
        if (__builtin_add_overflow(a, b, &r)) return OU_UNDEF;
        return ou_int(r);
    case OU_BIN_SUB:
        if (__builtin_sub_overflow(a, b, &r)) return OU_UNDEF;
        return ou_int(r);
    case OU_BIN_MUL:
        if (__builtin_mul_overflow(a, b, &r)) return OU_UNDEF;
        return ou_int(r);
    case OU_BIN_TRUEDIV:
        if (b == 0) return ou_err_format(ou_ZeroDivisionError, "division by zero");
        /* Both exact as doubles: one IEEE division is correctly rounded. */
        if (a > -lim && a < lim && b > -lim && b < lim) return ou_float((double)a / (double)b);
        return OU_UNDEF;
    case OU_BIN_FLOORDIV:
        if (b == 0)
            return ou_err_format(ou_ZeroDivisionError, "integer division or modulo by zero");
        if (b == -1) {
            if (a == INT64_MIN) return OU_UNDEF;
            return ou_int(-a);
        }
        return ou_int(ns_floordiv(a, b));
    case OU_BIN_MOD:
        if (b == 0) return ou_err_format(ou_ZeroDivisionError, "integer modulo by zero");
        if (b == -1) return MK_SMALLINT(0);
        return ou_int(ns_mod(a, b));
    case OU_BIN_POW: return int_pow(a, b);
    case OU_BIN_LSHIFT:
        if (b < 0) return ou_err_format(ou_ValueError, "negative shift count");
        if (a == 0) return MK_SMALLINT(0);
        if (b >= 63) return OU_UNDEF;
        r = (int64_t)((uint64_t)a << b);
        if ((r >> b) != a) return OU_UNDEF;
        return ou_int(r);
    case OU_BIN_RSHIFT:
        if (b < 0) return ou_err_format(ou_ValueError, "negative shift count");
        if (b >= 64) return MK_SMALLINT(a < 0 ? -1 : 0);
        return ou_int(a >> b);
    case OU_BIN_AND: return ou_int(a & b);
    case OU_BIN_OR: return ou_int(a | b);
    case OU_BIN_XOR: return ou_int(a ^ b);
    default: return ou_newref(ou_NotImplemented);
    }
}

/* An int operand of a mixed int/float operation as a double (OverflowError if too large). */
static bool int_as_double(Value v, double *out) {
    int64_t i;
    if (ou_int_value(v, &i)) {
        *out = (double)i;
        return true;
    }
    return ns_big_to_double(v, out) == 0;
}

/* The binop slot of int. Operands arrive in operator order (a OP b) whichever one is the int;
 * a float partner is handled here directly, with the same result float's slot would give. */
static Value int_binop(Value a, Value b, int op, bool reflected) {
    (void)reflected;
    int64_t x, y;
    double fx, fy;
    op &= ~OU_BIN_INPLACE;
    if (ou_int_value(a, &x) && ou_int_value(b, &y)) {
        Value r = int_arith(x, y, op);
        if (!IS_UNDEF(r)) return r;
        return ns_big_binop(a, b, op);
    }
    if (ou_is_int(a)) {
        if (ou_is_int(b)) return ns_big_binop(a, b, op);
        if (IS_FLOAT(b)) {
            if (op == OU_BIN_MATMUL) return ou_newref(ou_NotImplemented);
            if (!int_as_double(a, &fx)) return OU_ERR;
            return ns_float_arith(fx, AS_FLOAT(b), op);
        }
    } else if (IS_FLOAT(a) && ou_is_int(b)) {
        if (op == OU_BIN_MATMUL) return ou_newref(ou_NotImplemented);
        if (!int_as_double(b, &fy)) return OU_ERR;
        return ns_float_arith(AS_FLOAT(a), fy, op);
    }
    return ou_newref(ou_NotImplemented);
}

/* bool & | ^ bool stay bool; everything else is int arithmetic. */
static Value bool_binop(Value a, Value b, int op, bool reflected) {
    int bop = op & ~OU_BIN_INPLACE;
    if (IS_BOOL(a) && IS_BOOL(b)) {
        if (bop == OU_BIN_AND) return MK_BOOL(a == OU_TRUE && b == OU_TRUE);
        if (bop == OU_BIN_OR) return MK_BOOL(a == OU_TRUE || b == OU_TRUE);
        if (bop == OU_BIN_XOR) return MK_BOOL(a != b);
    }
    return int_binop(a, b, op, reflected);
}

static Value int_unaryop(Value a, int op) {
    int64_t x;
    if (!ou_int_value(a, &x)) return ns_big_unary(a, op);
    switch (op) {
    case OU_UN_NEG:
        if (x == INT64_MIN) return ns_big_unary(a, op);
        return ou_int(-x);
    case OU_UN_POS: return ou_int(x);
    case OU_UN_INVERT: return ou_int(~x);
    default: return ou_newref(ou_NotImplemented);
    }
}

Value ou_number_pow3(Value base, Value exp, Value mod) {
    if (IS_NONE(mod)) return ou_binop(base, exp, OU_BIN_POW);
    int64_t b, e, m;
    if (!ou_is_int(base) || !ou_is_int(exp) || !ou_is_int(mod))
        return ou_err_format(ou_TypeError,
                             "pow() 3rd argument not allowed unless all arguments are integers");
    if (ns_big_sign(mod) == 0) return ou_err_format(ou_ValueError, "pow() 3rd argument cannot be 0");
    if (!ou_int_value(base, &b) || !ou_int_value(exp, &e) || !ou_int_value(mod, &m) ||
        m == INT64_MIN || e == INT64_MIN)
        return ns_big_pow3(base, exp, mod);
    bool neg_mod = m < 0;
    /* Work with |m| as unsigned 128-bit products, then fix the sign as CPython does. */
    unsigned __int128 um = neg_mod ? (unsigned __int128)(-(__int128)m) : (unsigned __int128)m;
    __int128 bb = (__int128)b % (__int128)um;
    if (bb < 0) bb += um;
    if (e < 0) {
        /* Modular inverse by the extended Euclidean algorithm. */
        __int128 t0 = 0, t1 = 1, r0 = (__int128)um, r1 = bb;
        while (r1 != 0) {
            __int128 q = r0 / r1, tmp;
            tmp = r0 - q * r1; r0 = r1; r1 = tmp;
            tmp = t0 - q * t1; t0 = t1; t1 = tmp;
        }
        if (r0 != 1)
            return ou_err_format(ou_ValueError, "base is not invertible for the given modulus");
        if (t0 < 0) t0 += um;
        bb = t0;
        e = -e;
    }
    unsigned __int128 result = um == 1 ? 0 : 1, ub = (unsigned __int128)bb;
    uint64_t ue = (uint64_t)e;
    while (ue) {
        if (ue & 1) result = result * ub % um;
        ub = ub * ub % um;
        ue >>= 1;
    }
    int64_t r = (int64_t)result;
    if (neg_mod && r != 0) r += m;
    return ou_int(r);
}

/* ---------------------------------------------------------------------------------------------
 * Comparison, hash, repr
 * ------------------------------------------------------------------------------------------- */
int ns_cmp_int_double(int64_t i, double d) {
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double fl = floor(d);
    int64_t fi = (int64_t)fl;
    if (i < fi) return -1;
    if (i > fi) return 1;
    return d > fl ? -1 : 0;
}

static Value int_richcmp(Value a, Value b, int op) {
    int64_t x, y;
    double d;
    if (ou_int_value(a, &x)) {
        if (ou_int_value(b, &y)) return ns_cmp_result(x < y ? -1 : x > y, op);
        if (ou_is_int(b)) return ns_cmp_result(-ns_big_sign(b), op);
        if (ns_float_value(b, &d)) {
            if (isnan(d)) return MK_BOOL(op == OU_NE);
            return ns_cmp_result(ns_cmp_int_double(x, d), op);
        }
        return ou_newref(ou_NotImplemented);
    }
    if (!ou_is_int(a)) return ou_newref(ou_NotImplemented);
    if (ou_is_int(b)) return ns_cmp_result(ns_big_cmp(a, b), op);
    if (ns_float_value(b, &d)) {
        if (isnan(d)) return MK_BOOL(op == OU_NE);
        return ns_cmp_result(ns_big_cmp_double(a, d), op);
    }
    return ou_newref(ou_NotImplemented);
}

/* hash(i) is i modulo 2^61 - 1 with the sign kept, as CPython; -1 becomes -2. */
static int64_t hash_int64(int64_t x) {
    const uint64_t P = (UINT64_C(1) << 61) - 1;
    uint64_t ax = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
    int64_t h = (int64_t)(ax % P);
    if (x < 0) h = -h;
    return h == -1 ? -2 : h;
}

static int64_t int_hash(Value v) {
    int64_t x = 0;
    if (!ou_int_value(v, &x)) return ns_big_hash(v);
    return hash_int64(x);
}

static Value int_repr(Value v) {
    int64_t x = 0;
    char buf[32];
    if (!ou_int_value(v, &x)) return ns_big_repr(v);
    /* Digits right to left by hand: snprintf's format parsing cost more than the digits
     * (str(i) in a loop). The magnitude is unsigned so that INT64_MIN negates cleanly. */
    char *p = buf + sizeof buf;
    uint64_t m = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
    do {
        *--p = (char)('0' + m % 10);
        m /= 10;
    } while (m);
    if (x < 0) *--p = '-';
    int64_t n = buf + sizeof buf - p;
    return ns_str_new_n(p, n, n); /* ASCII: as many code points as bytes */
}

static int int_truth(Value v) {
    int64_t x = 0;
    if (!ou_int_value(v, &x)) return ns_big_sign(v) != 0;
    return x != 0;
}

static void int_dealloc(OuObject *o) {
    OuInt *i = (OuInt *)o;
    /* Subclass instances keep their digits in a block of their own. */
    if (i->d && i->d != (uint32_t *)(i + 1)) ou_mem_free(i->d);
    ou_obj_free(o);
}

static Value bool_repr(Value v) {
    static Value s_true = 0, s_false = 0;
    if (!s_true) {
        s_true = ou_str_intern("True");
        s_false = ou_str_intern("False");
    }
    return ou_newref(v == OU_TRUE ? s_true : s_false);
}

/* ---------------------------------------------------------------------------------------------
 * Construction: int(x), int(s, base)
 * ------------------------------------------------------------------------------------------- */
static int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f; }

/* Parses Python int syntax (sign, base prefix, underscores between digits). Returns 0 with
 * *out set, 1 when the text is not a valid literal, -1 with an exception set (too many
 * digits, out of memory); a value beyond int64 is built in vm/bigint.c and returned in *big
 * (a new reference) with the return value 2. */
static int parse_int_text(const char *s, int64_t n, int base, int64_t *out, Value *big) {
    const char *p = s, *end = s + n;
    while (p < end && is_space((unsigned char)*p)) p++;
    while (end > p && is_space((unsigned char)end[-1])) end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool prefixed = false;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = true;
        }
    }
    bool base0_decimal = false;
    if (base == 0) {
        base = 10;
        base0_decimal = true;
    }
    if (p == end) return 1;
    /* An underscore may follow the prefix or a digit, never lead (without prefix) or trail. */
    if (*p == '_' && !prefixed) return 1;
    const char *first = p;
    uint64_t acc = 0;
    const uint64_t limit = neg ? (UINT64_C(1) << 63) : (UINT64_C(1) << 63) - 1;
    bool overflowed = false, any = false, nonzero = false, leading_zero = false, underscores = false;
    int64_t ndigits = 0;
    for (; p < end; p++) {
        if (*p == '_') {
            if (p + 1 >= end || p[1] == '_') return 1;
            underscores = true;
            continue;
        }
        int d = digit_value((unsigned char)*p);
        if (d >= base) return 1;
        if (!any && d == 0) leading_zero = true;
        any = true;
        ndigits++;
        if (d) nonzero = true;
        if (!overflowed) {
            if (acc > (limit - (uint64_t)d) / (uint64_t)base) overflowed = true;
            else acc = acc * (uint64_t)base + (uint64_t)d;
        }
    }
    if (!any) return 1;
    /* With base 0, a decimal literal may not have leading zeros (except 0 itself). */
    if (base0_decimal && !prefixed && leading_zero && nonzero) return 1;
    if ((base & (base - 1)) != 0 && ou_int_max_str_digits > 0 && ndigits > ou_int_max_str_digits) {
        /* CPython counts the digits whatever their value ('0' * 5000 too). */
        ou_err_format(ou_ValueError,
                      "Exceeds the limit (%lld digits) for integer string conversion: value has "
                      "%lld digits; use sys.set_int_max_str_digits() to increase the limit",
                      (long long)ou_int_max_str_digits, (long long)ndigits);
        return -1;
    }
    if (overflowed) {
        int64_t nd = end - first;
        char *tmp = NULL;
        if (underscores) {
            tmp = ou_mem_alloc((size_t)nd);
            if (!tmp) return -1;
            nd = 0;
            for (const char *q = first; q < end; q++)
                if (*q != '_') tmp[nd++] = *q;
        }
        *big = ns_big_from_digits(tmp ? tmp : first, nd, base, neg);
        ou_mem_free(tmp);
        return IS_ERR(*big) ? -1 : 2;
    }
    *out = neg ? (int64_t)(0 - acc) : (int64_t)acc;
    return 0;
}

Value ou_int_from_text(const char *text, int64_t n, int base, Value s) {
    int64_t r = 0;
    Value big = OU_UNDEF;
    int rc = parse_int_text(text, n, base, &r, &big);
    if (rc == 1) {
        if (IS_UNDEF(s)) {
            Value t = ou_str_new(text, n);
            if (IS_ERR(t)) return OU_ERR;
            ou_err_format(ou_ValueError, "invalid literal for int() with base %d: %R", base, t);
            ou_decref(t);
            return OU_ERR;
        }
        return ou_err_format(ou_ValueError, "invalid literal for int() with base %d: %R",
                             base, s);
    }
    if (rc < 0) return OU_ERR;
    if (rc == 2) return big;
    return ou_int(r);
}

static Value int_from_str(Value s, int base, const char *text, int64_t n) {
    return ou_int_from_text(text, n, base, s);
}

static Value int_from_double(double d) { return ns_big_from_double(d); }

/* Calls a conversion dunder (__int__, __index__, __trunc__) if the type defines it. */
static Value call_dunder_opt(Value v, const char *name) {
    Value n = ou_str_intern(name);
    if (IS_ERR(n)) return OU_ERR;
    if (IS_UNDEF(ou_type_lookup(ou_typeof(v), n))) return OU_UNDEF;
    return ou_call_method(v, name, NULL, 0);
}

static Value int_convert(Value x) {
    double d;
    if (ou_is_int(x)) return ns_big_exact(x);
    if (IS_FLOAT(x)) return int_from_double(AS_FLOAT(x));
    if (IS_STR(x)) return int_from_str(x, 10, ou_str_data(x), ou_str_len(x));
    static const char *const dunders[] = {"__int__", "__index__", "__trunc__"};
    for (int k = 0; k < 3; k++) {
        Value r = call_dunder_opt(x, dunders[k]);
        if (IS_UNDEF(r)) continue;
        if (IS_ERR(r)) return OU_ERR;
        if (ou_is_int(r)) {
            Value e = ns_big_exact(r);
            ou_decref(r);
            return e;
        }
        ou_err_format(ou_TypeError, "%s returned non-int (type %T)", dunders[k], r);
        ou_decref(r);
        return OU_ERR;
    }
    if (ns_float_value(x, &d)) return int_from_double(d);
    return ou_err_format(ou_TypeError,
                         "int() argument must be a string, a bytes-like object or a real "
                         "number, not '%T'", x);
}

static Value int_new(OuType *type, Value *args, int nargs, Value kwnames) {
    Value x = OU_UNDEF, basev = OU_UNDEF;
    int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs + nkw > 2) return ou_err_format(ou_TypeError, "int() takes at most 2 arguments (%d given)", nargs + nkw);
    if (nargs >= 1) x = args[0];
    if (nargs == 2) basev = args[1];
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        if (ou_str_eq_cstr(name, "base") && IS_UNDEF(basev)) basev = args[nargs + k];
        else return ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for int()", name);
    }
    Value r;
    if (IS_UNDEF(basev)) {
        r = IS_UNDEF(x) ? MK_SMALLINT(0) : int_convert(x);
    } else {
        int64_t base;
        if (ou_index(basev, &base) < 0) return OU_ERR;
        if (IS_UNDEF(x)) return ou_err_format(ou_TypeError, "int() missing string argument");
        if (!IS_STR(x))
            return ou_err_format(ou_TypeError, "int() can't convert non-string with explicit base");
        if ((base != 0 && base < 2) || base > 36)
            return ou_err_format(ou_ValueError, "int() base must be >= 2 and <= 36, or 0");
        r = int_from_str(x, (int)base, ou_str_data(x), ou_str_len(x));
    }
    if (IS_ERR(r) || type == &ou_int_type) return r;
    Value o = ns_big_subclass_new(type, r);
    ou_decref(r);
    return o;
}

static Value bool_new(OuType *type, Value *args, int nargs, Value kwnames) {
    (void)type;
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1) return ou_err_format(ou_TypeError, "bool expected at most 1 argument, got %d", nargs);
    if (nargs == 0) return OU_FALSE;
    int t = ou_truthy(args[0]);
    if (t < 0) return OU_ERR;
    return MK_BOOL(t);
}

/* ---------------------------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------------------------- */
static int no_kw(Value kwnames, const char *name) {
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        ou_err_format(ou_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    return 0;
}

static int check_noargs(int nargs, Value kwnames, const char *qualname) {
    if (no_kw(kwnames, qualname) < 0) return -1;
    if (nargs != 1) {
        ou_err_format(ou_TypeError, "%s() takes no arguments (%d given)", qualname, nargs - 1);
        return -1;
    }
    return 0;
}

static int self_int(Value *args, int nargs) {
    if (nargs < 1 || !ou_is_int(args[0])) {
        ou_err_format(ou_TypeError, "descriptor requires a 'int' object");
        return -1;
    }
    return 0;
}

static Value int_bit_length(Value *args, int nargs, Value kwnames) {
    if (self_int(args, nargs) < 0 || check_noargs(nargs, kwnames, "int.bit_length") < 0) return OU_ERR;
    return ou_int(ns_big_bit_length(args[0]));
}

static Value int_bit_count(Value *args, int nargs, Value kwnames) {
    if (self_int(args, nargs) < 0 || check_noargs(nargs, kwnames, "int.bit_count") < 0) return OU_ERR;
    return ou_int(ns_big_bit_count(args[0]));
}

static Value int_self(Value *args, int nargs, Value kwnames) {
    if (self_int(args, nargs) < 0 || no_kw(kwnames, "int") < 0) return OU_ERR;
    return ns_big_exact(args[0]);
}

static Value int_zero(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    if (self_int(args, nargs) < 0) return OU_ERR;
    return MK_SMALLINT(0);
}

static Value int_one(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    if (self_int(args, nargs) < 0) return OU_ERR;
    return MK_SMALLINT(1);
}

/* round(x, nd) for nd < 0: x rounded half to even to a multiple of p = 10^-nd. */
static Value round_to_pow10(Value x, int64_t nd) {
    Value p = ns_big_binop(MK_SMALLINT(10), MK_SMALLINT(-nd), OU_BIN_POW);
    if (IS_ERR(p)) return OU_ERR;
    Value q = OU_ERR, r = OU_ERR, twice = OU_ERR, res = OU_ERR;
    Value qr = ns_big_divmod(x, p);
    if (IS_ERR(qr)) goto done;
    q = ou_newref(AS_TUPLE(qr)->items[0]);
    r = ou_newref(AS_TUPLE(qr)->items[1]);
    ou_decref(qr);
    twice = ns_big_binop(r, MK_SMALLINT(2), OU_BIN_MUL);
    if (IS_ERR(twice)) goto done;
    int c = ns_big_cmp(twice, p);
    Value odd = ns_big_binop(q, MK_SMALLINT(1), OU_BIN_AND);
    if (IS_ERR(odd)) goto done;
    if (c > 0 || (c == 0 && odd == MK_SMALLINT(1))) {
        Value q1 = ns_big_binop(q, MK_SMALLINT(1), OU_BIN_ADD);
        if (IS_ERR(q1)) goto done;
        ou_decref(q);
        q = q1;
    }
    res = ns_big_binop(q, p, OU_BIN_MUL);
done:
    ou_xdecref(twice);
    ou_xdecref(q);
    ou_xdecref(r);
    ou_decref(p);
    return res;
}

static Value int_round(Value *args, int nargs, Value kwnames) {
    int64_t nd;
    if (self_int(args, nargs) < 0 || no_kw(kwnames, "int.__round__") < 0) return OU_ERR;
    if (nargs > 2) return ou_err_format(ou_TypeError, "__round__ expected at most 1 argument, got %d", nargs - 1);
    if (nargs < 2 || IS_NONE(args[1])) return ns_big_exact(args[0]);
    if (ou_index(args[1], &nd) < 0) return OU_ERR;
    if (nd >= 0) return ns_big_exact(args[0]);
    /* |x| < 10^k when its bit length is at most 3.32 k: the result is 0. */
    if (-nd > 20 && (double)ns_big_bit_length(args[0]) < (double)-nd * 3.3) return MK_SMALLINT(0);
    return round_to_pow10(args[0], nd);
}

static Value int_format_method(Value *args, int nargs, Value kwnames) {
    if (self_int(args, nargs) < 0 || no_kw(kwnames, "int.__format__") < 0) return OU_ERR;
    if (nargs != 2) return ou_err_format(ou_TypeError, "__format__ expected 1 argument, got %d", nargs - 1);
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "__format__() argument must be str, not %T", args[1]);
    if (IS_BOOL(args[0]) && ou_str_len(args[1]) == 0) return bool_repr(args[0]);
    return ns_format_intv(args[0], args[1], OU_TYPE_NAME(args[0]));
}

static Value int_getnewargs(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    if (self_int(args, nargs) < 0) return OU_ERR;
    Value i = ns_big_exact(args[0]);
    if (IS_ERR(i)) return OU_ERR;
    Value t = ou_tuple_pack(1, i);
    ou_decref(i);
    return t;
}

static Value int_float(Value *args, int nargs, Value kwnames) {
    double d;
    if (self_int(args, nargs) < 0 || check_noargs(nargs, kwnames, "int.__float__") < 0) return OU_ERR;
    if (ns_big_to_double(args[0], &d) < 0) return OU_ERR;
    return ou_float(d);
}

static Value int_abs(Value *args, int nargs, Value kwnames) {
    if (self_int(args, nargs) < 0 || check_noargs(nargs, kwnames, "int.__abs__") < 0) return OU_ERR;
    return ns_big_abs(args[0]);
}

static const OuMethodDef int_methods[] = {
    {"__abs__", int_abs, NULL},
    {"__float__", int_float, NULL},
    {"bit_length", int_bit_length, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_bit_count, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_self, "Returns self, the complex conjugate of any int."},
    {"__index__", int_self, NULL},
    {"__int__", int_self, NULL},
    {"__trunc__", int_self, NULL},
    {"__floor__", int_self, NULL},
    {"__ceil__", int_self, NULL},
    {"__round__", int_round, NULL},
    {"__format__", int_format_method, NULL},
    {"__getnewargs__", int_getnewargs, NULL},
    {NULL, NULL, NULL},
};

/* Properties real/imag/numerator/denominator. */
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

/* ---------------------------------------------------------------------------------------------
 * NoneType, NotImplemented, Ellipsis
 * ------------------------------------------------------------------------------------------- */
static Value none_repr(Value v) { return ou_str_intern("None"); }
static int none_truth(Value v) { return 0; }
static int64_t none_hash(Value v) { return 0xFCA86420; }
static Value none_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (nargs > 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError, "NoneType takes no arguments");
    return OU_NONE;
}
static Value notimpl_repr(Value v) { return ou_str_intern("NotImplemented"); }
static Value notimpl_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (nargs > 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError, "NotImplementedType takes no arguments");
    return ou_newref(ou_NotImplemented);
}
static Value ellipsis_repr(Value v) { return ou_str_intern("Ellipsis"); }
static Value ellipsis_new(OuType *type, Value *args, int nargs, Value kwnames) {
    if (nargs > 0 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError, "ellipsis takes no arguments");
    return ou_newref(ou_Ellipsis);
}
static int64_t ptr_hash(Value v) {
    int64_t h = (int64_t)((v & OU_PAYLOAD) >> 4);
    return h == -1 ? -2 : h;
}

OuType ou_int_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "int",
    .flags = OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuInt),
    .dealloc = int_dealloc,
    .repr = int_repr,
    /* No str slot: str() of an int is its repr, and, as CPython's int inherits
     * object.__str__, str() of a subclass instance uses the subclass's __repr__. */
    .hash = int_hash,
    .richcmp = int_richcmp,
    .binop = int_binop,
    .unaryop = int_unaryop,
    .truth = int_truth,
    .new = int_new,
};

OuType ou_bool_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "bool",
    .flags = 0,
    .basicsize = sizeof(OuInt),
    .base = &ou_int_type,
    .repr = bool_repr,
    .str = bool_repr,
    .hash = int_hash,
    .richcmp = int_richcmp,
    .binop = bool_binop,
    .unaryop = int_unaryop,
    .truth = int_truth,
    .new = bool_new,
};

OuType ou_none_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "NoneType",
    .basicsize = sizeof(OuObject),
    .repr = none_repr,
    .str = none_repr,
    .hash = none_hash,
    .truth = none_truth,
    .new = none_new,
};

OuType ou_notimplemented_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "NotImplementedType",
    .basicsize = sizeof(OuObject),
    .repr = notimpl_repr,
    .str = notimpl_repr,
    .hash = ptr_hash,
    .new = notimpl_new,
};

OuType ou_ellipsis_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "ellipsis",
    .basicsize = sizeof(OuObject),
    .repr = ellipsis_repr,
    .str = ellipsis_repr,
    .hash = ptr_hash,
    .new = ellipsis_new,
};

int vm_init_int(void) {
    ou_NotImplemented = MK_OBJ(&notimpl_obj);
    ou_Ellipsis = MK_OBJ(&ellipsis_obj);
    if (ou_type_ready(&ou_int_type) < 0 || ou_type_ready(&ou_bool_type) < 0 ||
        ou_type_ready(&ou_none_type) < 0 || ou_type_ready(&ou_notimplemented_type) < 0 ||
        ou_type_ready(&ou_ellipsis_type) < 0)
        return -1;
    if (ou_add_functions(ou_int_type.dict, int_methods, OU_UNDEF) < 0) return -1;
    if (add_property(&ou_int_type, "real", int_self) < 0 ||
        add_property(&ou_int_type, "imag", int_zero) < 0 ||
        add_property(&ou_int_type, "numerator", int_self) < 0 ||
        add_property(&ou_int_type, "denominator", int_one) < 0)
        return -1;
    return 0;
}
