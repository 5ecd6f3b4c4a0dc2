/* format.c: format() and the format-spec mini language for int, float and str; str.format and
 * str.format_map; printf-style `str % args`.
 *
 * Float digits come from the C library (correctly rounded in glibc, as CPython's own dtoa), then
 * are laid out by CPython's rules here: repr-style for an empty presentation type, the
 * add-".0" rule, grouping, and the fill/align/sign/zero-padding fields. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "numstr.h"
#include "vm.h"

/* A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type].
 * fill is a code point; align is 0 when not given; prec is -1 when not given; group is 0, ','
 * or '_'; type is 0 when not given. */
typedef struct {
    uint32_t fill;
    char align, sign, group, type;
    bool alt, zero, z;
    int64_t width, prec;
} Spec;

static int parse_spec(Value specv, Spec *s, const char *tname, char default_align) {
    const unsigned char *p = (const unsigned char *)ou_str_data(specv);
    const unsigned char *end = p + ou_str_len(specv);
    s->fill = ' ';
    s->align = 0;
    s->sign = 0;
    s->group = 0;
    s->type = 0;
    s->alt = s->zero = s->z = false;
    s->width = -1;
    s->prec = -1;
    bool fill_given = false;
    if (p < end) {
        uint32_t cp;
        int w = ns_utf8_decode(p, &cp);
        if (p + w < end && strchr("<>=^", p[w]) && p[w]) {
            s->fill = cp;
            s->align = (char)p[w];
            fill_given = true;
            p += w + 1;
        } else if (strchr("<>=^", *p) && *p) {
            s->align = (char)*p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) s->sign = (char)*p++;
    if (p < end && *p == 'z') { s->z = true; p++; }
    if (p < end && *p == '#') { s->alt = true; p++; }
    if (p < end && *p == '0') {
        s->zero = true;
        if (!fill_given) s->fill = '0';
        if (!s->align) s->align = default_align == '>' ? '=' : default_align;
        p++;
    }
    if (p < end && *p >= '0' && *p <= '9') {
        s->width = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            s->width = s->width * 10 + (*p++ - '0');
            if (s->width > (INT64_C(1) << 40)) {
                ou_err_format(ou_ValueError, "Too many decimal digits in format string");
                return -1;
            }
        }
    }
    if (p < end && (*p == ',' || *p == '_')) {
        s->group = (char)*p++;
        if (p < end && (*p == ',' || *p == '_')) {
            ou_err_format(ou_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') {
            ou_err_format(ou_ValueError, "Format specifier missing precision");
            return -1;
        }
        s->prec = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            s->prec = s->prec * 10 + (*p++ - '0');
            if (s->prec > (INT64_C(1) << 40)) {
                ou_err_format(ou_ValueError, "Too many decimal digits in format string");
                return -1;
            }
        }
    }
    if (end - p > 1) {
        ou_err_format(ou_ValueError, "Invalid format specifier '%U' for object of type '%s'", specv, tname);
        return -1;
    }
    if (p < end) s->type = (char)*p;
    if (!s->align) s->align = default_align;
    return 0;
}

static int put_fill(StrBuf *b, uint32_t fill, int64_t n) {
    if (n <= 0) return 0;
    if (fill < 0x80) return sb_fill(b, (char)fill, n);
    for (int64_t k = 0; k < n; k++)
        if (sb_put_utf8(b, fill) < 0) return -1;
    return 0;
}

static int64_t grouped_len(int64_t n, int every, char sep) {
    return sep && n > 0 ? n + (n - 1) / every : n;
}

/* Lays out a number: sign, prefix (0x...), integer digits (grouped), then rest (fraction,
 * exponent, '%'), padded per spec. All parts are ASCII. */
static int emit_number(StrBuf *b, const Spec *s, const char *sign, const char *prefix,
                       const char *digits, int64_t ndig, const char *rest, int64_t nrest, int every) {
    int64_t nsign = (int64_t)strlen(sign), npre = (int64_t)strlen(prefix);
    int64_t zeros = 0;
    char sep = s->group;
    if (s->align == '=' && s->fill == '0' && sep && s->width > 0) {
        /* Zero padding is part of the number, so it is grouped too. */
        while (nsign + npre + grouped_len(ndig + zeros, every, sep) + nrest < s->width) zeros++;
    }
    int64_t total = nsign + npre + grouped_len(ndig + zeros, every, sep) + nrest;
    int64_t pad = s->width > total ? s->width - total : 0, left = 0, right = 0, mid = 0;
    switch (s->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    if (put_fill(b, s->fill, left) < 0 || sb_puts(b, sign) < 0 || sb_puts(b, prefix) < 0 ||
        put_fill(b, s->fill, mid) < 0)
        return -1;
    int64_t n = ndig + zeros;
    for (int64_t k = 0; k < n; k++) {
        char c = k < zeros ? '0' : digits[k - zeros];
        if (sb_putc(b, c) < 0) return -1;
        int64_t remaining = n - k - 1;
        if (sep && remaining > 0 && remaining % every == 0 && sb_putc(b, sep) < 0) return -1;
    }
    if (sb_put(b, rest, nrest) < 0 || put_fill(b, s->fill, right) < 0) return -1;
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Floats
 * ------------------------------------------------------------------------------------------- */
/* The text of |d| (no sign) for presentation type `type` ('r' repr, 'q' the empty type with a
 * precision, or e E f F g G). */
static int float_body(StrBuf *b, double ad, char type, int64_t prec, bool alt) {
    if (isinf(ad) || isnan(ad)) {
        bool upper = type == 'E' || type == 'F' || type == 'G';
        return sb_puts(b, isnan(ad) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    }
    if (type == 'r') {
        char buf[40];
        int n = ns_float_repr(ad, buf);
        return sb_put(b, buf, n);
    }
    if (type == 'q') {
        /* Like 'g', but the exponent appears as soon as the digits do not fit the precision
         * together with a ".0", and an integral result gets ".0". */
        int64_t p = prec < 1 ? 1 : prec;
        if (p > 400) p = 400;
        char digits[512];
        int decpt, nd;
        if (ad == 0) {
            digits[0] = '0';
            digits[1] = 0;
            nd = 1;
            decpt = 1;
        } else {
            char tmp[520];
            snprintf(tmp, sizeof tmp, "%.*e", (int)p - 1, ad);
            nd = 0;
            const char *q = tmp;
            for (; *q && *q != 'e'; q++)
                if (*q >= '0' && *q <= '9') digits[nd++] = *q;
            decpt = atoi(q + 1) + 1;
            if (!alt) /* '#' keeps the trailing zeros */
                while (nd > 1 && digits[nd - 1] == '0') nd--;
            digits[nd] = 0;
        }
        char out[1024];
        int o = 0;
        if (decpt <= -4 || decpt > p - 1) {
            out[o++] = digits[0];
            if (nd > 1 || alt) out[o++] = '.';
            if (nd > 1) { memcpy(out + o, digits + 1, (size_t)nd - 1); o += nd - 1; }
            int e = decpt - 1;
            o += snprintf(out + o, sizeof out - (size_t)o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        } else if (decpt <= 0) {
            out[o++] = '0';
            out[o++] = '.';
            for (int k = 0; k < -decpt; k++) out[o++] = '0';
            memcpy(out + o, digits, (size_t)nd);
            o += nd;
        } else if (decpt >= nd) {
            memcpy(out + o, digits, (size_t)nd);
            o += nd;
            for (int k = nd; k < decpt; k++) out[o++] = '0';
            out[o++] = '.';
            out[o++] = '0';
        } else {
            memcpy(out + o, digits, (size_t)decpt);
            o += decpt;
            out[o++] = '.';
            memcpy(out + o, digits + decpt, (size_t)(nd - decpt));
            o += nd - decpt;
        }
        return sb_put(b, out, o);
    }
    char fmt[8];
    int f = 0;
    fmt[f++] = '%';
    if (alt) fmt[f++] = '#';
    fmt[f++] = '.';
    fmt[f++] = '*';
    fmt[f++] = type;
    fmt[f] = 0;
    if (prec > 100000) prec = 100000;
    int64_t need = prec + 340;
    if (sb_grow(b, need) < 0) return -1;
    int n = snprintf(b->p + b->len, (size_t)need, fmt, (int)prec, ad);
    b->len += n;
    return 0;
}

int ns_put_float(StrBuf *b, double d, char conv, int prec, bool alt, char sign_char) {
    if (signbit(d) && !isnan(d)) {
        if (sb_putc(b, '-') < 0) return -1;
    } else if (sign_char && sb_putc(b, sign_char) < 0) {
        return -1;
    }
    return float_body(b, fabs(d), conv, prec, alt);
}

Value ns_format_float(double d, Value specv) {
    Spec s;
    if (ou_str_len(specv) == 0) {
        char buf[40];
        int n = ns_float_repr(d, buf);
        return ou_str_new(buf, n);
    }
    if (parse_spec(specv, &s, "float", '>') < 0) return OU_ERR;
    char type = s.type;
    if (type && !strchr("eEfFgGn%", type)) {
        return ou_err_format(ou_ValueError, "Unknown format code '%c' for object of type 'float'", type);
    }
    if (type == 'n' && s.group) return ou_err_format(ou_ValueError, "Cannot specify ',' with 'n'.");
    double ad = fabs(d);
    bool neg = signbit(d) && !isnan(d);
    char btype = type;
    int64_t prec = s.prec;
    bool percent = false;
    if (!type) {
        btype = prec < 0 ? 'r' : 'q';
    } else if (type == 'n') {
        btype = 'g';
    } else if (type == '%') {
        btype = 'f';
        ad *= 100;
        percent = true;
    }
    if (prec < 0 && btype != 'r' && btype != 'q') prec = 6;
    StrBuf body;
    sb_init(&body);
    if (float_body(&body, ad, btype, prec, s.alt) < 0 || (percent && sb_putc(&body, '%') < 0)) {
        sb_free(&body);
        return OU_ERR;
    }
    if (neg && s.z) {
        /* z: a negative value that rounds to zero prints without the sign. */
        bool allzero = true;
        for (int64_t k = 0; k < body.len && allzero; k++) {
            char c = body.p[k];
            if (c == 'e' || c == 'E') break;
            if (c >= '1' && c <= '9') allzero = false;
        }
        if (allzero) neg = false;
    }
    const char *sign = neg ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    int64_t ndig = 0;
    while (ndig < body.len && body.p[ndig] >= '0' && body.p[ndig] <= '9') ndig++;
    StrBuf out;
    sb_init(&out);
    int rc = emit_number(&out, &s, sign, "", body.p, ndig, body.p + ndig, body.len - ndig, 3);
    sb_free(&body);
    if (rc < 0) {
        sb_free(&out);
        return OU_ERR;
    }
    return sb_finish(&out);
}

/* ---------------------------------------------------------------------------------------------
 * Ints
 * ------------------------------------------------------------------------------------------- */
static int utoa_base(uint64_t v, int base, bool upper, char *out) {
    char tmp[72];
    int n = 0;
    const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = dig[v % (uint64_t)base];
        v /= (uint64_t)base;
    } while (v);
    for (int k = 0; k < n; k++) out[k] = tmp[n - 1 - k];
    out[n] = 0;
    return n;
}

/* big is OU_UNDEF for an int64 value i, else an int beyond int64 (i is then its sign). */
static Value format_int(int64_t i, Value big, Value specv, const char *tname);

Value ns_format_int(int64_t i, Value specv, const char *tname) {
    return format_int(i, OU_UNDEF, specv, tname);
}

Value ns_format_intv(Value v, Value specv, const char *tname) {
    int64_t i;
    if (ou_int_value(v, &i)) return format_int(i, OU_UNDEF, specv, tname);
    return format_int(ou_int_sign(v), v, specv, tname);
}

static Value format_int(int64_t i, Value big, Value specv, const char *tname) {
    Spec s;
    if (ou_str_len(specv) == 0)
        return IS_UNDEF(big) ? ou_str_printf("%lld", (long long)i) : ou_to_str(big);
    if (parse_spec(specv, &s, tname, '>') < 0) return OU_ERR;
    char type = s.type ? s.type : 'd';
    if (strchr("eEfFgG%", type)) {
        double d = (double)i;
        if (!IS_UNDEF(big) && ou_int_to_double(big, &d) < 0) return OU_ERR;
        return ns_format_float(d, specv);
    }
    if (!strchr("bcdoxXn", type))
        return ou_err_format(ou_ValueError, "Unknown format code '%c' for object of type '%s'", type, tname);
    if (s.prec >= 0) return ou_err_format(ou_ValueError, "Precision not allowed in integer format specifier");
    if (s.z) return ou_err_format(ou_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    if (s.group == ',' && type != 'd')
        return ou_err_format(ou_ValueError, "Cannot specify ',' with '%c'.", type);
    if (s.group == '_' && type == 'n')
        return ou_err_format(ou_ValueError, "Cannot specify '_' with 'n'.");
    StrBuf out;
    sb_init(&out);
    if (type == 'c') {
        if (s.sign) return ou_err_format(ou_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (s.alt) return ou_err_format(ou_ValueError, "Alternate form (#) is not allowed with integer format specifier 'c'");
        if (!IS_UNDEF(big))
            return ou_err_format(ou_OverflowError, "Python int too large to convert to C long");
        if (i < 0 || i > 0x10FFFF) return ou_err_format(ou_OverflowError, "%%c arg not in range(0x110000)");
        char buf[4];
        int n = ns_utf8_encode((uint32_t)i, buf);
        Spec t = s;
        if (t.align == '=') t.align = '>';
        if (emit_number(&out, &t, "", "", "", 0, buf, n, 3) < 0) { sb_free(&out); return OU_ERR; }
        /* emit_number counted bytes; a multi-byte char needs fewer fill characters. */
        Value r = sb_finish(&out);
        if (n > 1 && !IS_ERR(r) && s.width > 1) {
            ou_decref(r);
            sb_init(&out);
            Value cs = ou_str_new(buf, n);
            if (IS_ERR(cs)) return OU_ERR;
            Value spec2 = ou_str_printf("%s%lld", s.align == '<' ? "<" : s.align == '^' ? "^" : ">", (long long)s.width);
            r = IS_ERR(spec2) ? OU_ERR : ns_format_str(cs, spec2);
            ou_decref(cs);
            ou_xdecref(spec2);
        }
        return r;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    uint64_t av = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    char small[72];
    const char *digits = small;
    int64_t nd;
    StrBuf bigdigits;
    sb_init(&bigdigits);
    if (IS_UNDEF(big)) {
        nd = utoa_base(av, base, type == 'X', small);
    } else {
        if (ns_big_put_digits(&bigdigits, big, base, type == 'X') < 0) {
            sb_free(&bigdigits);
            return OU_ERR;
        }
        digits = bigdigits.p;
        nd = bigdigits.len;
    }
    const char *prefix = "";
    if (s.alt) prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? (type == 'X' ? "0X" : "0x") : "";
    const char *sign = i < 0 ? "-" : s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    int rc = emit_number(&out, &s, sign, prefix, digits, nd, "", 0, base == 10 ? 3 : 4);
    sb_free(&bigdigits);
    if (rc < 0) {
        sb_free(&out);
        return OU_ERR;
    }
    return sb_finish(&out);
}

/* ---------------------------------------------------------------------------------------------
 * Strings
 * ------------------------------------------------------------------------------------------- */
Value ns_format_str(Value str, Value specv) {
    Spec s;
    if (ou_str_len(specv) == 0) return ou_newref(str);
    if (parse_spec(specv, &s, "str", '<') < 0) return OU_ERR;
    if (s.type && s.type != 's')
        return ou_err_format(ou_ValueError, "Unknown format code '%c' for object of type 'str'", s.type);
    if (s.sign) return ou_err_format(ou_ValueError, "Sign not allowed in string format specifier");
    if (s.alt) return ou_err_format(ou_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (s.z) return ou_err_format(ou_ValueError, "Negative zero coercion (z) not allowed in format specifier");
    if (s.group) return ou_err_format(ou_ValueError, "Cannot specify '%c' with 's'.", s.group);
    if (s.align == '=') return ou_err_format(ou_ValueError, "'=' alignment not allowed in string format specifier");
    int64_t nchars = ns_str_nchars(str), nbytes = ou_str_len(str);
    if (s.prec >= 0 && s.prec < nchars) {
        nbytes = ns_cp_offset(str, s.prec);
        nchars = s.prec;
    }
    int64_t pad = s.width > nchars ? s.width - nchars : 0, left = 0, right = 0;
    if (pad == 0 && nbytes == ou_str_len(str)) return ou_newref(str);
    if (s.align == '>') left = pad;
    else if (s.align == '^') { left = pad / 2; right = pad - left; }
    else right = pad;
    StrBuf out;
    sb_init(&out);
    if (put_fill(&out, s.fill, left) < 0 || sb_put(&out, ou_str_data(str), nbytes) < 0 ||
        put_fill(&out, s.fill, right) < 0) {
        sb_free(&out);
        return OU_ERR;
    }
    return sb_finish(&out);
}

/* ---------------------------------------------------------------------------------------------
 * format(v, spec)
 * ------------------------------------------------------------------------------------------- */
Value ou_format(Value v, Value spec) {
    if (!IS_STR(spec))
        return ou_err_format(ou_TypeError, "format() argument 2 must be str, not %T", spec);
    if (IS_STR(v)) return ns_format_str(v, spec);
    if (IS_SMALLINT(v) || IS_BOXINT(v)) return ns_format_intv(v, spec, "int");
    if (IS_FLOAT(v)) return ns_format_float(AS_FLOAT(v), spec);
    if (IS_BOOL(v)) {
        if (ou_str_len(spec) == 0) return ou_to_str(v);
        return ns_format_int(v == OU_TRUE, spec, "bool");
    }
    static Value name = 0;
    if (!name) name = ou_str_intern("__format__");
    Value m = ou_type_lookup(ou_typeof(v), name);
    if (IS_UNDEF(m)) {
        if (ou_str_len(spec) == 0) return ou_to_str(v);
        return ou_err_format(ou_TypeError, "unsupported format string passed to %T.__format__", v);
    }
    Value r = ou_call_method(v, "__format__", &spec, 1);
    if (IS_ERR(r)) return OU_ERR;
    if (!IS_STR(r)) {
        ou_err_format(ou_TypeError, "__format__ must return a str, not %T", r);
        ou_decref(r);
        return OU_ERR;
    }
    return r;
}

/* repr with non-ASCII characters escaped (ascii()). */
static Value ascii_of(Value v) {
    Value r = ou_repr(v);
    if (IS_ERR(r) || (AS_STR(r)->ob.aux & OU_STR_ASCII)) return r;
    const unsigned char *d = (const unsigned char *)ou_str_data(r);
    int64_t n = ou_str_len(r), i = 0;
    StrBuf b;
    sb_init(&b);
    while (i < n) {
        uint32_t cp;
        int w = ns_utf8_decode(d + i, &cp);
        char esc[12];
        int en;
        if (cp < 0x80) { esc[0] = (char)cp; en = 1; }
        else if (cp < 0x100) en = snprintf(esc, sizeof esc, "\\x%02x", cp);
        else if (cp < 0x10000) en = snprintf(esc, sizeof esc, "\\u%04x", cp);
        else en = snprintf(esc, sizeof esc, "\\U%08x", cp);
        if (sb_put(&b, esc, en) < 0) { sb_free(&b); ou_decref(r); return OU_ERR; }
        i += w;
    }
    ou_decref(r);
    return sb_finish(&b);
}

/* ---------------------------------------------------------------------------------------------
 * str.format / str.format_map
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    Value *pos;
    int npos;
    Value *kwvals;     /* keyword values, parallel to kwnames */
    Value kwnames;     /* tuple or OU_UNDEF */
    Value mapping;     /* format_map's mapping, or OU_UNDEF */
    int auto_idx;      /* next automatic field number; -1 once manual numbering is used */
    bool manual;
} FmtCtx;

static Value render(FmtCtx *c, const char *p, int64_t n, int depth);

/* Looks up the first part of a field name: an index or a keyword. */
static Value field_base(FmtCtx *c, const char *name, int64_t n) {
    bool numeric = n > 0;
    for (int64_t k = 0; k < n; k++)
        if (name[k] < '0' || name[k] > '9') numeric = false;
    if (n == 0) {
        if (c->manual)
            return ou_err_format(ou_ValueError, "cannot switch from manual field specification to automatic field numbering");
        c->auto_idx++;
        int64_t idx = c->auto_idx - 1;
        if (idx >= c->npos)
            return ou_err_format(ou_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        return ou_newref(c->pos[idx]);
    }
    if (numeric) {
        if (c->auto_idx > 0)
            return ou_err_format(ou_ValueError, "cannot switch from automatic field numbering to manual field specification");
        c->manual = true;
        int64_t idx = strtoll(name, NULL, 10);
        if (idx >= c->npos)
            return ou_err_format(ou_IndexError, "Replacement index %lld out of range for positional args tuple", (long long)idx);
        return ou_newref(c->pos[idx]);
    }
    Value key = ou_str_new(name, n);
    if (IS_ERR(key)) return OU_ERR;
    if (!IS_UNDEF(c->mapping)) {
        Value r = ou_getitem(c->mapping, key);
        ou_decref(key);
        return r;
    }
    if (!IS_UNDEF(c->kwnames)) {
        OuTuple *t = AS_TUPLE(c->kwnames);
        for (int64_t k = 0; k < t->len; k++) {
            if (ou_str_eq(t->items[k], key)) {
                ou_decref(key);
                return ou_newref(c->kwvals[k]);
            }
        }
    }
    ou_err_set_value(ou_KeyError, key);
    ou_decref(key);
    return OU_ERR;
}

/* Resolves a field name like `0.attr[key][1]`. */
static Value resolve_field(FmtCtx *c, const char *p, int64_t n) {
    int64_t k = 0;
    while (k < n && p[k] != '.' && p[k] != '[') k++;
    Value v = field_base(c, p, k);
    while (!IS_ERR(v) && k < n) {
        if (p[k] == '.') {
            int64_t j = ++k;
            while (k < n && p[k] != '.' && p[k] != '[') k++;
            if (k == j) {
                ou_decref(v);
                return ou_err_format(ou_ValueError, "Empty attribute in format string");
            }
            Value name = ou_str_new(p + j, k - j);
            Value nv = IS_ERR(name) ? OU_ERR : ou_getattr(v, name);
            ou_xdecref(name);
            ou_decref(v);
            v = nv;
        } else if (p[k] == '[') {
            int64_t j = ++k;
            while (k < n && p[k] != ']') k++;
            if (k >= n) {
                ou_decref(v);
                return ou_err_format(ou_ValueError, "Missing ']' in format string");
            }
            if (k == j) {
                ou_decref(v);
                return ou_err_format(ou_ValueError, "Empty attribute in format string");
            }
            bool numeric = true;
            for (int64_t q = j; q < k; q++)
                if (p[q] < '0' || p[q] > '9') numeric = false;
            Value key = numeric ? ou_int(strtoll(p + j, NULL, 10)) : ou_str_new(p + j, k - j);
            k++;
            Value nv = IS_ERR(key) ? OU_ERR : ou_getitem(v, key);
            ou_xdecref(key);
            ou_decref(v);
            v = nv;
            if (k < n && p[k] != '.' && p[k] != '[') {
                ou_decref(v);
                return ou_err_format(ou_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            break;
        }
    }
    return v;
}

/* Formats one replacement field whose text (between the braces) is p[0..n). */
static int render_field(FmtCtx *c, StrBuf *b, const char *p, int64_t n, int depth) {
    /* Split name ! conversion : spec; brackets in the name may contain ':' or '!'. */
    int64_t k = 0;
    while (k < n && p[k] != '!' && p[k] != ':') {
        if (p[k] == '[') {
            while (k < n && p[k] != ']') k++;
            if (k < n) k++;
        } else {
            k++;
        }
    }
    int64_t name_end = k;
    char conv = 0;
    if (k < n && p[k] == '!') {
        if (k + 1 >= n) {
            ou_err_format(ou_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        conv = p[k + 1];
        k += 2;
        if (k < n && p[k] != ':') {
            ou_err_format(ou_ValueError, "expected ':' after conversion specifier");
            return -1;
        }
    }
    const char *spec = k < n ? p + k + 1 : p + n;
    int64_t nspec = k < n ? n - k - 1 : 0;
    Value v = resolve_field(c, p, name_end);
    if (IS_ERR(v)) return -1;
    if (conv) {
        Value cv;
        if (conv == 'r') cv = ou_repr(v);
        else if (conv == 's') cv = ou_to_str(v);
        else if (conv == 'a') cv = ascii_of(v);
        else {
            ou_decref(v);
            ou_err_format(ou_ValueError, "Unknown conversion specifier %c", conv);
            return -1;
        }
        ou_decref(v);
        if (IS_ERR(cv)) return -1;
        v = cv;
    }
    Value specv;
    if (memchr(spec, '{', (size_t)nspec)) {
        if (depth >= 2) {
            ou_decref(v);
            ou_err_format(ou_ValueError, "Max string recursion exceeded");
            return -1;
        }
        specv = render(c, spec, nspec, depth + 1);
    } else {
        specv = ou_str_new(spec, nspec);
    }
    if (IS_ERR(specv)) {
        ou_decref(v);
        return -1;
    }
    Value r = ou_format(v, specv);
    ou_decref(v);
    ou_decref(specv);
    if (IS_ERR(r)) return -1;
    int rc = sb_put_str(b, r);
    ou_decref(r);
    return rc;
}

static Value render(FmtCtx *c, const char *p, int64_t n, int depth) {
    StrBuf b;
    sb_init(&b);
    int64_t i = 0;
    while (i < n) {
        int64_t j = i;
        while (j < n && p[j] != '{' && p[j] != '}') j++;
        if (sb_put(&b, p + i, j - i) < 0) goto fail;
        if (j >= n) break;
        if (p[j] == '}') {
            if (j + 1 < n && p[j + 1] == '}') {
                if (sb_putc(&b, '}') < 0) goto fail;
                i = j + 2;
                continue;
            }
            ou_err_format(ou_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (j + 1 < n && p[j + 1] == '{') {
            if (sb_putc(&b, '{') < 0) goto fail;
            i = j + 2;
            continue;
        }
        /* Find the matching '}', counting nested braces of the spec. */
        int64_t k = j + 1;
        int level = 1;
        while (k < n) {
            if (p[k] == '[') {
                while (k < n && p[k] != ']' && p[k] != '}') k++;
                if (k < n && p[k] == '}') continue;
                if (k < n) k++;
                continue;
            }
            if (p[k] == '{') level++;
            else if (p[k] == '}' && --level == 0) break;
            k++;
        }
        if (k >= n) {
            ou_err_format(ou_ValueError, j + 1 >= n ? "Single '{' encountered in format string"
                                                    : "expected '}' before end of string");
            goto fail;
        }
        if (render_field(c, &b, p + j + 1, k - j - 1, depth) < 0) goto fail;
        i = k + 1;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}

Value ns_str_format_method(Value *args, int nargs, Value kwnames) {
    if (nargs < 1 || !IS_STR_SUB(args[0]))
        return ou_err_format(ou_TypeError, "descriptor 'format' requires a 'str' object");
    FmtCtx c = {args + 1, nargs - 1, args + nargs, kwnames, OU_UNDEF, 0, false};
    return render(&c, ou_str_data(args[0]), ou_str_len(args[0]), 0);
}

Value ns_str_format_map(Value *args, int nargs, Value kwnames) {
    if (nargs < 1 || !IS_STR_SUB(args[0]))
        return ou_err_format(ou_TypeError, "descriptor 'format_map' requires a 'str' object");
    if (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0)
        return ou_err_format(ou_TypeError, "str.format_map() takes no keyword arguments");
    if (nargs != 2)
        return ou_err_format(ou_TypeError, "str.format_map() takes exactly one argument (%d given)", nargs - 1);
    FmtCtx c = {NULL, 0, NULL, OU_UNDEF, args[1], 0, false};
    return render(&c, ou_str_data(args[0]), ou_str_len(args[0]), 0);
}

/* ---------------------------------------------------------------------------------------------
 * printf-style formatting: fmt % args
 * ------------------------------------------------------------------------------------------- */
/* Pads text per the flags: '-' left-justifies; zero padding goes after the sign/prefix of
 * numbers (numeric is true) and is ignored for other conversions. */
static int pad_out(StrBuf *b, const char *text, int64_t nbytes, int64_t nchars, int64_t width,
                   bool left, bool zero, bool numeric) {
    int64_t pad = width > nchars ? width - nchars : 0;
    if (pad && zero && numeric && !left) {
        int64_t k = 0;
        if (k < nbytes && (text[k] == '-' || text[k] == '+' || text[k] == ' ')) k++;
        if (k + 1 < nbytes && text[k] == '0' && (text[k + 1] == 'x' || text[k + 1] == 'X' || text[k + 1] == 'o')) k += 2;
        if (sb_put(b, text, k) < 0 || sb_fill(b, '0', pad) < 0) return -1;
        return sb_put(b, text + k, nbytes - k);
    }
    if (!left && sb_fill(b, ' ', pad) < 0) return -1;
    if (sb_put(b, text, nbytes) < 0) return -1;
    if (left && sb_fill(b, ' ', pad) < 0) return -1;
    return 0;
}

static bool is_mapping_arg(Value v) {
    if (IS_TUPLE(v) || IS_STR_SUB(v) || ou_instance_of(v, &ou_tuple_type)) return false;
    if (IS_DICT(v)) return true;
    if (!IS_OBJ(v)) return false;
    static Value gi = 0;
    if (!gi) gi = ou_str_intern("__getitem__");
    return !IS_UNDEF(ou_type_lookup(ou_typeof(v), gi)) && !IS_LIST(v);
}

Value ns_str_mod(Value fmtv, Value arg) {
    const char *p = ou_str_data(fmtv);
    int64_t n = ou_str_len(fmtv), i = 0;
    Value *items = &arg;
    int64_t nitems = 1, next = 0;
    if (IS_TUPLE(arg) || ou_instance_of(arg, &ou_tuple_type)) {
        items = AS_TUPLE(arg)->items;
        nitems = AS_TUPLE(arg)->len;
    }
    Value dict = is_mapping_arg(arg) ? arg : OU_UNDEF;
    bool used_dict = false;
    StrBuf b;
    sb_init(&b);
    while (i < n) {
        const char *pct = memchr(p + i, '%', (size_t)(n - i));
        int64_t j = pct ? pct - p : n;
        if (sb_put(&b, p + i, j - i) < 0) goto fail;
        if (j >= n) break;
        int64_t start = j;
        j++;
        Value v = OU_UNDEF; /* borrowed from args, or owned when taken from a mapping */
        bool owned = false;
        if (j < n && p[j] == '(') {
            if (IS_UNDEF(dict)) {
                ou_err_format(ou_TypeError, "format requires a mapping");
                goto fail;
            }
            int64_t k = ++j;
            int level = 1;
            while (j < n && level) {
                if (p[j] == '(') level++;
                else if (p[j] == ')') level--;
                if (level) j++;
            }
            if (j >= n) {
                ou_err_format(ou_ValueError, "incomplete format key");
                goto fail;
            }
            Value key = ou_str_new(p + k, j - k);
            if (IS_ERR(key)) goto fail;
            v = ou_getitem(dict, key);
            ou_decref(key);
            if (IS_ERR(v)) goto fail;
            owned = true;
            used_dict = true;
            j++;
        }
        bool left = false, zero = false, alt = false;
        char sign = 0;
        for (; j < n; j++) {
            char c = p[j];
            if (c == '-') left = true;
            else if (c == '0') zero = true;
            else if (c == '#') alt = true;
            else if (c == '+') sign = '+';
            else if (c == ' ') { if (sign != '+') sign = ' '; }
            else break;
        }
        int64_t width = -1, prec = -1;
        if (j < n && p[j] == '*') {
            j++;
            if (next >= nitems) { ou_err_format(ou_TypeError, "not enough arguments for format string"); goto fail_v; }
            if (!ou_int_value(items[next], &width)) { ou_err_format(ou_TypeError, "* wants int"); goto fail_v; }
            next++;
            if (width < 0) { left = true; width = -width; }
        } else {
            while (j < n && p[j] >= '0' && p[j] <= '9') width = (width < 0 ? 0 : width) * 10 + (p[j++] - '0');
        }
        if (j < n && p[j] == '.') {
            j++;
            prec = 0;
            if (j < n && p[j] == '*') {
                j++;
                if (next >= nitems) { ou_err_format(ou_TypeError, "not enough arguments for format string"); goto fail_v; }
                if (!ou_int_value(items[next], &prec)) { ou_err_format(ou_TypeError, "* wants int"); goto fail_v; }
                next++;
            } else {
                while (j < n && p[j] >= '0' && p[j] <= '9') prec = prec * 10 + (p[j++] - '0');
            }
        }
        while (j < n && (p[j] == 'h' || p[j] == 'l' || p[j] == 'L')) j++;
        if (j >= n) {
            ou_err_format(ou_ValueError, "incomplete format");
            goto fail_v;
        }
        char conv = p[j++];
        if (conv == '%') {
            if (sb_putc(&b, '%') < 0) goto fail_v;
            if (owned) ou_decref(v);
            i = j;
            continue;
        }
        if (!strchr("sradiuoxXeEfFgGc", conv)) {
            uint32_t cp;
            ns_utf8_decode((const unsigned char *)p + j - 1, &cp);
            ou_err_format(ou_ValueError, "unsupported format character '%s' (0x%x) at index %lld",
                          "?", cp, (long long)ns_cp_index(fmtv, j - 1));
            /* Replace the placeholder with the real character. */
            Value exc = ou_err_fetch();
            Value ch = ns_str_from_cp(cp);
            if (!IS_ERR(ch)) {
                ou_err_format(ou_ValueError, "unsupported format character '%U' (0x%x) at index %lld",
                              ch, cp, (long long)ns_cp_index(fmtv, j - 1));
                ou_decref(ch);
                ou_decref(exc);
            } else {
                ou_err_restore(exc);
            }
            goto fail_v;
        }
        if (!owned) {
            if (next >= nitems) {
                ou_err_format(ou_TypeError, "not enough arguments for format string");
                goto fail;
            }
            v = items[next++];
        }
        (void)start;
        StrBuf t;
        sb_init(&t);
        int rc = 0;
        bool numeric = false;
        int64_t iv;
        double dv;
        if (conv == 's' || conv == 'r' || conv == 'a') {
            Value s = conv == 's' ? ou_to_str(v) : conv == 'r' ? ou_repr(v) : ascii_of(v);
            if (IS_ERR(s)) goto fail_v;
            int64_t nb = ou_str_len(s), nc = ns_str_nchars(s);
            if (prec >= 0 && prec < nc) {
                nb = ns_cp_offset(s, prec);
                nc = prec;
            }
            rc = pad_out(&b, ou_str_data(s), nb, nc, width, left, false, false);
            ou_decref(s);
        } else if (conv == 'c') {
            uint32_t cp = 0;
            if (IS_STR(v) && ns_str_nchars(v) == 1) {
                ns_utf8_decode((const unsigned char *)ou_str_data(v), &cp);
            } else if (ou_int_value(v, &iv) || ou_is_int(v)) {
                if (!ou_int_value(v, &iv) || iv < 0 || iv > 0x10FFFF) {
                    ou_err_format(ou_OverflowError, "%%c arg not in range(0x110000)");
                    goto fail_v;
                }
                cp = (uint32_t)iv;
            } else {
                ou_err_format(ou_TypeError, "%%c requires int or char");
                goto fail_v;
            }
            char buf[4];
            int nb = ns_utf8_encode(cp, buf);
            rc = pad_out(&b, buf, nb, 1, width, left, false, false);
        } else if (strchr("diuoxX", conv)) {
            numeric = true;
            /* An int beyond int64 (or a float converted to one) in big; iv is then its sign. */
            Value big = OU_UNDEF;
            if (!ou_int_value(v, &iv)) {
                if (ou_is_int(v)) {
                    big = ou_newref(v);
                    iv = ou_int_sign(v);
                } else if (ns_float_value(v, &dv) && strchr("diu", conv)) {
                    big = ou_int_from_double(dv);
                    if (IS_ERR(big)) goto fail_v;
                    if (ou_int_value(big, &iv)) {
                        ou_decref(big);
                        big = OU_UNDEF;
                    } else {
                        iv = ou_int_sign(big);
                    }
                } else if (IS_OBJ(v) && !IS_STR(v) && ou_index(v, &iv) == 0) {
                    /* objects with __index__ */
                } else {
                    if (ou_err_occurred()) ou_err_clear();
                    if (strchr("diu", conv))
                        ou_err_format(ou_TypeError, "%%%c format: a real number is required, not %T", conv, v);
                    else
                        ou_err_format(ou_TypeError, "%%%c format: an integer is required, not %T", conv, v);
                    goto fail_v;
                }
            }
            int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
            uint64_t av = iv < 0 ? (uint64_t)0 - (uint64_t)iv : (uint64_t)iv;
            char small[72];
            const char *digits = small;
            int64_t nd;
            StrBuf bigdigits;
            sb_init(&bigdigits);
            if (IS_UNDEF(big)) {
                nd = utoa_base(av, base, conv == 'X', small);
            } else {
                rc = ns_big_put_digits(&bigdigits, big, base, conv == 'X');
                ou_decref(big);
                if (rc < 0) {
                    sb_free(&bigdigits);
                    goto fail_v;
                }
                digits = bigdigits.p;
                nd = bigdigits.len;
            }
            if (iv < 0) rc = sb_putc(&t, '-');
            else if (sign) rc = sb_putc(&t, sign);
            if (alt && base != 10) rc |= sb_puts(&t, conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X");
            if (prec > nd) rc |= sb_fill(&t, '0', prec - nd);
            rc |= sb_put(&t, digits, nd);
            sb_free(&bigdigits);
            if (rc == 0) rc = pad_out(&b, t.p, t.len, t.len, width, left, zero, true);
        } else {
            numeric = true;
            if (!ns_float_value(v, &dv)) {
                if (ou_int_value(v, &iv)) dv = (double)iv;
                else if (ou_is_int(v)) {
                    if (ou_int_to_double(v, &dv) < 0) goto fail_v;
                } else {
                    ou_err_format(ou_TypeError, "must be real number, not %T", v);
                    goto fail_v;
                }
            }
            char c = conv == 'F' ? 'F' : conv;
            rc = ns_put_float(&t, dv, c, prec < 0 ? 6 : (int)prec, alt, sign);
            if (rc == 0) rc = pad_out(&b, t.p, t.len, t.len, width, left, zero, true);
        }
        (void)numeric;
        sb_free(&t);
        if (owned) ou_decref(v);
        owned = false;
        if (rc < 0) goto fail;
        i = j;
        continue;
    fail_v:
        if (owned) ou_decref(v);
        goto fail;
    }
    if (!used_dict && IS_UNDEF(dict) && next < nitems) {
        ou_err_format(ou_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    if (!used_dict && !IS_UNDEF(dict) && !IS_TUPLE(arg) && next == 0 && !IS_STR(arg)) {
        /* A mapping argument with no %(key) fields: CPython accepts it silently. */
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}
