/* bigint.c: arbitrary-precision arithmetic behind the int type.
 *
 * An int outside the small-int range is an OuInt (see ouro.h): sign and magnitude, the
 * magnitude d[0..|size|) in base 2^32, least significant digit first, never with a leading
 * zero digit; the sign of `size` is the sign of the value. Every operation here reads its
 * operands through a BigView, which presents any int Value (small int, bool, OuInt or an
 * instance of an int subclass) as such a digit array, so that each algorithm is written once
 * over magnitudes. Results go through big_finish, which restores the canonical rule: a result
 * that fits in 48 bits becomes a small int, whatever the sizes of the operands were.
 *
 * vm/int.c keeps the fast paths: ints that fit in int64 are computed there with overflow
 * checks and reach this file only when a result leaves int64 or an operand is already big.
 *
 * Algorithms are the classical ones (Knuth, TAOCP vol. 2, 4.3.1): schoolbook addition,
 * subtraction and multiplication, Karatsuba above a threshold, and normalized long division
 * (algorithm D). Decimal conversion works in chunks of nine digits (base 10^9): quadratic,
 * with a small constant (the inner loop divides by the constant 10^9, which compiles to a
 * multiplication), so 10,000-digit numbers convert in milliseconds. Parsing multiplies in
 * chunks of as many characters as fit in a digit. As in CPython 3.11, decimal conversions
 * of more than sys.get_int_max_str_digits() digits raise ValueError.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "numstr.h"
#include "vm.h"

typedef uint32_t digit;
typedef uint64_t twodigits;
#define DIGIT_BITS 32

/* A bound on digit counts, so that bit counts (digits * 32) and byte sizes stay far from
 * int64 overflow; CPython's own limit is of the same order. */
#define MAX_DIGITS (INT64_C(1) << 36)

/* Products of two operands this long (in digits) or longer use Karatsuba's method. */
#define KARATSUBA_CUTOFF 48

/* Default of sys.get_int_max_str_digits(), as CPython 3.11. 0 disables the limit. */
int64_t ou_int_max_str_digits = 4300;

/* A read-only view of an int as sign and magnitude. Invariant: d[0..n) has no leading zero
 * digit (n == 0 for zero, and then neg is false). For immediates d points at buf, so a view
 * must not be copied once initialized. */
typedef struct {
    const digit *d;
    int64_t n;
    bool neg;
    digit buf[2];
} BigView;

static void bv_from_i64(BigView *v, int64_t i) {
    uint64_t a = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    v->buf[0] = (digit)a;
    v->buf[1] = (digit)(a >> 32);
    v->d = v->buf;
    v->n = a == 0 ? 0 : (a >> 32) ? 2 : 1;
    v->neg = i < 0;
}

static bool is_int_obj(Value x) {
    if (!IS_OBJ(x)) return false;
    OuType *t = AS_OBJ(x)->type;
    return t == &ou_int_type || ou_is_subtype(t, &ou_int_type);
}

/* Initializes v from an int Value; false (no exception) if x is not an int. */
static bool bv_init(BigView *v, Value x) {
    if (IS_SMALLINT(x)) {
        bv_from_i64(v, AS_SMALLINT(x));
        return true;
    }
    if (IS_BOOL(x)) {
        bv_from_i64(v, x == OU_TRUE);
        return true;
    }
    if (!is_int_obj(x)) return false;
    OuInt *o = (OuInt *)AS_OBJ(x);
    v->d = o->d;
    v->n = o->size < 0 ? -o->size : o->size;
    v->neg = o->size < 0;
    return true;
}

static int64_t bv_bitlen(const BigView *v) {
    if (v->n == 0) return 0;
    return (v->n - 1) * DIGIT_BITS + (DIGIT_BITS - __builtin_clz(v->d[v->n - 1]));
}

/* ---------------------------------------------------------------------------------------------
 * Allocation and canonical results
 * ------------------------------------------------------------------------------------------- */
static Value too_big(void) {
    return ou_err_format(ou_OverflowError, "too many digits in integer");
}

/* A new plain int with room for n digits, all zero (ou_obj_alloc zero-fills). */
static OuInt *big_alloc(int64_t n) {
    if (n > MAX_DIGITS) {
        too_big();
        return NULL;
    }
    OuInt *o = ou_obj_alloc(&ou_int_type, sizeof(OuInt) + (size_t)(n > 0 ? n : 1) * sizeof(digit));
    if (!o) return NULL;
    o->d = (digit *)(o + 1);
    return o;
}

/* Makes the canonical Value of the magnitude o->d[0..n) (leading zeros allowed) with the
 * given sign: a small int when it fits (o is then freed), else o itself. Consumes o. */
static Value big_finish(OuInt *o, int64_t n, bool neg) {
    while (n > 0 && o->d[n - 1] == 0) n--;
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? o->d[0] : ((uint64_t)o->d[1] << 32) | o->d[0];
        if (m <= (uint64_t)OU_SMALLINT_MAX + (neg ? 1 : 0)) {
            ou_obj_free(&o->ob);
            return MK_SMALLINT(neg ? -(int64_t)m : (int64_t)m);
        }
    }
    o->size = neg ? -n : n;
    return MK_OBJ(o);
}

static Value bv_copy(const BigView *a, bool neg) {
    OuInt *o = big_alloc(a->n);
    if (!o) return OU_ERR;
    /* A zero int subclass instance has no digit block (d == NULL): no copy then. */
    if (a->n > 0) memcpy(o->d, a->d, (size_t)a->n * sizeof(digit));
    return big_finish(o, a->n, neg && a->n > 0);
}

Value ns_big_from_i64(int64_t i) {
    if (SMALLINT_FITS(i)) return MK_SMALLINT(i);
    BigView v;
    bv_from_i64(&v, i);
    return bv_copy(&v, v.neg);
}

bool ns_big_to_i64(Value x, int64_t *out) {
    BigView v;
    if (!bv_init(&v, x) || v.n > 2) return false;
    uint64_t m = v.n == 0 ? 0 : v.n == 1 ? v.d[0] : ((uint64_t)v.d[1] << 32) | v.d[0];
    if (m > (uint64_t)INT64_MAX + (v.neg ? 1 : 0)) return false;
    *out = v.neg ? (int64_t)(0 - m) : (int64_t)m;
    return true;
}

int ns_big_sign(Value x) {
    BigView v;
    if (!bv_init(&v, x)) return 0;
    return v.n == 0 ? 0 : v.neg ? -1 : 1;
}

/* ---------------------------------------------------------------------------------------------
 * Magnitudes: digit arrays, least significant first
 * ------------------------------------------------------------------------------------------- */
static int mag_cmp(const digit *a, int64_t na, const digit *b, int64_t nb) {
    if (na != nb) return na < nb ? -1 : 1;
    for (int64_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* r[0..na] = a + b, for na >= nb. r may alias a. */
static void mag_add(digit *r, const digit *a, int64_t na, const digit *b, int64_t nb) {
    twodigits c = 0;
    int64_t i = 0;
    for (; i < nb; i++) {
        c += (twodigits)a[i] + b[i];
        r[i] = (digit)c;
        c >>= DIGIT_BITS;
    }
    for (; i < na; i++) {
        c += a[i];
        r[i] = (digit)c;
        c >>= DIGIT_BITS;
    }
    r[na] = (digit)c;
}

/* r[0..na) = a - b, for a >= b as magnitudes. r may alias a or b. */
static void mag_sub(digit *r, const digit *a, int64_t na, const digit *b, int64_t nb) {
    twodigits borrow = 0;
    int64_t i = 0;
    for (; i < nb; i++) {
        twodigits t = (twodigits)a[i] - b[i] - borrow;
        r[i] = (digit)t;
        borrow = t >> 63;
    }
    for (; i < na; i++) {
        twodigits t = (twodigits)a[i] - borrow;
        r[i] = (digit)t;
        borrow = t >> 63;
    }
}

/* Adds 1 to r[0..n); the caller guarantees room (the carry never leaves the array). */
static void mag_inc(digit *r, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        if (++r[i] != 0) break;
}

/* r[0..na+nb) = a * b by the schoolbook method; r must be zeroed and must not alias. */
static void mag_mul_school(digit *r, const digit *a, int64_t na, const digit *b, int64_t nb) {
    for (int64_t i = 0; i < na; i++) {
        twodigits ai = a[i], c = 0;
        if (ai == 0) continue;
        digit *ri = r + i;
        for (int64_t j = 0; j < nb; j++) {
            c += ai * b[j] + ri[j];
            ri[j] = (digit)c;
            c >>= DIGIT_BITS;
        }
        ri[nb] = (digit)c;
    }
}

/* Adds a[0..na) into r (which has room for the carries). */
static void mag_addto(digit *r, int64_t nr, const digit *a, int64_t na) {
    twodigits c = 0;
    int64_t i = 0;
    for (; i < na; i++) {
        c += (twodigits)r[i] + a[i];
        r[i] = (digit)c;
        c >>= DIGIT_BITS;
    }
    for (; c && i < nr; i++) {
        c += r[i];
        r[i] = (digit)c;
        c >>= DIGIT_BITS;
    }
}

static int64_t mag_norm(const digit *a, int64_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

/* r[0..na+nb) = a * b, r zeroed, no aliasing, na >= nb. Karatsuba on balanced operands:
 * with a = a1*B^h + a0 and b = b1*B^h + b0, a*b = z2*B^2h + (z1 - z2 - z0)*B^h + z0 where
 * z2 = a1*b1, z0 = a0*b0, z1 = (a0+a1)*(b0+b1). tmp is scratch of at least 6*na digits.
 * Unbalanced operands are cut into nb-sized slices of a. */
static void mag_mul_rec(digit *r, const digit *a, int64_t na, const digit *b, int64_t nb,
                        digit *tmp) {
    if (nb < KARATSUBA_CUTOFF) {
        mag_mul_school(r, a, na, b, nb);
        return;
    }
    if (na >= 2 * nb) {
        /* Slices of a, each multiplied by all of b and added at its offset. */
        digit *part = tmp;
        digit *rest = tmp + 2 * nb;
        for (int64_t off = 0; off < na; off += nb) {
            int64_t len = na - off < nb ? na - off : nb;
            memset(part, 0, (size_t)(len + nb) * sizeof(digit));
            if (len >= nb) mag_mul_rec(part, a + off, len, b, nb, rest);
            else mag_mul_rec(part, b, nb, a + off, len, rest);
            mag_addto(r + off, na + nb - off, part, len + nb);
        }
        return;
    }
    int64_t h = (na + 1) / 2;
    const digit *a0 = a, *a1 = a + h, *b0 = b, *b1 = b + h;
    int64_t na0 = mag_norm(a0, h), na1 = na - h;
    int64_t nb0 = mag_norm(b0, nb < h ? nb : h), nb1 = nb > h ? nb - h : 0;
    if (nb1 == 0) {
        /* b is shorter than half of a: two slices of a. */
        digit *part = tmp, *rest = tmp + na + nb;
        memset(part, 0, (size_t)(h + nb) * sizeof(digit));
        if (na0 > 0) {
            if (na0 >= nb) mag_mul_rec(part, a0, na0, b, nb, rest);
            else mag_mul_rec(part, b, nb, a0, na0, rest);
        }
        memcpy(r, part, (size_t)(h + nb) * sizeof(digit));
        memset(part, 0, (size_t)(na1 + nb) * sizeof(digit));
        if (na1 >= nb) mag_mul_rec(part, a1, na1, b, nb, rest);
        else mag_mul_rec(part, b, nb, a1, na1, rest);
        mag_addto(r + h, na + nb - h, part, na1 + nb);
        return;
    }
    /* z0 into r[0..2h), z2 into r[2h..na+nb). */
    if (na0 > 0 && nb0 > 0) {
        if (na0 >= nb0) mag_mul_rec(r, a0, na0, b0, nb0, tmp);
        else mag_mul_rec(r, b0, nb0, a0, na0, tmp);
    }
    if (na1 >= nb1) mag_mul_rec(r + 2 * h, a1, na1, b1, nb1, tmp);
    else mag_mul_rec(r + 2 * h, b1, nb1, a1, na1, tmp);
    /* sa = a0 + a1 and sb = b0 + b1, h + 1 digits each; z1 = sa * sb, 2h + 2 digits. */
    digit *sa = tmp, *sb = tmp + (h + 1), *z1 = tmp + 2 * (h + 1), *rest = z1 + 2 * (h + 1);
    memset(sa, 0, (size_t)(h + 1) * sizeof(digit));
    memset(sb, 0, (size_t)(h + 1) * sizeof(digit));
    memcpy(sa, a0, (size_t)h * sizeof(digit));
    mag_addto(sa, h + 1, a1, na1);
    memcpy(sb, b0, (size_t)(nb < h ? nb : h) * sizeof(digit));
    mag_addto(sb, h + 1, b1, nb1);
    int64_t nsa = mag_norm(sa, h + 1), nsb = mag_norm(sb, h + 1);
    memset(z1, 0, (size_t)(2 * h + 2) * sizeof(digit));
    if (nsa >= nsb) mag_mul_rec(z1, sa, nsa, sb, nsb, rest);
    else mag_mul_rec(z1, sb, nsb, sa, nsa, rest);
    /* z1 -= z0 + z2, then add at offset h. */
    int64_t nz1 = mag_norm(z1, 2 * h + 2);
    int64_t nz0 = mag_norm(r, 2 * h), nz2 = mag_norm(r + 2 * h, na + nb - 2 * h);
    mag_sub(z1, z1, nz1, r, nz0);
    mag_sub(z1, z1, nz1, r + 2 * h, nz2);
    mag_addto(r + h, na + nb - h, z1, mag_norm(z1, nz1));
}

/* r[0..na+nb) = a * b; r zeroed and not aliasing. 0/-1 (only on out-of-memory). */
static int mag_mul(digit *r, const digit *a, int64_t na, const digit *b, int64_t nb) {
    if (na < nb) {
        const digit *t = a;
        a = b;
        b = t;
        int64_t tn = na;
        na = nb;
        nb = tn;
    }
    if (nb < KARATSUBA_CUTOFF) {
        mag_mul_school(r, a, na, b, nb);
        return 0;
    }
    /* Scratch: each Karatsuba level uses under 6h + 6 digits and halves h, so 12 * na
     * bounds the whole recursion. */
    digit *tmp = ou_mem_alloc((size_t)(12 * na + 64) * sizeof(digit));
    if (!tmp) return -1;
    mag_mul_rec(r, a, na, b, nb, tmp);
    ou_mem_free(tmp);
    return 0;
}

/* q[0..n) = a / d, returns a % d. q may alias a. */
static digit mag_divrem1(digit *q, const digit *a, int64_t n, digit d) {
    twodigits r = 0;
    for (int64_t i = n - 1; i >= 0; i--) {
        r = (r << DIGIT_BITS) | a[i];
        q[i] = (digit)(r / d);
        r %= d;
    }
    return (digit)r;
}

/* mag_divrem1 by the constant 10^9, which the compiler turns into a multiplication: the
 * inner loop of decimal conversion, three times faster than a hardware division. */
static digit mag_divrem_1e9(digit *q, const digit *a, int64_t n) {
    twodigits r = 0;
    for (int64_t i = n - 1; i >= 0; i--) {
        r = (r << DIGIT_BITS) | a[i];
        twodigits qq = r / 1000000000u;
        q[i] = (digit)qq;
        r -= qq * 1000000000u;
    }
    return (digit)r;
}

/* Long division (Knuth's algorithm D): q[0..na-nb] = a / b and r[0..nb) = a % b, for
 * na >= nb >= 2 and b[nb-1] != 0. 0/-1 (out of memory). */
static int mag_divrem(digit *q, digit *r, const digit *a, int64_t na, const digit *b, int64_t nb) {
    digit *un = ou_mem_alloc((size_t)(na + 1 + nb) * sizeof(digit));
    if (!un) return -1;
    digit *vn = un + na + 1;
    /* Normalize: shift so that the divisor's top bit is set, which bounds qhat's error. */
    int s = __builtin_clz(b[nb - 1]);
    if (s == 0) {
        memcpy(vn, b, (size_t)nb * sizeof(digit));
        memcpy(un, a, (size_t)na * sizeof(digit));
        un[na] = 0;
    } else {
        for (int64_t i = nb - 1; i > 0; i--) vn[i] = (b[i] << s) | (b[i - 1] >> (DIGIT_BITS - s));
        vn[0] = b[0] << s;
        un[na] = a[na - 1] >> (DIGIT_BITS - s);
        for (int64_t i = na - 1; i > 0; i--) un[i] = (a[i] << s) | (a[i - 1] >> (DIGIT_BITS - s));
        un[0] = a[0] << s;
    }
    const twodigits B = (twodigits)1 << DIGIT_BITS;
    digit vtop = vn[nb - 1], vnext = vn[nb - 2];
    for (int64_t j = na - nb; j >= 0; j--) {
        twodigits num = ((twodigits)un[j + nb] << DIGIT_BITS) | un[j + nb - 1];
        twodigits qhat = num / vtop, rhat = num % vtop;
        while (qhat >= B || qhat * vnext > ((rhat << DIGIT_BITS) | un[j + nb - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat >= B) break;
        }
        /* un[j..j+nb] -= qhat * vn, tracking the borrow as a signed quantity. */
        int64_t k = 0, t;
        for (int64_t i = 0; i < nb; i++) {
            twodigits p = qhat * vn[i];
            t = (int64_t)un[i + j] - k - (int64_t)(p & 0xFFFFFFFFu);
            un[i + j] = (digit)t;
            k = (int64_t)(p >> DIGIT_BITS) - (t >> DIGIT_BITS);
        }
        t = (int64_t)un[j + nb] - k;
        un[j + nb] = (digit)t;
        if (t < 0) {
            /* qhat was one too large (rare): add the divisor back. */
            qhat--;
            twodigits c = 0;
            for (int64_t i = 0; i < nb; i++) {
                c += (twodigits)un[i + j] + vn[i];
                un[i + j] = (digit)c;
                c >>= DIGIT_BITS;
            }
            un[j + nb] += (digit)c;
        }
        q[j] = (digit)qhat;
    }
    if (s == 0) {
        memcpy(r, un, (size_t)nb * sizeof(digit));
    } else {
        for (int64_t i = 0; i < nb - 1; i++) r[i] = (un[i] >> s) | (un[i + 1] << (DIGIT_BITS - s));
        r[nb - 1] = un[nb - 1] >> s;
    }
    ou_mem_free(un);
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Signed operations on views
 * ------------------------------------------------------------------------------------------- */
/* a + b, or a - b when negate_b. */
static Value bv_add(const BigView *a, const BigView *b, bool negate_b) {
    bool bneg = (b->neg != negate_b) && b->n > 0;
    const BigView *x = a, *y = b;
    if (a->neg == bneg || a->n == 0 || b->n == 0) {
        bool neg = a->n > 0 ? a->neg : bneg;
        if (x->n < y->n) {
            x = b;
            y = a;
        }
        OuInt *o = big_alloc(x->n + 1);
        if (!o) return OU_ERR;
        mag_add(o->d, x->d, x->n, y->d, y->n);
        return big_finish(o, x->n + 1, neg);
    }
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    if (c == 0) return MK_SMALLINT(0);
    bool neg = a->neg;
    if (c < 0) {
        x = b;
        y = a;
        neg = bneg;
    }
    OuInt *o = big_alloc(x->n);
    if (!o) return OU_ERR;
    mag_sub(o->d, x->d, x->n, y->d, y->n);
    return big_finish(o, x->n, neg);
}

static Value bv_mul(const BigView *a, const BigView *b) {
    if (a->n == 0 || b->n == 0) return MK_SMALLINT(0);
    OuInt *o = big_alloc(a->n + b->n);
    if (!o) return OU_ERR;
    if (mag_mul(o->d, a->d, a->n, b->d, b->n) < 0) {
        ou_obj_free(&o->ob);
        return OU_ERR;
    }
    return big_finish(o, a->n + b->n, a->neg != b->neg);
}

/* Floor division and modulo as Python defines them (the remainder takes the divisor's sign).
 * q and r may be NULL when that result is not wanted. b must be nonzero. 0/-1. */
static int bv_divmod(const BigView *a, const BigView *b, Value *q, Value *r) {
    int64_t na = a->n, nb = b->n;
    int64_t nq = na >= nb ? na - nb + 1 : 1;
    OuInt *qo = big_alloc(nq + 1), *ro = big_alloc(na > nb ? na : nb);
    if (!qo || !ro) goto fail;
    if (mag_cmp(a->d, na, b->d, nb) < 0) {
        if (na > 0) memcpy(ro->d, a->d, (size_t)na * sizeof(digit));
    } else if (nb == 1) {
        ro->d[0] = mag_divrem1(qo->d, a->d, na, b->d[0]);
    } else if (mag_divrem(qo->d, ro->d, a->d, na, b->d, nb) < 0) {
        goto fail;
    }
    bool qneg = a->neg != b->neg;
    if (qneg && mag_norm(ro->d, nb) > 0) {
        /* Truncation rounded toward zero; floor needs one more, and the remainder b - r. */
        mag_inc(qo->d, nq + 1);
        mag_sub(ro->d, b->d, nb, ro->d, nb);
    }
    if (q) {
        *q = big_finish(qo, nq + 1, qneg);
    } else {
        ou_obj_free(&qo->ob);
    }
    if (r) {
        *r = big_finish(ro, nb, b->neg);
    } else {
        ou_obj_free(&ro->ob);
    }
    return 0;
fail:
    if (qo) ou_obj_free(&qo->ob);
    if (ro) ou_obj_free(&ro->ob);
    return -1;
}

static Value bv_lshift(const BigView *a, int64_t k) {
    if (a->n == 0) return MK_SMALLINT(0);
    if (k / DIGIT_BITS > MAX_DIGITS) return too_big();
    int64_t wd = k / DIGIT_BITS;
    int bs = (int)(k % DIGIT_BITS);
    OuInt *o = big_alloc(a->n + wd + 1);
    if (!o) return OU_ERR;
    if (bs == 0) {
        memcpy(o->d + wd, a->d, (size_t)a->n * sizeof(digit));
    } else {
        digit carry = 0;
        for (int64_t i = 0; i < a->n; i++) {
            o->d[wd + i] = (a->d[i] << bs) | carry;
            carry = a->d[i] >> (DIGIT_BITS - bs);
        }
        o->d[wd + a->n] = carry;
    }
    return big_finish(o, a->n + wd + 1, a->neg);
}

/* Arithmetic right shift: floor(a / 2^k), so negative values round toward minus infinity. */
static Value bv_rshift(const BigView *a, int64_t k) {
    int64_t wd = k / DIGIT_BITS;
    int bs = (int)(k % DIGIT_BITS);
    if (wd >= a->n) return MK_SMALLINT(a->neg ? -1 : 0);
    int64_t n = a->n - wd;
    bool lost = bs != 0 && (a->d[wd] & (((digit)1 << bs) - 1)) != 0;
    for (int64_t i = 0; i < wd && !lost; i++) lost = a->d[i] != 0;
    OuInt *o = big_alloc(n + 1);
    if (!o) return OU_ERR;
    for (int64_t i = 0; i < n; i++) {
        digit hi = (bs != 0 && i + 1 < n) ? a->d[wd + i + 1] << (DIGIT_BITS - bs) : 0;
        o->d[i] = (a->d[wd + i] >> bs) | hi;
    }
    if (a->neg && lost) mag_inc(o->d, n + 1);
    return big_finish(o, n + 1, a->neg);
}

/* & | ^ with two's complement semantics: each operand is converted digit by digit to two's
 * complement over one digit more than the longer magnitude (enough for the sign), combined,
 * and the result converted back. */
static Value bv_bitop(const BigView *a, const BigView *b, int op) {
    int64_t n = (a->n > b->n ? a->n : b->n) + 1;
    OuInt *o = big_alloc(n);
    if (!o) return OU_ERR;
    twodigits ca = 1, cb = 1;
    for (int64_t i = 0; i < n; i++) {
        digit da = i < a->n ? a->d[i] : 0, db = i < b->n ? b->d[i] : 0;
        if (a->neg) {
            ca += (digit)~da;
            da = (digit)ca;
            ca >>= DIGIT_BITS;
        }
        if (b->neg) {
            cb += (digit)~db;
            db = (digit)cb;
            cb >>= DIGIT_BITS;
        }
        o->d[i] = op == OU_BIN_AND ? (da & db) : op == OU_BIN_OR ? (da | db) : (da ^ db);
    }
    bool neg = (o->d[n - 1] >> (DIGIT_BITS - 1)) != 0;
    if (neg) {
        twodigits c = 1;
        for (int64_t i = 0; i < n; i++) {
            c += (digit)~o->d[i];
            o->d[i] = (digit)c;
            c >>= DIGIT_BITS;
        }
    }
    return big_finish(o, n, neg);
}

static int bv_cmp(const BigView *a, const BigView *b) {
    if (a->neg != b->neg) return a->neg ? -1 : 1;
    int c = mag_cmp(a->d, a->n, b->d, b->n);
    return a->neg ? -c : c;
}

/* The 64 bits of |a| starting at bit pos (bits past the top read as zero). */
static uint64_t bv_bits64(const BigView *a, int64_t pos) {
    int64_t wd = pos / DIGIT_BITS;
    int bs = (int)(pos % DIGIT_BITS);
    unsigned __int128 w = 0;
    for (int k = 2; k >= 0; k--) w = (w << DIGIT_BITS) | (wd + k < a->n ? a->d[wd + k] : 0);
    return (uint64_t)(w >> bs);
}

/* True when some bit of |a| below position pos is set. */
static bool bv_any_below(const BigView *a, int64_t pos) {
    int64_t wd = pos / DIGIT_BITS;
    int bs = (int)(pos % DIGIT_BITS);
    for (int64_t i = 0; i < wd && i < a->n; i++)
        if (a->d[i]) return true;
    return bs != 0 && wd < a->n && (a->d[wd] & (((digit)1 << bs) - 1)) != 0;
}

/* |a| as a double, rounded to nearest (ties to even); false if it overflows. */
static bool bv_to_double(const BigView *a, double *out) {
    int64_t nbits = bv_bitlen(a);
    double d;
    if (nbits <= 64) {
        d = (double)bv_bits64(a, 0);
    } else {
        if (nbits > DBL_MAX_EXP) return false;
        int64_t shift = nbits - 64;
        /* 64 significant bits, the lowest doubling as a sticky bit for everything below: the
         * uint64 to double conversion then rounds exactly as rounding the whole would. */
        uint64_t top = bv_bits64(a, shift) | (bv_any_below(a, shift) ? 1 : 0);
        d = ldexp((double)top, (int)shift);
        if (isinf(d)) return false;
    }
    *out = a->neg ? -d : d;
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Entry points used by vm/int.c
 * ------------------------------------------------------------------------------------------- */
static Value negate_value(Value v) {
    if (IS_ERR(v)) return OU_ERR;
    if (IS_SMALLINT(v)) {
        int64_t i = -AS_SMALLINT(v);
        return SMALLINT_FITS(i) ? MK_SMALLINT(i) : ns_big_from_i64(i);
    }
    OuInt *o = (OuInt *)AS_OBJ(v);
    if (o->ob.rc == 1 && o->ob.type == &ou_int_type) {
        /* A result nobody else has seen yet may be negated in place. */
        o->size = -o->size;
        return v;
    }
    BigView bv;
    bv_init(&bv, v);
    Value r = bv_copy(&bv, !bv.neg);
    ou_decref(v);
    return r;
}

Value ns_big_unary(Value a, int op) {
    BigView v, one;
    if (!bv_init(&v, a)) return ou_newref(ou_NotImplemented);
    switch (op) {
    case OU_UN_NEG: return bv_copy(&v, !v.neg);
    case OU_UN_POS: return bv_copy(&v, v.neg);
    case OU_UN_INVERT:
        /* ~a == -(a + 1) */
        bv_from_i64(&one, 1);
        return negate_value(bv_add(&v, &one, false));
    default: return ou_newref(ou_NotImplemented);
    }
}

Value ns_big_abs(Value a) {
    BigView v;
    if (!bv_init(&v, a)) return ou_newref(ou_NotImplemented);
    return bv_copy(&v, false);
}

int ns_big_cmp(Value a, Value b) {
    BigView x, y;
    bv_init(&x, a);
    bv_init(&y, b);
    return bv_cmp(&x, &y);
}

int64_t ns_big_hash(Value a) {
    BigView v;
    bv_init(&v, a);
    const uint64_t P = (UINT64_C(1) << 61) - 1;
    uint64_t h = 0;
    for (int64_t i = v.n - 1; i >= 0; i--)
        h = (uint64_t)((((unsigned __int128)h << DIGIT_BITS) | v.d[i]) % P);
    int64_t r = v.neg ? -(int64_t)h : (int64_t)h;
    return r == -1 ? -2 : r;
}

int ns_big_to_double(Value a, double *out) {
    BigView v;
    if (!bv_init(&v, a)) {
        ou_err_format(ou_TypeError, "must be real number, not %T", a);
        return -1;
    }
    if (!bv_to_double(&v, out)) {
        ou_err_format(ou_OverflowError, "int too large to convert to float");
        return -1;
    }
    return 0;
}

Value ns_big_from_double(double d) {
    if (isnan(d)) return ou_err_format(ou_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return ou_err_format(ou_OverflowError, "cannot convert float infinity to integer");
    double t = trunc(d);
    if (t < 9223372036854775808.0 && t >= -9223372036854775808.0)
        return ns_big_from_i64((int64_t)t);
    /* |t| >= 2^63: t = m * 2^(e - 64) exactly, with m = frexp's fraction scaled to 64 bits. */
    int e;
    double m = frexp(fabs(t), &e);
    BigView v;
    uint64_t mant = (uint64_t)ldexp(m, 64);
    v.buf[0] = (digit)mant;
    v.buf[1] = (digit)(mant >> 32);
    v.d = v.buf;
    v.n = 2;
    v.neg = t < 0;
    return bv_lshift(&v, e - 64);
}

/* Exact three-way comparison of an int with a double that is not NaN. */
int ns_big_cmp_double(Value a, double d) {
    BigView v;
    bv_init(&v, a);
    if (isinf(d)) return d > 0 ? -1 : 1;
    double fl = floor(d);
    int c;
    if (fl < 9223372036854775808.0 && fl >= -9223372036854775808.0) {
        BigView w;
        bv_from_i64(&w, (int64_t)fl);
        c = bv_cmp(&v, &w);
    } else {
        Value f = ns_big_from_double(fl);
        if (IS_ERR(f)) {
            ou_err_clear();
            return 0;
        }
        BigView w;
        bv_init(&w, f);
        c = bv_cmp(&v, &w);
        ou_decref(f);
    }
    if (c == 0 && d > fl) return -1;
    return c;
}

/* a / b, correctly rounded (CPython's long_true_divide): the quotient is computed to
 * DBL_MANT_DIG + 2 or + 3 bits with a sticky bit, rounded half-to-even by hand, then scaled. */
static Value bv_truediv(const BigView *a, const BigView *b) {
    if (b->n == 0) return ou_err_format(ou_ZeroDivisionError, "division by zero");
    bool neg = a->neg != b->neg;
    if (a->n == 0) return ou_float(neg ? -0.0 : 0.0);
    int64_t abits = bv_bitlen(a), bbits = bv_bitlen(b);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        double x = (double)bv_bits64(a, 0), y = (double)bv_bits64(b, 0);
        return ou_float(neg ? -(x / y) : x / y);
    }
    int64_t diff = abits - bbits;
    /* The quotient lies in [2^(diff-1), 2^(diff+1)). */
    if (diff > DBL_MAX_EXP) goto overflow;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return ou_float(neg ? -0.0 : 0.0);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Value x;
    BigView av = *a;
    av.d = a->d == a->buf ? av.buf : a->d;
    av.neg = false;
    if (shift <= 0) {
        x = bv_lshift(&av, -shift);
    } else {
        inexact = bv_any_below(&av, shift);
        x = bv_rshift(&av, shift);
    }
    if (IS_ERR(x)) return OU_ERR;
    BigView xv, bv = *b;
    bv.d = b->d == b->buf ? bv.buf : b->d;
    bv.neg = false;
    bv_init(&xv, x);
    Value q, r;
    int rc = bv_divmod(&xv, &bv, &q, &r);
    ou_decref(x);
    if (rc < 0) return OU_ERR;
    if (!(IS_SMALLINT(r) && AS_SMALLINT(r) == 0)) inexact = true;
    ou_decref(r);
    BigView qv;
    bv_init(&qv, q);
    uint64_t m = bv_bits64(&qv, 0);
    int64_t xbits = bv_bitlen(&qv);
    ou_decref(q);
    int64_t extra = (xbits > DBL_MIN_EXP - shift ? xbits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = UINT64_C(1) << (extra - 1);
    uint64_t low = m | (inexact ? 1 : 0);
    if ((low & mask) && (low & (3 * mask - 1))) low += mask;
    m = low & ~(2 * mask - 1);
    double dx = (double)m;
    if (shift + xbits >= DBL_MAX_EXP &&
        (shift + xbits > DBL_MAX_EXP || dx == ldexp(1.0, (int)xbits)))
        goto overflow;
    double res = ldexp(dx, (int)shift);
    return ou_float(neg ? -res : res);
overflow:
    return ou_err_format(ou_OverflowError, "integer division result too large for a float");
}

/* a ** e for e >= 0 by left-to-right binary exponentiation. */
static Value big_pow(Value a, const BigView *e) {
    BigView av;
    bv_init(&av, a);
    if (av.n == 0) return MK_SMALLINT(e->n == 0 ? 1 : 0);
    if (av.n == 1 && av.d[0] == 1) {
        bool odd = e->n > 0 && (e->d[0] & 1);
        return MK_SMALLINT(av.neg && odd ? -1 : 1);
    }
    /* The result would have about bitlen(a) * e bits: refuse what cannot be allocated. */
    if (e->n > 2 || bv_bitlen(e) > 62 ||
        (uint64_t)bv_bitlen(&av) * bv_bits64(e, 0) > (uint64_t)MAX_DIGITS * 32)
        return too_big();
    Value r = MK_SMALLINT(1);
    for (int64_t bit = bv_bitlen(e) - 1; bit >= 0; bit--) {
        BigView rv;
        bv_init(&rv, r);
        Value t = bv_mul(&rv, &rv);
        ou_decref(r);
        if (IS_ERR(t)) return OU_ERR;
        r = t;
        if ((e->d[bit / DIGIT_BITS] >> (bit % DIGIT_BITS)) & 1) {
            bv_init(&rv, r);
            t = bv_mul(&rv, &av);
            ou_decref(r);
            if (IS_ERR(t)) return OU_ERR;
            r = t;
        }
    }
    return r;
}

Value ns_big_binop(Value a, Value b, int op) {
    BigView x, y;
    if (!bv_init(&x, a) || !bv_init(&y, b)) return ou_newref(ou_NotImplemented);
    Value q, r;
    switch (op) {
    case OU_BIN_ADD: return bv_add(&x, &y, false);
    case OU_BIN_SUB: return bv_add(&x, &y, true);
    case OU_BIN_MUL: return bv_mul(&x, &y);
    case OU_BIN_TRUEDIV: return bv_truediv(&x, &y);
    case OU_BIN_FLOORDIV:
        if (y.n == 0)
            return ou_err_format(ou_ZeroDivisionError, "integer division or modulo by zero");
        return bv_divmod(&x, &y, &q, NULL) < 0 ? OU_ERR : q;
    case OU_BIN_MOD:
        if (y.n == 0) return ou_err_format(ou_ZeroDivisionError, "integer modulo by zero");
        return bv_divmod(&x, &y, NULL, &r) < 0 ? OU_ERR : r;
    case OU_BIN_POW:
        if (y.neg) {
            double fx, fy;
            if (!bv_to_double(&x, &fx) || !bv_to_double(&y, &fy))
                return ou_err_format(ou_OverflowError, "int too large to convert to float");
            if (fx == 0.0)
                return ou_err_format(ou_ZeroDivisionError,
                                     "0.0 cannot be raised to a negative power");
            return ou_float(pow(fx, fy));
        }
        return big_pow(a, &y);
    case OU_BIN_LSHIFT:
    case OU_BIN_RSHIFT:
        if (y.neg) return ou_err_format(ou_ValueError, "negative shift count");
        if (op == OU_BIN_RSHIFT) {
            if (y.n > 2 || bv_bitlen(&y) > 62) return MK_SMALLINT(x.neg ? -1 : 0);
            return bv_rshift(&x, (int64_t)bv_bits64(&y, 0));
        }
        if (x.n == 0) return MK_SMALLINT(0);
        if (y.n > 2 || bv_bitlen(&y) > 62) return too_big();
        return bv_lshift(&x, (int64_t)bv_bits64(&y, 0));
    case OU_BIN_AND:
    case OU_BIN_OR:
    case OU_BIN_XOR: return bv_bitop(&x, &y, op);
    default: return ou_newref(ou_NotImplemented);
    }
}

Value ns_big_divmod(Value a, Value b) {
    BigView x, y;
    if (!bv_init(&x, a) || !bv_init(&y, b)) return ou_newref(ou_NotImplemented);
    if (y.n == 0) return ou_err_format(ou_ZeroDivisionError, "integer division or modulo by zero");
    Value q, r;
    if (bv_divmod(&x, &y, &q, &r) < 0) return OU_ERR;
    Value t = ou_tuple_pack(2, q, r);
    ou_decref(q);
    ou_decref(r);
    return t;
}

/* base ** exp % mod for ints of any size, mod != 0; exp may be negative (modular inverse). */
Value ns_big_pow3(Value base, Value exp, Value mod) {
    BigView mv, ev;
    bv_init(&mv, mod);
    bv_init(&ev, exp);
    Value m = bv_copy(&mv, false); /* |mod| */
    if (IS_ERR(m)) return OU_ERR;
    Value b = ns_big_binop(base, m, OU_BIN_MOD), r = OU_ERR, e = OU_ERR;
    if (IS_ERR(b)) goto done;
    if (ev.neg) {
        /* Inverse of b modulo m by the extended Euclidean algorithm on Values. */
        Value r0 = ou_newref(m), r1 = ou_newref(b), t0 = MK_SMALLINT(0), t1 = MK_SMALLINT(1);
        while (!(IS_SMALLINT(r1) && AS_SMALLINT(r1) == 0)) {
            Value qq = ns_big_binop(r0, r1, OU_BIN_FLOORDIV);
            Value p1 = IS_ERR(qq) ? OU_ERR : ns_big_binop(qq, r1, OU_BIN_MUL);
            Value nr = IS_ERR(p1) ? OU_ERR : ns_big_binop(r0, p1, OU_BIN_SUB);
            ou_xdecref(p1);
            Value p2 = IS_ERR(nr) ? OU_ERR : ns_big_binop(qq, t1, OU_BIN_MUL);
            Value nt = IS_ERR(p2) ? OU_ERR : ns_big_binop(t0, p2, OU_BIN_SUB);
            ou_xdecref(p2);
            ou_xdecref(qq);
            ou_decref(r0);
            ou_decref(t0);
            r0 = r1;
            t0 = t1;
            r1 = nr;
            t1 = nt;
            if (IS_ERR(nr) || IS_ERR(nt)) {
                ou_decref(r0);
                ou_decref(t0);
                ou_xdecref(r1);
                ou_xdecref(t1);
                goto done;
            }
        }
        bool invertible = IS_SMALLINT(r0) && AS_SMALLINT(r0) == 1;
        ou_decref(r0);
        ou_decref(r1);
        ou_decref(t1);
        if (!invertible) {
            ou_decref(t0);
            ou_err_format(ou_ValueError, "base is not invertible for the given modulus");
            goto done;
        }
        ou_decref(b);
        b = ns_big_binop(t0, m, OU_BIN_MOD);
        ou_decref(t0);
        if (IS_ERR(b)) goto done;
        e = bv_copy(&ev, false);
    } else {
        e = ou_newref(exp);
    }
    if (IS_ERR(e)) goto done;
    {
        BigView eb;
        bv_init(&eb, e);
        r = MK_SMALLINT(1);
        for (int64_t bit = bv_bitlen(&eb) - 1; bit >= 0; bit--) {
            Value t = ns_big_binop(r, r, OU_BIN_MUL);
            ou_decref(r);
            r = IS_ERR(t) ? OU_ERR : ns_big_binop(t, m, OU_BIN_MOD);
            ou_xdecref(t);
            if (IS_ERR(r)) goto done;
            if ((eb.d[bit / DIGIT_BITS] >> (bit % DIGIT_BITS)) & 1) {
                t = ns_big_binop(r, b, OU_BIN_MUL);
                ou_decref(r);
                r = IS_ERR(t) ? OU_ERR : ns_big_binop(t, m, OU_BIN_MOD);
                ou_xdecref(t);
                if (IS_ERR(r)) goto done;
            }
        }
        /* 1 % 1 is 0: the loop never reduces when the exponent is 0. */
        Value t = ns_big_binop(r, m, OU_BIN_MOD);
        ou_decref(r);
        r = t;
        if (!IS_ERR(r) && mv.neg && ns_big_sign(r) != 0) {
            t = ns_big_binop(r, m, OU_BIN_SUB);
            ou_decref(r);
            r = t;
        }
    }
done:
    ou_xdecref(e);
    ou_xdecref(b);
    ou_decref(m);
    return r;
}

int64_t ns_big_bit_length(Value a) {
    BigView v;
    bv_init(&v, a);
    return bv_bitlen(&v);
}

int64_t ns_big_bit_count(Value a) {
    BigView v;
    bv_init(&v, a);
    int64_t c = 0;
    for (int64_t i = 0; i < v.n; i++) c += __builtin_popcount(v.d[i]);
    return c;
}

/* ---------------------------------------------------------------------------------------------
 * Text conversion
 * ------------------------------------------------------------------------------------------- */
static Value limit_error_to_str(void) {
    return ou_err_format(ou_ValueError,
                         "Exceeds the limit (%lld digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         (long long)ou_int_max_str_digits);
}

/* Appends the digits of |v| in `base` (2, 8, 10 or 16) to b, without sign or prefix. Decimal
 * output obeys sys.get_int_max_str_digits(). 0/-1. */
int ns_big_put_digits(StrBuf *b, Value v, int base, bool upper) {
    BigView a;
    bv_init(&a, v);
    if (a.n == 0) return sb_putc(b, '0');
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    if (base != 10) {
        int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
        int64_t nbits = bv_bitlen(&a), nd = (nbits + bits - 1) / bits;
        if (sb_grow(b, nd) < 0) return -1;
        char *p = b->p + b->len;
        for (int64_t k = 0; k < nd; k++) {
            uint64_t chunk = bv_bits64(&a, (nd - 1 - k) * bits);
            p[k] = dig[chunk & (uint64_t)(base - 1)];
        }
        b->len += nd;
        b->p[b->len] = 0;
        return 0;
    }
    int64_t limit = ou_int_max_str_digits;
    /* Each digit of 32 bits is more than 9.63 decimal digits: reject early what would be
     * rejected later anyway, before the quadratic work. */
    if (limit > 0 && (a.n - 1) * 9 > limit) {
        limit_error_to_str();
        return -1;
    }
    int64_t nchunks = a.n + a.n / 14 + 2; /* 10^9-chunks needed: n * 32 / log2(10^9) < n * 1.071 */
    digit *tmp = ou_mem_alloc((size_t)(a.n + nchunks) * sizeof(digit));
    if (!tmp) return -1;
    digit *chunks = tmp + a.n;
    memcpy(tmp, a.d, (size_t)a.n * sizeof(digit));
    int64_t n = a.n, nc = 0;
    while (n > 0) {
        chunks[nc++] = mag_divrem_1e9(tmp, tmp, n);
        while (n > 0 && tmp[n - 1] == 0) n--;
    }
    char first[16];
    int fl = snprintf(first, sizeof first, "%u", chunks[nc - 1]);
    int64_t total = fl + (nc - 1) * 9;
    if (limit > 0 && total > limit) {
        ou_mem_free(tmp);
        limit_error_to_str();
        return -1;
    }
    if (sb_grow(b, total) < 0) {
        ou_mem_free(tmp);
        return -1;
    }
    char *p = b->p + b->len;
    memcpy(p, first, (size_t)fl);
    p += fl;
    for (int64_t k = nc - 2; k >= 0; k--) {
        digit c = chunks[k];
        for (int j = 8; j >= 0; j--) {
            p[j] = (char)('0' + c % 10);
            c /= 10;
        }
        p += 9;
    }
    b->len += total;
    b->p[b->len] = 0;
    ou_mem_free(tmp);
    return 0;
}

Value ns_big_repr(Value v) {
    StrBuf b;
    sb_init(&b);
    if ((ns_big_sign(v) < 0 && sb_putc(&b, '-') < 0) || ns_big_put_digits(&b, v, 10, false) < 0) {
        sb_free(&b);
        return OU_ERR;
    }
    return sb_finish(&b);
}

/* The int whose digits in `base` (2..36) are the n characters at s, all valid digits (no
 * underscores), with the sign given. Decimal-like bases obey sys.get_int_max_str_digits(). */
Value ns_big_from_digits(const char *s, int64_t n, int base, bool neg) {
    if ((base & (base - 1)) != 0 && ou_int_max_str_digits > 0 && n > ou_int_max_str_digits)
        return ou_err_format(ou_ValueError,
                             "Exceeds the limit (%lld digits) for integer string conversion: "
                             "value has %lld digits; use sys.set_int_max_str_digits() to "
                             "increase the limit",
                             (long long)ou_int_max_str_digits, (long long)n);
    /* Chunks of k characters: base^k < 2^32. */
    int k = 1;
    digit bk = (digit)base;
    while ((twodigits)bk * (twodigits)base < ((twodigits)1 << DIGIT_BITS)) {
        bk *= (digit)base;
        k++;
    }
    /* log2(36) < 6 bits per character. */
    int64_t cap = n * 6 / DIGIT_BITS + 2;
    OuInt *o = big_alloc(cap);
    if (!o) return OU_ERR;
    int64_t len = 0;
    int64_t i = 0;
    while (i < n) {
        int take = (int)(n - i < k ? n - i : k);
        digit mult = 1, chunk = 0;
        for (int j = 0; j < take; j++, i++) {
            unsigned char c = (unsigned char)s[i];
            int dv = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            chunk = chunk * (digit)base + (digit)dv;
            mult *= (digit)base;
        }
        /* o = o * mult + chunk */
        twodigits c = chunk;
        for (int64_t j = 0; j < len; j++) {
            c += (twodigits)o->d[j] * mult;
            o->d[j] = (digit)c;
            c >>= DIGIT_BITS;
        }
        if (c) o->d[len++] = (digit)c;
    }
    return big_finish(o, len, neg);
}

/* An int subclass instance of type t with the value of the int v: the digits live in their
 * own block (the instance layout is fixed so that the subclass may add a dict after it). */
Value ns_big_subclass_new(OuType *t, Value v) {
    BigView a;
    bv_init(&a, v);
    OuInt *o = ou_obj_alloc(t, t->basicsize);
    if (!o) return OU_ERR;
    if (a.n > 0) {
        o->d = ou_mem_alloc((size_t)a.n * sizeof(digit));
        if (!o->d) {
            ou_decref(MK_OBJ(o));
            return OU_ERR;
        }
        memcpy(o->d, a.d, (size_t)a.n * sizeof(digit));
    }
    o->size = a.neg ? -a.n : a.n;
    return MK_OBJ(o);
}

/* An exact int equal to v (an int subclass instance becomes a plain int). */
Value ns_big_exact(Value v) {
    BigView a;
    if (!bv_init(&a, v)) return ou_err_format(ou_TypeError, "an integer is required");
    if (IS_OBJ(v) && AS_OBJ(v)->type == &ou_int_type) return ou_newref(v);
    return bv_copy(&a, a.neg);
}
