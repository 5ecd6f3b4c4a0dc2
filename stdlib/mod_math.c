/* mod_math.c: the math module. Float functions follow CPython's math_1/math_2 error rules:
 * a NaN result from non-NaN input is "math domain error" (ValueError), an infinite result from
 * finite input is "math range error" (OverflowError) for functions that can overflow.
 * Integer functions (factorial, comb, perm, gcd, lcm, isqrt) work on ints of any size. */
#include <errno.h>
#include <float.h>
#include <math.h>

#include "stdlib.h"

static Value domain_error(void) { return ou_err_format(ou_ValueError, "math domain error"); }
static Value range_error(void) { return ou_err_format(ou_OverflowError, "math range error"); }

/* Convert a number (or an object with __float__ / __index__) to a double; -1 on TypeError
 * "must be real number, not str". */
static int to_double(Value v, double *out)
{
    if (IS_FLOAT(v)) { *out = AS_FLOAT(v); return 0; }
    if (ou_is_int(v)) return ou_int_to_double(v, out); /* OverflowError when too large */
    if (ou_is_number(v)) { *out = ou_number_as_double(v); return 0; }
    Value meth = ou_type_lookup(ou_typeof(v), ou_str_intern("__float__"));
    if (!IS_UNDEF(meth)) {
        Value r = ou_call1(meth, v);
        if (IS_ERR(r)) return -1;
        if (!IS_FLOAT(r)) {
            ou_err_format(ou_TypeError, "%T.__float__ returned non-float (type %T)", v, r);
            ou_decref(r);
            return -1;
        }
        *out = AS_FLOAT(r);
        return 0;
    }
    meth = ou_type_lookup(ou_typeof(v), ou_str_intern("__index__"));
    if (!IS_UNDEF(meth)) {
        int64_t i;
        if (ou_index(v, &i) < 0) return -1;
        *out = (double)i;
        return 0;
    }
    ou_err_format(ou_TypeError, "must be real number, not %T", v);
    return -1;
}

static int check_n(const char *name, int nargs, Value kwnames, int n)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        ou_err_format(ou_TypeError, "math.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs == n) return 0;
    if (n == 1)
        ou_err_format(ou_TypeError, "math.%s() takes exactly one argument (%d given)", name,
                      nargs);
    else
        ou_err_format(ou_TypeError, "%s expected %d arguments, got %d", name, n, nargs);
    return -1;
}

/* One-argument float function. can_overflow: an infinite result from finite input is a
 * range error rather than a domain error. */
static Value math_1(Value *args, int nargs, Value kwnames, const char *name, double (*f)(double),
                    bool can_overflow)
{
    if (check_n(name, nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    errno = 0;
    double r = f(x);
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    if (errno == ERANGE && fabs(r) >= 1.0 && can_overflow) return range_error();
    return ou_float(r);
}

#define MATH1(pyname, cfn, ovf)                                                                 \
    static Value m_##pyname(Value *args, int nargs, Value kwnames)                              \
    {                                                                                           \
        return math_1(args, nargs, kwnames, #pyname, cfn, ovf);                                 \
    }

static double c_fabs(double x) { return fabs(x); }
static double c_degrees(double x) { return x * (180.0 / M_PI); }
static double c_radians(double x) { return x * (M_PI / 180.0); }

MATH1(sqrt, sqrt, false)
MATH1(exp, exp, true)
MATH1(exp2, exp2, true)
MATH1(expm1, expm1, true)
MATH1(sin, sin, false)
MATH1(cos, cos, false)
MATH1(tan, tan, false)
MATH1(asin, asin, false)
MATH1(acos, acos, false)
MATH1(atan, atan, false)
MATH1(sinh, sinh, true)
MATH1(cosh, cosh, true)
MATH1(tanh, tanh, false)
MATH1(asinh, asinh, false)
MATH1(acosh, acosh, false)
MATH1(atanh, atanh, false)
MATH1(fabs, c_fabs, false)
MATH1(degrees, c_degrees, true)
MATH1(radians, c_radians, false)
MATH1(erf, erf, false)
MATH1(erfc, erfc, false)
MATH1(cbrt, cbrt, false)

static Value m_gamma(Value *args, int nargs, Value kwnames)
{
    if (check_n("gamma", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    if (x == floor(x) && x <= 0) return domain_error();
    if (isnan(x)) return ou_float(x);
    if (x == -INFINITY) return domain_error();
    double r = tgamma(x);
    if (isinf(r) && isfinite(x)) return range_error();
    return ou_float(r);
}

static Value m_lgamma(Value *args, int nargs, Value kwnames)
{
    if (check_n("lgamma", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    if (x == floor(x) && x <= 0) return domain_error();
    double r = lgamma(x);
    if (isinf(r) && isfinite(x)) return range_error();
    return ou_float(r);
}

/* log(x) for an int or float; ints are exact up to int64, like CPython for those. */
static int log_arg(Value v, double *out, double (*f)(double))
{
    int64_t i;
    if (!IS_FLOAT(v) && ou_int_value(v, &i)) {
        if (i <= 0) {
            domain_error();
            return -1;
        }
        *out = f((double)i);
        return 0;
    }
    if (!IS_FLOAT(v) && ou_is_int(v)) {
        /* Too large for a double perhaps: as CPython, log(m * 2^e) = f(m) + f(2) * e with m
         * in [0.5, 1) taken from the top 64 bits. */
        if (ou_int_sign(v) <= 0) {
            domain_error();
            return -1;
        }
        Value bits = ou_call_method(v, "bit_length", NULL, 0);
        int64_t nb = 0;
        if (IS_ERR(bits)) return -1;
        ou_int_value(bits, &nb);
        ou_decref(bits);
        int64_t shift = nb > 64 ? nb - 64 : 0;
        Value top = ou_binop(v, MK_SMALLINT(shift), OU_BIN_RSHIFT);
        if (IS_ERR(top)) return -1;
        double t;
        int rc = ou_int_to_double(top, &t);
        ou_decref(top);
        if (rc < 0) return -1;
        int e;
        double m = frexp(t, &e);
        *out = f(m) + f(2.0) * (double)(e + shift);
        return 0;
    }
    double x;
    if (to_double(v, &x) < 0) return -1;
    if (isnan(x)) { *out = x; return 0; }
    if (x <= 0) {
        domain_error();
        return -1;
    }
    *out = f(x);
    return 0;
}

static Value m_log(Value *args, int nargs, Value kwnames)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "log() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
        return ou_err_format(ou_TypeError, nargs < 1 ? "log expected at least 1 argument, got %d"
                                                     : "log expected at most 2 arguments, got %d",
                             nargs);
    double num;
    if (log_arg(args[0], &num, log) < 0) return OU_ERR;
    if (nargs == 1) return ou_float(num);
    double den;
    if (log_arg(args[1], &den, log) < 0) return OU_ERR;
    if (den == 0.0) return ou_err_format(ou_ZeroDivisionError, "float division by zero");
    return ou_float(num / den);
}

static Value m_log2(Value *args, int nargs, Value kwnames)
{
    if (check_n("log2", nargs, kwnames, 1) < 0) return OU_ERR;
    double r;
    return log_arg(args[0], &r, log2) < 0 ? OU_ERR : ou_float(r);
}

static Value m_log10(Value *args, int nargs, Value kwnames)
{
    if (check_n("log10", nargs, kwnames, 1) < 0) return OU_ERR;
    double r;
    return log_arg(args[0], &r, log10) < 0 ? OU_ERR : ou_float(r);
}

static Value m_log1p(Value *args, int nargs, Value kwnames)
{
    if (check_n("log1p", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    if (x <= -1.0) return domain_error();
    return ou_float(log1p(x));
}

static Value m_pow(Value *args, int nargs, Value kwnames)
{
    if (check_n("pow", nargs, kwnames, 2) < 0) return OU_ERR;
    double x, y;
    if (to_double(args[0], &x) < 0 || to_double(args[1], &y) < 0) return OU_ERR;
    double r;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) r = y == 0.0 ? 1.0 : x;
        else if (isnan(y)) r = x == 1.0 ? 1.0 : y;
        else r = pow(x, y);
        return ou_float(r);
    }
    if (x == 0.0 && y < 0.0) return domain_error();
    r = pow(x, y);
    if (isnan(r)) return domain_error();
    if (isinf(r)) return range_error();
    return ou_float(r);
}

static Value m_atan2(Value *args, int nargs, Value kwnames)
{
    if (check_n("atan2", nargs, kwnames, 2) < 0) return OU_ERR;
    double y, x;
    if (to_double(args[0], &y) < 0 || to_double(args[1], &x) < 0) return OU_ERR;
    return ou_float(atan2(y, x));
}

static Value m_fmod(Value *args, int nargs, Value kwnames)
{
    if (check_n("fmod", nargs, kwnames, 2) < 0) return OU_ERR;
    double x, y;
    if (to_double(args[0], &x) < 0 || to_double(args[1], &y) < 0) return OU_ERR;
    if (isinf(y) && isfinite(x)) return ou_float(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) return domain_error();
    return ou_float(r);
}

static Value m_copysign(Value *args, int nargs, Value kwnames)
{
    if (check_n("copysign", nargs, kwnames, 2) < 0) return OU_ERR;
    double x, y;
    if (to_double(args[0], &x) < 0 || to_double(args[1], &y) < 0) return OU_ERR;
    return ou_float(copysign(x, y));
}

static Value m_remainder(Value *args, int nargs, Value kwnames)
{
    if (check_n("remainder", nargs, kwnames, 2) < 0) return OU_ERR;
    double x, y;
    if (to_double(args[0], &x) < 0 || to_double(args[1], &y) < 0) return OU_ERR;
    if (isnan(x) || isnan(y)) return ou_float(NAN);
    if (isinf(x) || y == 0.0) return domain_error();
    return ou_float(remainder(x, y));
}

static Value m_hypot(Value *args, int nargs, Value kwnames)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "hypot() takes no keyword arguments");
    /* Scale by the largest magnitude to avoid overflow, as CPython's vector_norm. */
    double maxv = 0.0, sum = 0.0;
    bool found_nan = false;
    double stackv[16], *v = stackv;
    if (nargs > 16) {
        v = ou_mem_alloc(sizeof(double) * (size_t)nargs);
        if (!v) return OU_ERR;
    }
    for (int i = 0; i < nargs; i++) {
        if (to_double(args[i], &v[i]) < 0) {
            if (v != stackv) ou_mem_free(v);
            return OU_ERR;
        }
        v[i] = fabs(v[i]);
        if (isnan(v[i])) found_nan = true;
        if (v[i] > maxv) maxv = v[i];
    }
    double r;
    if (isinf(maxv)) r = maxv;
    else if (found_nan) r = NAN;
    else if (maxv == 0.0 || nargs <= 1) r = maxv;
    else if (nargs == 2) r = hypot(v[0], v[1]);
    else {
        for (int i = 0; i < nargs; i++) {
            double t = v[i] / maxv;
            sum += t * t;
        }
        r = maxv * sqrt(sum);
    }
    if (v != stackv) ou_mem_free(v);
    return ou_float(r);
}

static Value m_dist(Value *args, int nargs, Value kwnames)
{
    if (check_n("dist", nargs, kwnames, 2) < 0) return OU_ERR;
    Value p = ou_sequence_tuple(args[0]);
    if (IS_ERR(p)) return OU_ERR;
    Value q = ou_sequence_tuple(args[1]);
    if (IS_ERR(q)) { ou_decref(p); return OU_ERR; }
    Value r = OU_ERR;
    int64_t n = AS_TUPLE(p)->len;
    if (n != AS_TUPLE(q)->len) {
        ou_err_format(ou_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    Value diffs = ou_tuple_new(n);
    if (IS_ERR(diffs)) goto done;
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (to_double(AS_TUPLE(p)->items[i], &a) < 0 || to_double(AS_TUPLE(q)->items[i], &b) < 0) {
            for (int64_t j = i; j < n; j++) ou_tuple_set_steal(diffs, j, MK_SMALLINT(0));
            ou_decref(diffs);
            goto done;
        }
        ou_tuple_set_steal(diffs, i, ou_float(a - b));
    }
    r = m_hypot(AS_TUPLE(diffs)->items, (int)n, OU_UNDEF);
    ou_decref(diffs);
done:
    ou_decref(p);
    ou_decref(q);
    return r;
}

static Value m_isnan(Value *args, int nargs, Value kwnames)
{
    if (check_n("isnan", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    return MK_BOOL(isnan(x));
}

static Value m_isinf(Value *args, int nargs, Value kwnames)
{
    if (check_n("isinf", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    return MK_BOOL(isinf(x));
}

static Value m_isfinite(Value *args, int nargs, Value kwnames)
{
    if (check_n("isfinite", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    return MK_BOOL(isfinite(x));
}

static Value m_isclose(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value av = OU_UNDEF, bv = OU_UNDEF, relv = OU_UNDEF, absv = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "isclose", "OO|$OO", names, &av, &bv, &relv,
                      &absv) < 0)
        return OU_ERR;
    double a, b, rel_tol = 1e-9, abs_tol = 0.0;
    if (to_double(av, &a) < 0 || to_double(bv, &b) < 0) return OU_ERR;
    if (!IS_UNDEF(relv) && to_double(relv, &rel_tol) < 0) return OU_ERR;
    if (!IS_UNDEF(absv) && to_double(absv, &abs_tol) < 0) return OU_ERR;
    if (rel_tol < 0.0 || abs_tol < 0.0)
        return ou_err_format(ou_ValueError, "tolerances must be non-negative");
    if (a == b) return OU_TRUE;
    if (isinf(a) || isinf(b)) return OU_FALSE;
    double diff = fabs(b - a);
    return MK_BOOL((diff <= fabs(rel_tol * b)) || (diff <= fabs(rel_tol * a)) ||
                   (diff <= abs_tol));
}

/* floor/ceil/trunc: ints pass through; floats become ints; others use __floor__ & co. */
static Value to_int_op(Value *args, int nargs, Value kwnames, const char *name,
                       double (*f)(double), const char *dunder)
{
    if (check_n(name, nargs, kwnames, 1) < 0) return OU_ERR;
    Value v = args[0];
    double x;
    if (IS_FLOAT(v)) {
        x = f(AS_FLOAT(v));
    } else if (IS_SMALLINT(v) || IS_BOXINT(v)) {
        return ou_newref(v);
    } else if (IS_BOOL(v)) {
        return MK_SMALLINT(v == OU_TRUE);
    } else {
        Value meth = ou_type_lookup(ou_typeof(v), ou_str_intern(dunder));
        if (!IS_UNDEF(meth)) return ou_call1(meth, v);
        if (strcmp(name, "trunc") == 0)
            return ou_err_format(ou_TypeError, "type %s doesn't define __trunc__ method",
                                 OU_TYPE_NAME(v));
        if (to_double(v, &x) < 0) return OU_ERR;
        x = f(x);
    }
    if (isnan(x)) return ou_err_format(ou_ValueError, "cannot convert float NaN to integer");
    if (isinf(x))
        return ou_err_format(ou_OverflowError, "cannot convert float infinity to integer");
    return ou_int_from_double(x);
}

static Value m_floor(Value *args, int nargs, Value kwnames)
{
    return to_int_op(args, nargs, kwnames, "floor", floor, "__floor__");
}

static Value m_ceil(Value *args, int nargs, Value kwnames)
{
    return to_int_op(args, nargs, kwnames, "ceil", ceil, "__ceil__");
}

static Value m_trunc(Value *args, int nargs, Value kwnames)
{
    return to_int_op(args, nargs, kwnames, "trunc", trunc, "__trunc__");
}

static Value m_modf(Value *args, int nargs, Value kwnames)
{
    if (check_n("modf", nargs, kwnames, 1) < 0) return OU_ERR;
    double x, ip;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    if (isinf(x)) return ou_tuple_pack(2, ou_float(copysign(0.0, x)), ou_float(x));
    double fp = modf(x, &ip);
    return ou_tuple_pack(2, ou_float(fp), ou_float(ip));
}

static Value m_frexp(Value *args, int nargs, Value kwnames)
{
    if (check_n("frexp", nargs, kwnames, 1) < 0) return OU_ERR;
    double x;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return ou_tuple_pack(2, ou_float(m), MK_SMALLINT(e));
}

static Value m_ldexp(Value *args, int nargs, Value kwnames)
{
    if (check_n("ldexp", nargs, kwnames, 2) < 0) return OU_ERR;
    double x;
    int64_t e;
    if (to_double(args[0], &x) < 0) return OU_ERR;
    if (IS_FLOAT(args[1]))
        return ou_err_format(ou_TypeError, "Expected an int as second argument to ldexp.");
    if (ou_int_arg(args[1], &e, "ldexp") < 0) return OU_ERR;
    if (x == 0.0 || !isfinite(x)) return ou_float(x);
    if (e > 100000) e = 100000;
    if (e < -100000) e = -100000;
    double r = ldexp(x, (int)e);
    if (isinf(r)) return range_error();
    return ou_float(r);
}

/* ---------------------------------------------------------------------------------------------
 * Integer functions. They work on int Values of any size through ou_binop, with products
 * built as balanced trees so that the big multiplications are few and of similar sizes.
 * ------------------------------------------------------------------------------------------- */

/* An integer argument as a new reference to an exact int: ints pass, objects with __index__
 * are converted, floats and others raise "'float' object cannot be interpreted as an integer". */
static Value int_param_value(Value v)
{
    if (IS_FLOAT(v)) return ou_err_format(ou_TypeError, "'float' object cannot be interpreted as an integer");
    if (ou_is_int(v)) return IS_BOOL(v) ? MK_SMALLINT(v == OU_TRUE) : ou_newref(v);
    Value meth = ou_type_lookup(ou_typeof(v), ou_str_intern("__index__"));
    if (IS_UNDEF(meth))
        return ou_err_format(ou_TypeError, "'%T' object cannot be interpreted as an integer", v);
    Value r = ou_call1(meth, v);
    if (IS_ERR(r)) return OU_ERR;
    if (!ou_is_int(r)) {
        ou_err_format(ou_TypeError, "__index__ returned non-int (type %T)", r);
        ou_decref(r);
        return OU_ERR;
    }
    return r;
}

static bool is_zero(Value v) { return v == MK_SMALLINT(0); }

/* lo * (lo + 1) * ... * (lo + count - 1), count >= 0, as a balanced product tree. */
static Value range_product(Value lo, int64_t count)
{
    if (count <= 0) return MK_SMALLINT(1);
    if (count <= 8) {
        Value acc = ou_newref(lo), x = ou_newref(lo);
        for (int64_t i = 1; i < count; i++) {
            Value nx = ou_binop(x, MK_SMALLINT(1), OU_BIN_ADD);
            ou_decref(x);
            x = nx;
            if (IS_ERR(x)) break;
            Value na = ou_binop(acc, x, OU_BIN_MUL);
            ou_decref(acc);
            acc = na;
            if (IS_ERR(acc)) break;
        }
        ou_xdecref(x);
        if (IS_ERR(x)) {
            ou_xdecref(acc);
            return OU_ERR;
        }
        return acc;
    }
    int64_t half = count / 2;
    Value mid = ou_binop(lo, MK_SMALLINT(half), OU_BIN_ADD);
    if (IS_ERR(mid)) return OU_ERR;
    Value a = range_product(lo, half);
    Value b = IS_ERR(a) ? OU_ERR : range_product(mid, count - half);
    ou_decref(mid);
    if (IS_ERR(b)) {
        ou_xdecref(a);
        return OU_ERR;
    }
    Value r = ou_binop(a, b, OU_BIN_MUL);
    ou_decref(a);
    ou_decref(b);
    return r;
}

static Value m_factorial(Value *args, int nargs, Value kwnames)
{
    if (check_n("factorial", nargs, kwnames, 1) < 0) return OU_ERR;
    Value nv = int_param_value(args[0]);
    if (IS_ERR(nv)) return OU_ERR;
    int64_t n;
    bool fits = ou_int_value(nv, &n);
    int sign = ou_int_sign(nv);
    ou_decref(nv);
    if (sign < 0) return ou_err_format(ou_ValueError, "factorial() not defined for negative values");
    if (!fits)
        return ou_err_format(ou_OverflowError, "factorial() argument should not exceed %lld",
                             (long long)INT64_MAX);
    return range_product(MK_SMALLINT(1), n);
}

/* gcd of two exact ints, nonnegative. */
static Value gcd2(Value a, Value b)
{
    int64_t x, y;
    Value r;
    a = ou_unaryop(a, OU_UN_POS);
    if (IS_ERR(a)) return OU_ERR;
    if (ou_int_sign(a) < 0) {
        r = ou_unaryop(a, OU_UN_NEG);
        ou_decref(a);
        if (IS_ERR(r)) return OU_ERR;
        a = r;
    }
    b = ou_unaryop(b, OU_UN_POS);
    if (IS_ERR(b)) {
        ou_decref(a);
        return OU_ERR;
    }
    if (ou_int_sign(b) < 0) {
        r = ou_unaryop(b, OU_UN_NEG);
        ou_decref(b);
        if (IS_ERR(r)) {
            ou_decref(a);
            return OU_ERR;
        }
        b = r;
    }
    while (!is_zero(b)) {
        if (ou_int_value(a, &x) && ou_int_value(b, &y) && x >= 0 && y >= 0) {
            uint64_t ua = (uint64_t)x, ub = (uint64_t)y;
            while (ub) {
                uint64_t t = ua % ub;
                ua = ub;
                ub = t;
            }
            ou_decref(a);
            ou_decref(b);
            return ou_int((int64_t)ua);
        }
        r = ou_binop(a, b, OU_BIN_MOD);
        ou_decref(a);
        a = b;
        b = r;
        if (IS_ERR(r)) {
            ou_decref(a);
            return OU_ERR;
        }
    }
    ou_decref(b);
    return a;
}

static Value m_gcd(Value *args, int nargs, Value kwnames)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "gcd() takes no keyword arguments");
    Value g = MK_SMALLINT(0);
    for (int i = 0; i < nargs; i++) {
        Value x = int_param_value(args[i]);
        if (IS_ERR(x)) {
            ou_decref(g);
            return OU_ERR;
        }
        Value ng = gcd2(g, x);
        ou_decref(x);
        ou_decref(g);
        if (IS_ERR(ng)) return OU_ERR;
        g = ng;
    }
    return g;
}

static Value m_lcm(Value *args, int nargs, Value kwnames)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "lcm() takes no keyword arguments");
    Value l = MK_SMALLINT(1);
    for (int i = 0; i < nargs; i++) {
        Value x = int_param_value(args[i]);
        if (IS_ERR(x)) {
            ou_decref(l);
            return OU_ERR;
        }
        if (is_zero(x) || is_zero(l)) {
            ou_decref(x);
            ou_decref(l);
            l = MK_SMALLINT(0);
            continue;
        }
        /* lcm(l, x) = |l // gcd(l, x) * x| */
        Value g = gcd2(l, x);
        Value q = IS_ERR(g) ? OU_ERR : ou_binop(l, g, OU_BIN_FLOORDIV);
        Value p = IS_ERR(q) ? OU_ERR : ou_binop(q, x, OU_BIN_MUL);
        ou_xdecref(g);
        ou_xdecref(q);
        ou_decref(x);
        ou_decref(l);
        if (IS_ERR(p)) return OU_ERR;
        if (ou_int_sign(p) < 0) {
            l = ou_unaryop(p, OU_UN_NEG);
            ou_decref(p);
            if (IS_ERR(l)) return OU_ERR;
        } else {
            l = p;
        }
    }
    return l;
}

/* n (any size, new reference in *n) and k (int64) for comb/perm; k defaults to n for perm.
 * *k is -1 when k is beyond int64 but larger than n (the result is then 0). */
static int nk_args(const char *name, Value *args, int nargs, Value kwnames, Value *n,
                   int64_t *k, bool k_optional)
{
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0) {
        ou_err_format(ou_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    int min = k_optional ? 1 : 2;
    if (nargs < min || nargs > 2) {
        if (min == 2)
            ou_err_format(ou_TypeError, "%s expected 2 arguments, got %d", name, nargs);
        else
            ou_err_format(ou_TypeError, nargs < 1 ? "%s expected at least 1 argument, got %d"
                                                  : "%s expected at most 2 arguments, got %d",
                          name, nargs);
        return -1;
    }
    *n = int_param_value(args[0]);
    if (IS_ERR(*n)) return -1;
    Value kv = OU_UNDEF;
    if (nargs == 2 && !IS_NONE(args[1])) {
        kv = int_param_value(args[1]);
        if (IS_ERR(kv)) goto fail;
    } else {
        kv = ou_newref(*n);
    }
    if (ou_int_sign(*n) < 0) {
        ou_err_format(ou_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (ou_int_sign(kv) < 0) {
        ou_err_format(ou_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    if (!ou_int_value(kv, k)) {
        /* k beyond int64: the result is 0 when k > n, else too large to compute. */
        int gt = ou_richcmp_bool(kv, *n, OU_GT);
        if (gt < 0) goto fail;
        if (!gt) {
            ou_err_format(ou_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
            goto fail;
        }
        *k = -1;
    }
    ou_decref(kv);
    return 0;
fail:
    ou_xdecref(kv);
    ou_decref(*n);
    return -1;
}

static Value m_comb(Value *args, int nargs, Value kwnames)
{
    Value n;
    int64_t k;
    Value argv2[2], diff = OU_UNDEF;
    if (nargs == 2 && ou_is_int(args[0]) && ou_is_int(args[1]) && !ou_int_value(args[1], &k)) {
        /* comb(n, k) == comb(n, n - k): a k beyond int64 may leave a small n - k. */
        diff = ou_binop(args[0], args[1], OU_BIN_SUB);
        if (IS_ERR(diff)) return OU_ERR;
        if (ou_int_value(diff, &k) && k >= 0) {
            argv2[0] = args[0];
            argv2[1] = diff;
            args = argv2;
        }
    }
    int rc = nk_args("comb", args, nargs, kwnames, &n, &k, false);
    ou_decref(diff);
    if (rc < 0) return OU_ERR;
    Value kv = ou_int(k < 0 ? 0 : k);
    int gt = k < 0 ? 1 : ou_richcmp_bool(kv, n, OU_GT);
    if (gt != 0) {
        ou_decref(kv);
        ou_decref(n);
        return gt < 0 ? OU_ERR : MK_SMALLINT(0);
    }
    /* Use k' = min(k, n - k): then comb = perm(n, k') // k'!. */
    Value nk = ou_binop(n, kv, OU_BIN_SUB);
    ou_decref(kv);
    if (IS_ERR(nk)) {
        ou_decref(n);
        return OU_ERR;
    }
    int64_t nk64;
    if (ou_int_value(nk, &nk64) && nk64 < k) k = nk64;
    ou_decref(nk);
    Value lo = ou_binop(n, MK_SMALLINT(k - 1), OU_BIN_SUB);
    ou_decref(n);
    if (IS_ERR(lo)) return OU_ERR;
    Value num = range_product(lo, k);
    ou_decref(lo);
    if (IS_ERR(num)) return OU_ERR;
    Value den = range_product(MK_SMALLINT(1), k);
    if (IS_ERR(den)) {
        ou_decref(num);
        return OU_ERR;
    }
    Value r = ou_binop(num, den, OU_BIN_FLOORDIV);
    ou_decref(num);
    ou_decref(den);
    return r;
}

static Value m_perm(Value *args, int nargs, Value kwnames)
{
    Value n;
    int64_t k;
    if (nk_args("perm", args, nargs, kwnames, &n, &k, true) < 0) return OU_ERR;
    Value kv = ou_int(k < 0 ? 0 : k);
    int gt = k < 0 ? 1 : ou_richcmp_bool(kv, n, OU_GT);
    ou_decref(kv);
    if (gt != 0) {
        ou_decref(n);
        return gt < 0 ? OU_ERR : MK_SMALLINT(0);
    }
    Value lo = ou_binop(n, MK_SMALLINT(k - 1), OU_BIN_SUB);
    ou_decref(n);
    if (IS_ERR(lo)) return OU_ERR;
    Value r = range_product(lo, k);
    ou_decref(lo);
    return r;
}

static Value m_isqrt(Value *args, int nargs, Value kwnames)
{
    if (check_n("isqrt", nargs, kwnames, 1) < 0) return OU_ERR;
    Value nv = int_param_value(args[0]);
    if (IS_ERR(nv)) return OU_ERR;
    if (ou_int_sign(nv) < 0) {
        ou_decref(nv);
        return ou_err_format(ou_ValueError, "isqrt() argument must be nonnegative");
    }
    int64_t n;
    if (ou_int_value(nv, &n)) {
        ou_decref(nv);
        uint64_t r = (uint64_t)sqrt((double)n);
        while (r * r > (uint64_t)n) r--;
        while ((r + 1) * (r + 1) <= (uint64_t)n) r++;
        return ou_int((int64_t)r);
    }
    /* Newton's iteration from 2^ceil(bits/2) >= sqrt(n): decreases to floor(sqrt(n)). */
    Value bits = ou_call_method(nv, "bit_length", NULL, 0);
    int64_t nb = 0;
    if (IS_ERR(bits)) {
        ou_decref(nv);
        return OU_ERR;
    }
    ou_int_value(bits, &nb);
    ou_decref(bits);
    Value x = ou_binop(MK_SMALLINT(1), MK_SMALLINT((nb + 1) / 2), OU_BIN_LSHIFT);
    while (!IS_ERR(x)) {
        Value q = ou_binop(nv, x, OU_BIN_FLOORDIV);
        Value s = IS_ERR(q) ? OU_ERR : ou_binop(x, q, OU_BIN_ADD);
        ou_xdecref(q);
        Value y = IS_ERR(s) ? OU_ERR : ou_binop(s, MK_SMALLINT(1), OU_BIN_RSHIFT);
        ou_xdecref(s);
        if (IS_ERR(y)) {
            ou_decref(x);
            x = OU_ERR;
            break;
        }
        int ge = ou_richcmp_bool(y, x, OU_GE);
        if (ge != 0) {
            ou_decref(y);
            if (ge < 0) {
                ou_decref(x);
                x = OU_ERR;
            }
            break;
        }
        ou_decref(x);
        x = y;
    }
    ou_decref(nv);
    return x;
}

static Value m_prod(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    Value iterable = OU_UNDEF, start = MK_SMALLINT(1);
    if (ou_parse_args(args, nargs, kwnames, "prod", "O|$O", names, &iterable, &start) < 0)
        return OU_ERR;
    Value it = ou_iter(iterable);
    if (IS_ERR(it)) return OU_ERR;
    Value acc = ou_newref(start);
    for (;;) {
        Value item = ou_next(it);
        if (IS_UNDEF(item)) break;
        if (IS_ERR(item)) goto fail;
        int64_t a, b, r;
        Value res;
        if (IS_SMALLINT(acc) && IS_SMALLINT(item) &&
            !__builtin_mul_overflow((a = AS_SMALLINT(acc)), (b = AS_SMALLINT(item)), &r)) {
            res = ou_int(r);
        } else if (IS_FLOAT(acc) && IS_FLOAT(item)) {
            res = ou_float(AS_FLOAT(acc) * AS_FLOAT(item));
        } else {
            res = ou_binop(acc, item, OU_BIN_MUL);
        }
        ou_decref(item);
        ou_decref(acc);
        acc = res;
        if (IS_ERR(acc)) goto fail;
    }
    ou_decref(it);
    return acc;
fail:
    ou_decref(it);
    ou_xdecref(acc);
    return OU_ERR;
}

/* fsum: Shewchuk's exact summation with a list of non-overlapping partials, as CPython's
 * math_fsum, including its handling of infinities, NaNs and intermediate overflow. */
static Value m_fsum(Value *args, int nargs, Value kwnames)
{
    if (check_n("fsum", nargs, kwnames, 1) < 0) return OU_ERR;
    Value it = ou_iter(args[0]);
    if (IS_ERR(it)) return OU_ERR;
    double stackp[32], *p = stackp;
    size_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    Value result = OU_ERR;
    for (;;) {
        Value item = ou_next(it);
        if (IS_UNDEF(item)) break;
        if (IS_ERR(item)) goto done;
        double x;
        int r = to_double(item, &x);
        ou_decref(item);
        if (r < 0) goto done;
        double xsave = x;
        size_t i = 0;
        for (size_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* A nonfinite x could come from an overflow of finite inputs. */
                if (isfinite(xsave)) {
                    ou_err_format(ou_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n == cap) {
                    cap *= 2;
                    double *np;
                    if (p == stackp) {
                        np = ou_mem_alloc(cap * sizeof(double));
                        if (np) memcpy(np, p, n * sizeof(double));
                    } else {
                        np = ou_mem_realloc(p, cap * sizeof(double));
                    }
                    if (!np) goto done;
                    p = np;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            ou_err_format(ou_ValueError, "-inf + inf in fsum");
        else
            result = ou_float(special_sum);
        goto done;
    }
    double hi = 0.0;
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* Sum from the top, stopping when the sum becomes inexact. */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* Make half-even rounding work across multiple partials. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0, x = hi + y, yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = ou_float(hi);
done:
    if (p != stackp) ou_mem_free(p);
    ou_decref(it);
    return result;
}

static const OuMethodDef math_functions[] = {
    {"sqrt", m_sqrt, "Return the square root of x."},
    {"exp", m_exp, "Return e raised to the power of x."},
    {"exp2", m_exp2, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, "Return exp(x)-1."},
    {"log", m_log, "log(x, [base=math.e])"},
    {"log2", m_log2, "Return the base 2 logarithm of x."},
    {"log10", m_log10, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, "Return the natural logarithm of 1+x (base e)."},
    {"pow", m_pow, "Return x**y (x to the power of y)."},
    {"sin", m_sin, "Return the sine of x (measured in radians)."},
    {"cos", m_cos, "Return the cosine of x (measured in radians)."},
    {"tan", m_tan, "Return the tangent of x (measured in radians)."},
    {"asin", m_asin, "Return the arc sine (measured in radians) of x."},
    {"acos", m_acos, "Return the arc cosine (measured in radians) of x."},
    {"atan", m_atan, "Return the arc tangent (measured in radians) of x."},
    {"atan2", m_atan2, "Return the arc tangent (measured in radians) of y/x."},
    {"sinh", m_sinh, "Return the hyperbolic sine of x."},
    {"cosh", m_cosh, "Return the hyperbolic cosine of x."},
    {"tanh", m_tanh, "Return the hyperbolic tangent of x."},
    {"asinh", m_asinh, "Return the inverse hyperbolic sine of x."},
    {"acosh", m_acosh, "Return the inverse hyperbolic cosine of x."},
    {"atanh", m_atanh, "Return the inverse hyperbolic tangent of x."},
    {"erf", m_erf, "Error function at x."},
    {"erfc", m_erfc, "Complementary error function at x."},
    {"gamma", m_gamma, "Gamma function at x."},
    {"lgamma", m_lgamma, "Natural logarithm of absolute value of Gamma function at x."},
    {"cbrt", m_cbrt, "Return the cube root of x."},
    {"floor", m_floor, "Return the floor of x as an Integral."},
    {"ceil", m_ceil, "Return the ceiling of x as an Integral."},
    {"trunc", m_trunc, "Truncates the Real x to the nearest Integral toward 0."},
    {"fabs", m_fabs, "Return the absolute value of the float x."},
    {"fmod", m_fmod, "Return fmod(x, y), according to platform C."},
    {"remainder", m_remainder, "Difference between x and the closest integer multiple of y."},
    {"copysign", m_copysign, "Return a float with the magnitude of x but the sign of y."},
    {"hypot", m_hypot, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", m_dist, "Return the Euclidean distance between two points p and q."},
    {"degrees", m_degrees, "Convert angle x from radians to degrees."},
    {"radians", m_radians, "Convert angle x from degrees to radians."},
    {"isnan", m_isnan, "Return True if x is a NaN (not a number), and False otherwise."},
    {"isinf", m_isinf, "Return True if x is a positive or negative infinity."},
    {"isfinite", m_isfinite, "Return True if x is neither an infinity nor a NaN."},
    {"isclose", m_isclose, "Determine whether two floating point numbers are close in value."},
    {"gcd", m_gcd, "Greatest Common Divisor."},
    {"lcm", m_lcm, "Least Common Multiple."},
    {"factorial", m_factorial, "Find n!."},
    {"comb", m_comb, "Number of ways to choose k items from n items without repetition."},
    {"perm", m_perm, "Number of ways to choose k items from n items with order."},
    {"isqrt", m_isqrt, "Return the integer part of the square root of the input."},
    {"prod", m_prod, "Calculate the product of all the elements in the input iterable."},
    {"fsum", m_fsum, "Return an accurate floating point sum of values in the iterable."},
    {"modf", m_modf, "Return the fractional and integer parts of x."},
    {"frexp", m_frexp, "Return the mantissa and exponent of x, as pair (m, e)."},
    {"ldexp", m_ldexp, "Return x * (2**i)."},
    {NULL, NULL, NULL},
};

Value mod_math_init(void)
{
    Value m = ou_module_new("math");
    if (IS_ERR(m)) return OU_ERR;
    Value d = ((OuModule *)AS_OBJ(m))->dict;
    if (mod_add_functions(m, math_functions) < 0 ||
        ou_dict_set_str(d, "pi", ou_float(M_PI)) < 0 ||
        ou_dict_set_str(d, "e", ou_float(M_E)) < 0 ||
        ou_dict_set_str(d, "tau", ou_float(2 * M_PI)) < 0 ||
        ou_dict_set_str(d, "inf", ou_float(INFINITY)) < 0 ||
        ou_dict_set_str(d, "nan", ou_float(NAN)) < 0) {
        ou_decref(m);
        return OU_ERR;
    }
    return m;
}
