/* strmethods.c: the methods of str (split, join, find, strip, case mapping, ...) and the
 * character classes they rely on.
 *
 * Every method receives self as args[0]. Indices in arguments and results are code points;
 * internally the search runs on UTF-8 bytes (a valid UTF-8 needle can only match at code-point
 * boundaries), and ASCII strings take byte-level fast paths.
 *
 * Unicode coverage: case mapping covers ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic,
 * Armenian and fullwidth Latin; the character classes cover the common scripts. Full Unicode
 * tables are a later issue. */
#define _GNU_SOURCE /* memmem, memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numstr.h"
#include "vm.h"

/* The result of a method that leaves the text unchanged: self itself for an exact str, a copy
 * for a str subclass instance (str methods always return exact str, as in CPython). */
static Value unchanged(Value self) {
    if (IS_STR(self)) return ou_newref(self);
    return ns_str_new_n(AS_STR(self)->data, AS_STR(self)->len, AS_STR(self)->nchars);
}

int vm_init_str_methods(void);
int ns_is_printable(uint32_t cp);

/* ---------------------------------------------------------------------------------------------
 * Character classes and case mapping
 * ------------------------------------------------------------------------------------------- */
static uint32_t cp_lower(uint32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c < 0x100) return (c >= 0xC0 && c <= 0xDE && c != 0xD7) ? c + 32 : c;
    if (c < 0x180) {
        if ((c <= 0x12F || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && !(c & 1)) return c + 1;
        if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && (c & 1)) return c + 1;
        if (c == 0x178) return 0xFF;
        if (c == 0x130) return 'i';
        return c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 37;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 63;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) && !(c & 1)) return c + 1;
    if (c >= 0x531 && c <= 0x556) return c + 48;
    if (c >= 0x1E00 && c <= 0x1EFF && c != 0x1E9E && !(c & 1) && !(c >= 0x1E96 && c <= 0x1E9F)) return c + 1;
    if (c == 0x1E9E) return 0xDF;
    if (c >= 0xFF21 && c <= 0xFF3A) return c + 32;
    return c;
}

static uint32_t cp_upper(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c < 0x100) {
        if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
        if (c == 0xFF) return 0x178;
        if (c == 0xB5) return 0x39C;
        return c;
    }
    if (c < 0x180) {
        if ((c <= 0x12F || (c >= 0x132 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && (c & 1)) return c - 1;
        if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && !(c & 1)) return c - 1;
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        return c;
    }
    if (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) return c - 32;
    if (c == 0x3C2) return 0x3A3;
    if (c == 0x3AC) return 0x386;
    if (c >= 0x3AD && c <= 0x3AF) return c - 37;
    if (c == 0x3CC) return 0x38C;
    if (c == 0x3CD || c == 0x3CE) return c - 63;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF)) && (c & 1)) return c - 1;
    if (c >= 0x561 && c <= 0x586) return c - 48;
    if (c >= 0x1E00 && c <= 0x1EFF && (c & 1) && !(c >= 0x1E96 && c <= 0x1E9F)) return c - 1;
    if (c >= 0xFF41 && c <= 0xFF5A) return c - 32;
    return c;
}

static bool cp_isupper(uint32_t c) { return cp_lower(c) != c || c == 0x130; }
static bool cp_islower(uint32_t c) {
    return cp_upper(c) != c || c == 0xDF || c == 0x138 || c == 0x149 || c == 0xAA || c == 0xBA;
}
static bool cp_iscased(uint32_t c) { return cp_isupper(c) || cp_islower(c); }

static bool cp_isspace(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool cp_isdecimal(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    static const uint32_t zeros[] = {0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6,
                                     0xC66, 0xCE6, 0xD66, 0xE50, 0xED0, 0xF20, 0x1040, 0xFF10};
    for (size_t k = 0; k < sizeof zeros / sizeof zeros[0]; k++)
        if (c >= zeros[k] && c <= zeros[k] + 9) return true;
    return c >= 0x1D7CE && c <= 0x1D7FF;
}

static bool cp_isdigit(uint32_t c) {
    if (cp_isdecimal(c)) return true;
    if (c < 0x80) return false;
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) ||
           (c >= 0x2080 && c <= 0x2089) || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247C) ||
           (c >= 0x2488 && c <= 0x2490) || c == 0x24EA || (c >= 0x24F5 && c <= 0x24FD) || c == 0x24FF ||
           (c >= 0x2776 && c <= 0x277E) || (c >= 0x2780 && c <= 0x2788) || (c >= 0x278A && c <= 0x2792);
}

static bool cp_isnumeric(uint32_t c) {
    if (cp_isdigit(c)) return true;
    if (c < 0x80) return false;
    static const uint32_t han[] = {0x3007, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03,
                                   0x516B, 0x4E5D, 0x5341, 0x767E, 0x5343, 0x4E07, 0x96F6, 0x5104};
    for (size_t k = 0; k < sizeof han / sizeof han[0]; k++)
        if (c == han[k]) return true;
    return (c >= 0xBC && c <= 0xBE) || (c >= 0x2150 && c <= 0x2189) || (c >= 0x2469 && c <= 0x2473) ||
           (c >= 0x247D && c <= 0x2487) || (c >= 0x2491 && c <= 0x249B) || (c >= 0x24EB && c <= 0x24F4) ||
           c == 0x24FE || c == 0x277F || c == 0x2789 || c == 0x2793 || (c >= 0x3021 && c <= 0x3029);
}

static bool cp_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (cp_iscased(c)) return true;
    if (c < 0x100) return c == 0xAA || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
    return (c >= 0x100 && c <= 0x2C1) || (c >= 0x2C6 && c <= 0x2D1) || (c >= 0x2E0 && c <= 0x2E4) ||
           (c >= 0x370 && c <= 0x3FF && c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 &&
            c != 0x387 && c != 0x3F6) ||
           (c >= 0x400 && c <= 0x52F && !(c >= 0x482 && c <= 0x489)) || (c >= 0x531 && c <= 0x587) ||
           (c >= 0x5D0 && c <= 0x5F2) || (c >= 0x620 && c <= 0x64A) || (c >= 0x671 && c <= 0x6D3) ||
           (c >= 0x904 && c <= 0x939) || (c >= 0xE01 && c <= 0xE30) || (c >= 0x10A0 && c <= 0x10FF) ||
           (c >= 0x1E00 && c <= 0x1FBC) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
           (c >= 0x20000 && c <= 0x2FA1F);
}

static bool cp_isalnum(uint32_t c) { return cp_isalpha(c) || cp_isnumeric(c); }

int ns_is_printable(uint32_t c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    if (c <= 0xA0 || c == 0xAD) return 0;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F) || c == 0x3000 || (c >= 0xD800 && c <= 0xF8FF) || c == 0xFEFF ||
        (c >= 0xFFF0 && c <= 0xFFFB) || c == 0xFFFE || c == 0xFFFF || c == 0x61C || c == 0x180E ||
        (c >= 0x600 && c <= 0x605) || c == 0x6DD || c == 0x70F || (c >= 0xE0000 && c <= 0xE0FFF) ||
        c >= 0xF0000 || c == 0x378 || c == 0x379 || (c >= 0x380 && c <= 0x383) || c == 0x38B ||
        c == 0x38D || c == 0x3A2 || (c >= 0x1D173 && c <= 0x1D17A))
        return 0;
    return 1;
}

/* ---------------------------------------------------------------------------------------------
 * Argument helpers. nargs counts self.
 * ------------------------------------------------------------------------------------------- */
static int nkw_of(Value kwnames) { return IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len; }

static int check_args(int nargs, Value kwnames, const char *name, int min, int max) {
    if (nkw_of(kwnames) > 0) {
        ou_err_format(ou_TypeError, "str.%s() takes no keyword arguments", name);
        return -1;
    }
    int n = nargs - 1;
    if (n >= min && n <= max) return 0;
    if (max == 0)
        ou_err_format(ou_TypeError, "str.%s() takes no arguments (%d given)", name, n);
    else if (min == max)
        ou_err_format(ou_TypeError, "str.%s() takes exactly one argument (%d given)", name, n);
    else if (n < min)
        ou_err_format(ou_TypeError, "%s expected at least %d argument%s, got %d", name, min, min == 1 ? "" : "s", n);
    else
        ou_err_format(ou_TypeError, "%s expected at most %d argument%s, got %d", name, max, max == 1 ? "" : "s", n);
    return -1;
}

/* Positional-or-keyword parameters: fills out[0..nnames) (preset by the caller) from args
 * after self and from keywords. */
static int parse_kw(Value *args, int nargs, Value kwnames, const char *fname,
                    const char *const *names, int nnames, Value *out) {
    int npos = nargs - 1;
    if (npos > nnames) {
        ou_err_format(ou_TypeError, "%s() takes at most %d argument%s (%d given)", fname, nnames,
                      nnames == 1 ? "" : "s", npos + nkw_of(kwnames));
        return -1;
    }
    for (int k = 0; k < npos; k++) out[k] = args[1 + k];
    for (int k = 0; k < nkw_of(kwnames); k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        int j = 0;
        while (j < nnames && !ou_str_eq_cstr(name, names[j])) j++;
        if (j == nnames) {
            ou_err_format(ou_TypeError, "%s() got an unexpected keyword argument '%U'", fname, name);
            return -1;
        }
        if (j < npos) {
            ou_err_format(ou_TypeError, "argument for %s() given by name ('%s') and position (%d)",
                          fname, names[j], j + 1);
            return -1;
        }
        out[j] = args[nargs + k];
    }
    return 0;
}


/* Resolves optional start/end arguments (code points, None allowed) into a clamped code-point
 * range and the matching byte range. Returns 1 when start is beyond the end (empty range that
 * never matches even the empty string), 0 otherwise, -1 on error. */
static int get_range(Value self, Value *args, int nargs, int first, int64_t *cs, int64_t *ce,
                     int64_t *bs, int64_t *be) {
    int64_t n = ns_str_nchars(self), start = 0, end = n;
    if (nargs > first && !IS_NONE(args[first])) {
        if (ou_index(args[first], &start) < 0) {
            if (ou_err_matches(ou_TypeError)) {
                ou_err_clear();
                ou_err_format(ou_TypeError, "slice indices must be integers or None or have an __index__ method");
            }
            return -1;
        }
    }
    if (nargs > first + 1 && !IS_NONE(args[first + 1])) {
        if (ou_index(args[first + 1], &end) < 0) {
            if (ou_err_matches(ou_TypeError)) {
                ou_err_clear();
                ou_err_format(ou_TypeError, "slice indices must be integers or None or have an __index__ method");
            }
            return -1;
        }
    }
    if (end > n) end = n;
    else if (end < 0) { end += n; if (end < 0) end = 0; }
    if (start < 0) { start += n; if (start < 0) start = 0; }
    *cs = start;
    *ce = end;
    if (start > n) return 1;
    *bs = ns_cp_offset(self, start);
    *be = end > start ? ns_cp_offset(self, end) : *bs;
    return 0;
}

/* Last occurrence of needle in hay[0..n), or NULL. */
static const char *rmemmem(const char *hay, int64_t n, const char *needle, int64_t m) {
    if (m == 0) return hay + n;
    if (m > n) return NULL;
    for (const char *p = hay + n - m;; p--) {
        p = memrchr(hay, needle[0], (size_t)(p - hay + 1));
        if (!p) return NULL;
        if (memcmp(p, needle, (size_t)m) == 0) return p;
        if (p == hay) return NULL;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Searching
 * ------------------------------------------------------------------------------------------- */
/* find/rfind/index/rindex share this: returns the code-point index or -1 (or OU_ERR via -2). */
static int64_t find_impl(Value *args, int nargs, Value kwnames, const char *name, bool reverse) {
    if (check_args(nargs, kwnames, name, 1, 3) < 0) return -2;
    Value self = args[0], sub = args[1];
    if (!IS_STR_SUB(sub)) {
        ou_err_format(ou_TypeError, "must be str, not %T", sub);
        return -2;
    }
    int64_t cs, ce, bs, be;
    int r = get_range(self, args, nargs, 2, &cs, &ce, &bs, &be);
    if (r < 0) return -2;
    if (r == 1 || ce - cs < ns_str_nchars(sub)) return -1;
    const char *d = ou_str_data(self);
    int64_t m = ou_str_len(sub);
    const char *p = reverse ? rmemmem(d + bs, be - bs, ou_str_data(sub), m)
                            : (m == 0 ? d + bs : memmem(d + bs, (size_t)(be - bs), ou_str_data(sub), (size_t)m));
    if (!p) return -1;
    return ns_cp_index(self, p - d);
}

static Value str_find(Value *args, int nargs, Value kwnames) {
    int64_t r = find_impl(args, nargs, kwnames, "find", false);
    return r == -2 ? OU_ERR : ou_int(r);
}
static Value str_rfind(Value *args, int nargs, Value kwnames) {
    int64_t r = find_impl(args, nargs, kwnames, "rfind", true);
    return r == -2 ? OU_ERR : ou_int(r);
}
static Value str_index(Value *args, int nargs, Value kwnames) {
    int64_t r = find_impl(args, nargs, kwnames, "index", false);
    if (r == -1) return ou_err_format(ou_ValueError, "substring not found");
    return r == -2 ? OU_ERR : ou_int(r);
}
static Value str_rindex(Value *args, int nargs, Value kwnames) {
    int64_t r = find_impl(args, nargs, kwnames, "rindex", true);
    if (r == -1) return ou_err_format(ou_ValueError, "substring not found");
    return r == -2 ? OU_ERR : ou_int(r);
}

static Value str_count(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "count", 1, 3) < 0) return OU_ERR;
    Value self = args[0], sub = args[1];
    if (!IS_STR_SUB(sub)) return ou_err_format(ou_TypeError, "must be str, not %T", sub);
    int64_t cs, ce, bs, be;
    int r = get_range(self, args, nargs, 2, &cs, &ce, &bs, &be);
    if (r < 0) return OU_ERR;
    if (r == 1) return MK_SMALLINT(0);
    int64_t m = ou_str_len(sub);
    if (m == 0) return ou_int(ce >= cs ? ce - cs + 1 : 0);
    const char *d = ou_str_data(self), *p = d + bs, *end = d + be, *s = ou_str_data(sub);
    int64_t count = 0;
    while (end - p >= m) {
        const char *q = memmem(p, (size_t)(end - p), s, (size_t)m);
        if (!q) break;
        count++;
        p = q + m;
    }
    return ou_int(count);
}

static Value startsend(Value *args, int nargs, Value kwnames, const char *name, bool ends) {
    if (check_args(nargs, kwnames, name, 1, 3) < 0) return OU_ERR;
    Value self = args[0], pre = args[1];
    int64_t cs, ce, bs, be;
    int r = get_range(self, args, nargs, 2, &cs, &ce, &bs, &be);
    if (r < 0) return OU_ERR;
    Value *cands = &pre;
    int64_t ncand = 1;
    if (IS_TUPLE(pre)) {
        cands = AS_TUPLE(pre)->items;
        ncand = AS_TUPLE(pre)->len;
    } else if (!IS_STR_SUB(pre)) {
        return ou_err_format(ou_TypeError, "%s first arg must be str or a tuple of str, not %T", name, pre);
    }
    for (int64_t k = 0; k < ncand; k++) {
        Value c = cands[k];
        if (!IS_STR_SUB(c))
            return ou_err_format(ou_TypeError, "tuple for %s must only contain str, not %T", name, c);
        if (r == 1) continue;
        int64_t m = ou_str_len(c);
        if (m > be - bs) continue;
        const char *at = ou_str_data(self) + (ends ? be - m : bs);
        if (memcmp(at, ou_str_data(c), (size_t)m) == 0) return OU_TRUE;
    }
    return OU_FALSE;
}

static Value str_startswith(Value *args, int nargs, Value kwnames) {
    return startsend(args, nargs, kwnames, "startswith", false);
}
static Value str_endswith(Value *args, int nargs, Value kwnames) {
    return startsend(args, nargs, kwnames, "endswith", true);
}

/* ---------------------------------------------------------------------------------------------
 * Splitting and joining
 * ------------------------------------------------------------------------------------------- */
static int append_sub(Value list, Value self, int64_t b0, int64_t b1) {
    const char *d = ou_str_data(self);
    Value s = (AS_STR(self)->ob.aux & OU_STR_ASCII) ? ns_str_new_n(d + b0, b1 - b0, b1 - b0)
                                                    : ou_str_new(d + b0, b1 - b0);
    if (IS_ERR(s)) return -1;
    return ou_list_append_steal(list, s);
}

/* Byte length of the whitespace code point at d[i] (0 if none), and of the one ending at j. */
static int space_at(const unsigned char *d, int64_t i, int64_t n) {
    if (d[i] < 0x80) return cp_isspace(d[i]) ? 1 : 0;
    uint32_t cp;
    int len = ns_utf8_decode(d + i, &cp);
    (void)n;
    return cp_isspace(cp) ? len : 0;
}
static int space_before(const unsigned char *d, int64_t j) {
    if (d[j - 1] < 0x80) return cp_isspace(d[j - 1]) ? 1 : 0;
    int64_t i = j - 1;
    while (i > 0 && (d[i] & 0xC0) == 0x80) i--;
    uint32_t cp;
    ns_utf8_decode(d + i, &cp);
    return cp_isspace(cp) ? (int)(j - i) : 0;
}
static int char_len_at(const unsigned char *d, int64_t i) {
    unsigned c = d[i];
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static Value split_args(Value *args, int nargs, Value kwnames, const char *name, Value *sep, int64_t *maxsplit) {
    static const char *const names[] = {"sep", "maxsplit"};
    Value out[2] = {OU_NONE, OU_UNDEF};
    if (parse_kw(args, nargs, kwnames, name, names, 2, out) < 0) return OU_ERR;
    *sep = out[0];
    *maxsplit = -1;
    if (!IS_UNDEF(out[1]) && ou_index(out[1], maxsplit) < 0) return OU_ERR;
    if (*maxsplit < 0) *maxsplit = INT64_MAX;
    if (!IS_NONE(*sep)) {
        if (!IS_STR_SUB(*sep)) return ou_err_format(ou_TypeError, "must be str or None, not %T", *sep);
        if (ou_str_len(*sep) == 0) return ou_err_format(ou_ValueError, "empty separator");
    }
    return OU_NONE;
}

static Value str_split(Value *args, int nargs, Value kwnames) {
    Value sep;
    int64_t maxsplit;
    if (IS_ERR(split_args(args, nargs, kwnames, "split", &sep, &maxsplit))) return OU_ERR;
    Value self = args[0];
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self);
    Value list = ou_list_new(0);
    if (IS_ERR(list)) return OU_ERR;
    if (IS_NONE(sep)) {
        int64_t i = 0;
        int w;
        while (i < n) {
            while (i < n && (w = space_at(d, i, n)) > 0) i += w;
            if (i >= n) break;
            if (maxsplit-- == 0) {
                /* The remainder keeps its trailing whitespace, as CPython's. */
                if (append_sub(list, self, i, n) < 0) goto fail;
                break;
            }
            int64_t j = i;
            while (j < n && space_at(d, j, n) == 0) j += char_len_at(d, j);
            if (append_sub(list, self, i, j) < 0) goto fail;
            i = j;
        }
        return list;
    }
    const char *s = ou_str_data(sep);
    int64_t m = ou_str_len(sep), i = 0;
    while (maxsplit-- > 0) {
        const char *q = memmem(d + i, (size_t)(n - i), s, (size_t)m);
        if (!q) break;
        int64_t j = (const unsigned char *)q - d;
        if (append_sub(list, self, i, j) < 0) goto fail;
        i = j + m;
    }
    if (i == 0 && ou_list_append(list, self) == 0) return list;
    if (i != 0 && append_sub(list, self, i, n) == 0) return list;
fail:
    ou_decref(list);
    return OU_ERR;
}

/* Reverses a list in place (rsplit collects from the right). */
static void list_reverse(Value list) {
    OuList *l = AS_LIST(list);
    for (int64_t a = 0, b = l->len - 1; a < b; a++, b--) {
        Value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
}

static Value str_rsplit(Value *args, int nargs, Value kwnames) {
    Value sep;
    int64_t maxsplit;
    if (IS_ERR(split_args(args, nargs, kwnames, "rsplit", &sep, &maxsplit))) return OU_ERR;
    Value self = args[0];
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self);
    Value list = ou_list_new(0);
    if (IS_ERR(list)) return OU_ERR;
    if (IS_NONE(sep)) {
        int64_t j = n;
        int w;
        while (j > 0) {
            while (j > 0 && (w = space_before(d, j)) > 0) j -= w;
            if (j <= 0) break;
            if (maxsplit-- == 0) {
                if (append_sub(list, self, 0, j) < 0) goto fail;
                break;
            }
            int64_t i = j;
            while (i > 0 && space_before(d, i) == 0) {
                i--;
                while (i > 0 && (d[i] & 0xC0) == 0x80) i--;
            }
            if (append_sub(list, self, i, j) < 0) goto fail;
            j = i;
        }
        list_reverse(list);
        return list;
    }
    const char *s = ou_str_data(sep);
    int64_t m = ou_str_len(sep), j = n;
    while (maxsplit-- > 0) {
        const char *q = rmemmem((const char *)d, j, s, m);
        if (!q) break;
        int64_t i = (const unsigned char *)q - d;
        if (append_sub(list, self, i + m, j) < 0) goto fail;
        j = i;
    }
    if (j == n) {
        if (ou_list_append(list, self) < 0) goto fail;
    } else if (append_sub(list, self, 0, j) < 0) {
        goto fail;
    }
    list_reverse(list);
    return list;
fail:
    ou_decref(list);
    return OU_ERR;
}

static Value str_splitlines(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"keepends"};
    Value out[1] = {OU_FALSE};
    if (parse_kw(args, nargs, kwnames, "splitlines", names, 1, out) < 0) return OU_ERR;
    int keep = ou_truthy(out[0]);
    if (keep < 0) return OU_ERR;
    Value self = args[0];
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self), i = 0;
    Value list = ou_list_new(0);
    if (IS_ERR(list)) return OU_ERR;
    while (i < n) {
        int64_t j = i, eol = 0;
        while (j < n) {
            unsigned c = d[j];
            if (c == '\n' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) { eol = 1; break; }
            if (c == '\r') { eol = (j + 1 < n && d[j + 1] == '\n') ? 2 : 1; break; }
            if (c == 0xC2 && j + 1 < n && d[j + 1] == 0x85) { eol = 2; break; }
            if (c == 0xE2 && j + 2 < n && d[j + 1] == 0x80 && (d[j + 2] == 0xA8 || d[j + 2] == 0xA9)) { eol = 3; break; }
            j++;
        }
        if (append_sub(list, self, i, keep ? j + eol : j) < 0) {
            ou_decref(list);
            return OU_ERR;
        }
        i = j + eol;
    }
    return list;
}

static Value str_join(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "join", 1, 1) < 0) return OU_ERR;
    Value self = args[0], it = args[1], seq;
    if (IS_LIST(it) || IS_TUPLE(it)) {
        seq = ou_newref(it);
    } else {
        seq = ou_sequence_list(it);
        if (IS_ERR(seq)) {
            if (ou_err_matches(ou_TypeError)) {
                Value exc = ou_err_fetch();
                Value msg = ou_to_str(exc);
                /* Only the "not iterable" failure becomes "can only join an iterable". */
                if (!IS_ERR(msg) && strstr(ou_str_data(msg), "not iterable")) {
                    ou_decref(msg);
                    ou_decref(exc);
                    return ou_err_format(ou_TypeError, "can only join an iterable");
                }
                ou_xdecref(msg);
                ou_err_restore(exc);
            }
            return OU_ERR;
        }
    }
    int64_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    Value *items = IS_LIST(seq) ? AS_LIST(seq)->items : AS_TUPLE(seq)->items;
    if (n == 1 && IS_STR(items[0])) { /* an exact str only: a subclass item is copied */
        Value r = ou_newref(items[0]);
        ou_decref(seq);
        return r;
    }
    int64_t seplen = ou_str_len(self), total = 0, nchars = 0;
    for (int64_t k = 0; k < n; k++) {
        if (!IS_STR_SUB(items[k])) {
            ou_err_format(ou_TypeError, "sequence item %lld: expected str instance, %T found", (long long)k, items[k]);
            ou_decref(seq);
            return OU_ERR;
        }
        total += ou_str_len(items[k]);
        nchars += ns_str_nchars(items[k]);
    }
    if (n > 1) {
        total += seplen * (n - 1);
        nchars += ns_str_nchars(self) * (n - 1);
    }
    StrBuf b;
    sb_init(&b);
    if (sb_grow(&b, total) < 0) { ou_decref(seq); return OU_ERR; }
    const char *sd = ou_str_data(self);
    for (int64_t k = 0; k < n; k++) {
        if (k && seplen) { memcpy(b.p + b.len, sd, (size_t)seplen); b.len += seplen; }
        int64_t len = ou_str_len(items[k]);
        memcpy(b.p + b.len, ou_str_data(items[k]), (size_t)len);
        b.len += len;
    }
    ou_decref(seq);
    Value r = ns_str_new_n(b.p, b.len, nchars);
    sb_free(&b);
    return r;
}

static Value partition_impl(Value *args, int nargs, Value kwnames, const char *name, bool reverse) {
    if (check_args(nargs, kwnames, name, 1, 1) < 0) return OU_ERR;
    Value self = args[0], sep = args[1];
    if (!IS_STR_SUB(sep)) return ou_err_format(ou_TypeError, "must be str, not %T", sep);
    if (ou_str_len(sep) == 0) return ou_err_format(ou_ValueError, "empty separator");
    const char *d = ou_str_data(self);
    int64_t n = ou_str_len(self), m = ou_str_len(sep);
    const char *q = reverse ? rmemmem(d, n, ou_str_data(sep), m) : memmem(d, (size_t)n, ou_str_data(sep), (size_t)m);
    Value empty = ou_str_new("", 0);
    if (IS_ERR(empty)) return OU_ERR;
    Value r;
    if (!q) {
        r = reverse ? ou_tuple_pack(3, empty, empty, self) : ou_tuple_pack(3, self, empty, empty);
    } else {
        int64_t i = q - d;
        Value a = ou_str_new(d, i), c = ou_str_new(d + i + m, n - i - m);
        r = (IS_ERR(a) || IS_ERR(c)) ? OU_ERR : ou_tuple_pack(3, a, sep, c);
        ou_xdecref(a);
        ou_xdecref(c);
    }
    ou_decref(empty);
    return r;
}

static Value str_partition(Value *args, int nargs, Value kwnames) {
    return partition_impl(args, nargs, kwnames, "partition", false);
}
static Value str_rpartition(Value *args, int nargs, Value kwnames) {
    return partition_impl(args, nargs, kwnames, "rpartition", true);
}

/* ---------------------------------------------------------------------------------------------
 * Stripping, replacing, padding
 * ------------------------------------------------------------------------------------------- */
static bool in_chars(uint32_t cp, Value chars) {
    if (IS_NONE(chars)) return cp_isspace(cp);
    const unsigned char *c = (const unsigned char *)ou_str_data(chars);
    int64_t n = ou_str_len(chars), i = 0;
    if (cp < 0x80) return memchr(c, (int)cp, (size_t)n) != NULL;
    while (i < n) {
        uint32_t x;
        i += ns_utf8_decode(c + i, &x);
        if (x == cp) return true;
    }
    return false;
}

static Value strip_impl(Value *args, int nargs, Value kwnames, const char *name, bool left, bool right) {
    if (check_args(nargs, kwnames, name, 0, 1) < 0) return OU_ERR;
    Value self = args[0], chars = nargs > 1 ? args[1] : OU_NONE;
    if (!IS_NONE(chars) && !IS_STR_SUB(chars))
        return ou_err_format(ou_TypeError, "%s arg must be None or str", name);
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self), i = 0, j = n;
    uint32_t cp;
    if (left) {
        while (i < n) {
            int w = ns_utf8_decode(d + i, &cp);
            if (!in_chars(cp, chars)) break;
            i += w;
        }
    }
    if (right) {
        while (j > i) {
            int64_t k = j - 1;
            while (k > i && (d[k] & 0xC0) == 0x80) k--;
            ns_utf8_decode(d + k, &cp);
            if (!in_chars(cp, chars)) break;
            j = k;
        }
    }
    if (i == 0 && j == n) return unchanged(self);
    return ou_str_new((const char *)d + i, j - i);
}

static Value str_strip(Value *args, int nargs, Value kwnames) { return strip_impl(args, nargs, kwnames, "strip", true, true); }
static Value str_lstrip(Value *args, int nargs, Value kwnames) { return strip_impl(args, nargs, kwnames, "lstrip", true, false); }
static Value str_rstrip(Value *args, int nargs, Value kwnames) { return strip_impl(args, nargs, kwnames, "rstrip", false, true); }

static Value str_replace(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "replace", 2, 3) < 0) return OU_ERR;
    Value self = args[0], old = args[1], new_ = args[2];
    if (!IS_STR_SUB(old)) return ou_err_format(ou_TypeError, "replace() argument 1 must be str, not %T", old);
    if (!IS_STR_SUB(new_)) return ou_err_format(ou_TypeError, "replace() argument 2 must be str, not %T", new_);
    int64_t count = -1;
    if (nargs > 3 && ou_index(args[3], &count) < 0) return OU_ERR;
    if (count < 0) count = INT64_MAX;
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self), m = ou_str_len(old);
    if (count == 0) return unchanged(self);
    StrBuf b;
    sb_init(&b);
    int64_t i = 0;
    if (m == 0) {
        /* Insert `new` before every code point and at the end, count times at most. */
        while (count > 0) {
            if (sb_put_str(&b, new_) < 0) goto fail;
            count--;
            if (i >= n) break;
            int w = char_len_at(d, i);
            if (sb_put(&b, (const char *)d + i, w) < 0) goto fail;
            i += w;
        }
        if (sb_put(&b, (const char *)d + i, n - i) < 0) goto fail;
        return sb_finish(&b);
    }
    bool any = false;
    while (count-- > 0) {
        const char *q = memmem(d + i, (size_t)(n - i), ou_str_data(old), (size_t)m);
        if (!q) break;
        any = true;
        int64_t j = (const unsigned char *)q - d;
        if (sb_put(&b, (const char *)d + i, j - i) < 0 || sb_put_str(&b, new_) < 0) goto fail;
        i = j + m;
    }
    if (!any) {
        sb_free(&b);
        return unchanged(self);
    }
    if (sb_put(&b, (const char *)d + i, n - i) < 0) goto fail;
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}

/* Reads the width and fill character of center/ljust/rjust. */
static int pad_args(Value *args, int nargs, Value kwnames, const char *name, int64_t *width, Value *fill) {
    if (check_args(nargs, kwnames, name, 1, 2) < 0) return -1;
    if (ou_index(args[1], width) < 0) return -1;
    *fill = OU_UNDEF;
    if (nargs > 2) {
        Value f = args[2];
        if (!IS_STR_SUB(f)) {
            ou_err_format(ou_TypeError, "%s() argument 2 must be a unicode character, not %T", name, f);
            return -1;
        }
        if (ns_str_nchars(f) != 1) {
            ou_err_format(ou_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = f;
    }
    return 0;
}

static Value pad(Value self, int64_t left, int64_t right, Value fill) {
    StrBuf b;
    sb_init(&b);
    int rc = 0;
    if (IS_UNDEF(fill) || ou_str_len(fill) == 1) {
        char c = IS_UNDEF(fill) ? ' ' : ou_str_data(fill)[0];
        rc = sb_fill(&b, c, left) || sb_put_str(&b, self) || sb_fill(&b, c, right);
    } else {
        for (int64_t k = 0; k < left && rc == 0; k++) rc = sb_put_str(&b, fill);
        if (rc == 0) rc = sb_put_str(&b, self);
        for (int64_t k = 0; k < right && rc == 0; k++) rc = sb_put_str(&b, fill);
    }
    if (rc) { sb_free(&b); return OU_ERR; }
    return sb_finish(&b);
}

static Value str_center(Value *args, int nargs, Value kwnames) {
    int64_t width;
    Value fill;
    if (pad_args(args, nargs, kwnames, "center", &width, &fill) < 0) return OU_ERR;
    int64_t len = ns_str_nchars(args[0]);
    if (width <= len) return unchanged(args[0]);
    int64_t marg = width - len, left = marg / 2 + (marg & width & 1);
    return pad(args[0], left, marg - left, fill);
}
static Value str_ljust(Value *args, int nargs, Value kwnames) {
    int64_t width;
    Value fill;
    if (pad_args(args, nargs, kwnames, "ljust", &width, &fill) < 0) return OU_ERR;
    int64_t len = ns_str_nchars(args[0]);
    if (width <= len) return unchanged(args[0]);
    return pad(args[0], 0, width - len, fill);
}
static Value str_rjust(Value *args, int nargs, Value kwnames) {
    int64_t width;
    Value fill;
    if (pad_args(args, nargs, kwnames, "rjust", &width, &fill) < 0) return OU_ERR;
    int64_t len = ns_str_nchars(args[0]);
    if (width <= len) return unchanged(args[0]);
    return pad(args[0], width - len, 0, fill);
}

static Value str_zfill(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "zfill", 1, 1) < 0) return OU_ERR;
    int64_t width;
    if (ou_index(args[1], &width) < 0) return OU_ERR;
    Value self = args[0];
    int64_t len = ns_str_nchars(self);
    if (width <= len) return unchanged(self);
    const char *d = ou_str_data(self);
    StrBuf b;
    sb_init(&b);
    int64_t i = 0;
    if (len > 0 && (d[0] == '+' || d[0] == '-')) {
        sb_putc(&b, d[0]);
        i = 1;
    }
    if (sb_fill(&b, '0', width - len) < 0 || sb_put(&b, d + i, ou_str_len(self) - i) < 0) {
        sb_free(&b);
        return OU_ERR;
    }
    return sb_finish(&b);
}

static Value str_expandtabs(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"tabsize"};
    Value out[1] = {MK_SMALLINT(8)};
    if (parse_kw(args, nargs, kwnames, "expandtabs", names, 1, out) < 0) return OU_ERR;
    int64_t tab;
    if (ou_index(out[0], &tab) < 0) return OU_ERR;
    Value self = args[0];
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self), col = 0;
    if (!memchr(d, '\t', (size_t)n)) return unchanged(self);
    StrBuf b;
    sb_init(&b);
    for (int64_t i = 0; i < n; i++) {
        unsigned char c = d[i];
        int rc;
        if (c == '\t') {
            int64_t sp = tab > 0 ? tab - col % tab : 0;
            rc = sb_fill(&b, ' ', sp);
            col += sp;
        } else {
            rc = sb_putc(&b, (char)c);
            if (c == '\n' || c == '\r') col = 0;
            else if ((c & 0xC0) != 0x80) col++;
        }
        if (rc < 0) { sb_free(&b); return OU_ERR; }
    }
    return sb_finish(&b);
}

static Value str_removeprefix(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "removeprefix", 1, 1) < 0) return OU_ERR;
    Value self = args[0], p = args[1];
    if (!IS_STR_SUB(p)) return ou_err_format(ou_TypeError, "removeprefix() argument must be str, not %T", p);
    int64_t n = ou_str_len(self), m = ou_str_len(p);
    if (m && m <= n && memcmp(ou_str_data(self), ou_str_data(p), (size_t)m) == 0)
        return ou_str_new(ou_str_data(self) + m, n - m);
    return unchanged(self);
}

static Value str_removesuffix(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "removesuffix", 1, 1) < 0) return OU_ERR;
    Value self = args[0], p = args[1];
    if (!IS_STR_SUB(p)) return ou_err_format(ou_TypeError, "removesuffix() argument must be str, not %T", p);
    int64_t n = ou_str_len(self), m = ou_str_len(p);
    if (m && m <= n && memcmp(ou_str_data(self) + n - m, ou_str_data(p), (size_t)m) == 0)
        return ou_str_new(ou_str_data(self), n - m);
    return unchanged(self);
}

/* ---------------------------------------------------------------------------------------------
 * Case mapping
 * ------------------------------------------------------------------------------------------- */
enum { CM_LOWER, CM_UPPER, CM_SWAP, CM_TITLE, CM_CAPITALIZE, CM_CASEFOLD };

/* Appends the mapping of one code point; ß and a few others expand to two. */
static int put_mapped(StrBuf *b, uint32_t cp, bool upper, bool fold) {
    if (cp == 0xDF && (upper || fold)) return sb_puts(b, upper ? "SS" : "ss");
    if (cp == 0x130 && !upper) return sb_puts(b, "i\xcc\x87"); /* i + combining dot above */
    if (fold) {
        if (cp == 0x3C2) cp = 0x3C3;
        else if (cp == 0xB5) cp = 0x3BC;
        else if (cp == 0x17F) cp = 's';
        else cp = cp_lower(cp);
    } else {
        cp = upper ? cp_upper(cp) : cp_lower(cp);
    }
    if (cp < 0x80) return sb_putc(b, (char)cp);
    return sb_put_utf8(b, cp);
}

static Value casemap(Value self, int mode) {
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self);
    StrBuf b;
    sb_init(&b);
    if (sb_grow(&b, n) < 0) return OU_ERR;
    bool prev_cased = false, first = true;
    int64_t i = 0;
    int rc = 0;
    if (AS_STR(self)->ob.aux & OU_STR_ASCII) {
        /* Byte-wise on ASCII text: no expansion is possible. */
        for (; i < n; i++) {
            unsigned char c = d[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            switch (mode) {
            case CM_LOWER: case CM_CASEFOLD: if (up) c += 32; break;
            case CM_UPPER: if (lo) c -= 32; break;
            case CM_SWAP: if (up) c += 32; else if (lo) c -= 32; break;
            case CM_TITLE:
                if (prev_cased) { if (up) c += 32; }
                else if (lo) c -= 32;
                prev_cased = up || lo;
                break;
            case CM_CAPITALIZE:
                if (first) { if (lo) c -= 32; }
                else if (up) c += 32;
                break;
            }
            first = false;
            b.p[b.len++] = (char)c;
        }
        Value r = ns_str_new_n(b.p, b.len, b.len);
        sb_free(&b);
        return r;
    }
    while (i < n && rc == 0) {
        uint32_t cp;
        int w = ns_utf8_decode(d + i, &cp);
        bool cased = cp_iscased(cp);
        /* Final sigma: a capital sigma ending a word lowers to ς (in every mode that lowers). */
        bool final_sigma = false;
        if (cp == 0x3A3 && prev_cased) {
            uint32_t nx = 0;
            if (i + w < n) ns_utf8_decode(d + i + w, &nx);
            final_sigma = i + w >= n || !cp_iscased(nx);
        }
        bool lowering = mode == CM_LOWER || mode == CM_SWAP || (mode == CM_TITLE && prev_cased) ||
                        (mode == CM_CAPITALIZE && !first);
        if (final_sigma && lowering) {
            rc = sb_put_utf8(&b, 0x3C2);
            prev_cased = true;
            first = false;
            i += w;
            continue;
        }
        switch (mode) {
        case CM_LOWER:
            rc = put_mapped(&b, cp, false, false);
            break;
        case CM_CASEFOLD: rc = put_mapped(&b, cp, false, true); break;
        case CM_UPPER: rc = put_mapped(&b, cp, true, false); break;
        case CM_SWAP:
            if (cp_isupper(cp)) rc = put_mapped(&b, cp, false, false);
            else if (cp_islower(cp)) rc = put_mapped(&b, cp, true, false);
            else rc = sb_put(&b, (const char *)d + i, w);
            break;
        case CM_TITLE:
            if (prev_cased) rc = put_mapped(&b, cp, false, false);
            else if (cp == 0xDF) rc = sb_puts(&b, "Ss");
            else rc = put_mapped(&b, cp, true, false);
            break;
        case CM_CAPITALIZE:
            if (first) rc = cp == 0xDF ? sb_puts(&b, "Ss") : put_mapped(&b, cp, true, false);
            else rc = put_mapped(&b, cp, false, false);
            break;
        }
        prev_cased = cased;
        first = false;
        i += w;
    }
    if (rc) { sb_free(&b); return OU_ERR; }
    return sb_finish(&b);
}

#define CASE_METHOD(fname, mode)                                            \
    static Value str_##fname(Value *args, int nargs, Value kwnames) {      \
        if (check_args(nargs, kwnames, #fname, 0, 0) < 0) return OU_ERR;   \
        return casemap(args[0], mode);                                      \
    }
CASE_METHOD(lower, CM_LOWER)
CASE_METHOD(upper, CM_UPPER)
CASE_METHOD(swapcase, CM_SWAP)
CASE_METHOD(title, CM_TITLE)
CASE_METHOD(capitalize, CM_CAPITALIZE)
CASE_METHOD(casefold, CM_CASEFOLD)

/* ---------------------------------------------------------------------------------------------
 * Predicates
 * ------------------------------------------------------------------------------------------- */
/* True when the string is nonempty and every code point satisfies pred. */
static Value all_cp(Value *args, int nargs, Value kwnames, const char *name, bool (*pred)(uint32_t)) {
    if (check_args(nargs, kwnames, name, 0, 0) < 0) return OU_ERR;
    const unsigned char *d = (const unsigned char *)ou_str_data(args[0]);
    int64_t n = ou_str_len(args[0]), i = 0;
    if (n == 0) return OU_FALSE;
    while (i < n) {
        uint32_t cp;
        i += ns_utf8_decode(d + i, &cp);
        if (!pred(cp)) return OU_FALSE;
    }
    return OU_TRUE;
}

static bool pred_printable(uint32_t c) { return ns_is_printable(c); }
static bool pred_ascii(uint32_t c) { return c < 0x80; }

#define PRED_METHOD(fname, pred)                                     \
    static Value str_##fname(Value *args, int nargs, Value kwnames) { \
        return all_cp(args, nargs, kwnames, #fname, pred);            \
    }
PRED_METHOD(isdigit, cp_isdigit)
PRED_METHOD(isdecimal, cp_isdecimal)
PRED_METHOD(isnumeric, cp_isnumeric)
PRED_METHOD(isalpha, cp_isalpha)
PRED_METHOD(isalnum, cp_isalnum)
PRED_METHOD(isspace, cp_isspace)

static Value str_isprintable(Value *args, int nargs, Value kwnames) {
    Value r = all_cp(args, nargs, kwnames, "isprintable", pred_printable);
    return (r == OU_FALSE && ou_str_len(args[0]) == 0) ? OU_TRUE : r;
}
static Value str_isascii(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "isascii", 0, 0) < 0) return OU_ERR;
    (void)pred_ascii;
    return MK_BOOL(AS_STR(args[0])->ob.aux & OU_STR_ASCII);
}

/* isupper/islower: at least one cased character and none of the other case. */
static Value case_pred(Value *args, int nargs, Value kwnames, const char *name, bool upper) {
    if (check_args(nargs, kwnames, name, 0, 0) < 0) return OU_ERR;
    const unsigned char *d = (const unsigned char *)ou_str_data(args[0]);
    int64_t n = ou_str_len(args[0]), i = 0;
    bool any = false;
    while (i < n) {
        uint32_t cp;
        i += ns_utf8_decode(d + i, &cp);
        if (upper ? cp_islower(cp) : cp_isupper(cp)) return OU_FALSE;
        if (upper ? cp_isupper(cp) : cp_islower(cp)) any = true;
    }
    return MK_BOOL(any);
}
static Value str_isupper(Value *args, int nargs, Value kwnames) { return case_pred(args, nargs, kwnames, "isupper", true); }
static Value str_islower(Value *args, int nargs, Value kwnames) { return case_pred(args, nargs, kwnames, "islower", false); }

static Value str_istitle(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "istitle", 0, 0) < 0) return OU_ERR;
    const unsigned char *d = (const unsigned char *)ou_str_data(args[0]);
    int64_t n = ou_str_len(args[0]), i = 0;
    bool cased = false, prev_cased = false;
    while (i < n) {
        uint32_t cp;
        i += ns_utf8_decode(d + i, &cp);
        if (cp_isupper(cp)) {
            if (prev_cased) return OU_FALSE;
            prev_cased = cased = true;
        } else if (cp_islower(cp)) {
            if (!prev_cased) return OU_FALSE;
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return MK_BOOL(cased);
}

static Value str_isidentifier(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "isidentifier", 0, 0) < 0) return OU_ERR;
    const unsigned char *d = (const unsigned char *)ou_str_data(args[0]);
    int64_t n = ou_str_len(args[0]), i = 0;
    if (n == 0) return OU_FALSE;
    while (i < n) {
        uint32_t cp;
        bool first = i == 0;
        i += ns_utf8_decode(d + i, &cp);
        bool ok = cp == '_' || cp_isalpha(cp) || (!first && (cp_isdecimal(cp) || cp_isdigit(cp)));
        if (!ok) return OU_FALSE;
    }
    return OU_TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Misc
 * ------------------------------------------------------------------------------------------- */
static Value str_format_dunder(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__format__", 1, 1) < 0) return OU_ERR;
    if (!IS_STR_SUB(args[1]))
        return ou_err_format(ou_TypeError, "__format__() argument must be str, not %T", args[1]);
    return ns_format_str(args[0], args[1]);
}

static Value str_encode(Value *args, int nargs, Value kwnames) {
    return ou_err_format(ou_NotImplementedError, "str.encode() is not supported yet");
}

/* str.maketrans(x[, y[, z]]) builds a dict from code points to code points / str / None. */
static Value str_maketrans(Value *args, int nargs, Value kwnames) {
    /* Called through the type as a plain function: no self. */
    if (nkw_of(kwnames) > 0) return ou_err_format(ou_TypeError, "maketrans() takes no keyword arguments");
    if (nargs < 1 || nargs > 3)
        return ou_err_format(ou_TypeError, "maketrans expected at least 1 argument, got %d", nargs);
    Value d = ou_dict_new();
    if (IS_ERR(d)) return OU_ERR;
    if (nargs == 1) {
        Value m = args[0];
        if (!IS_DICT(m)) {
            ou_decref(d);
            return ou_err_format(ou_TypeError, "if you give only one argument to maketrans it must be a dict");
        }
        int64_t pos = 0;
        Value k, v;
        while (ou_dict_next(m, &pos, &k, &v)) {
            Value key;
            if (IS_STR(k)) {
                if (ns_str_nchars(k) != 1) {
                    ou_decref(d);
                    return ou_err_format(ou_ValueError, "string keys in translate table must be of length 1");
                }
                uint32_t cp;
                ns_utf8_decode((const unsigned char *)ou_str_data(k), &cp);
                key = MK_SMALLINT(cp);
            } else if (ou_is_int(k)) {
                key = k;
            } else {
                ou_decref(d);
                return ou_err_format(ou_TypeError, "keys in translate table must be strings or integers");
            }
            if (ou_dict_set(d, key, v) < 0) { ou_decref(d); return OU_ERR; }
        }
        return d;
    }
    Value x = args[0], y = args[1];
    if (!IS_STR_SUB(x) || !IS_STR_SUB(y)) {
        ou_decref(d);
        return ou_err_format(ou_TypeError, "maketrans() argument must be str");
    }
    if (ns_str_nchars(x) != ns_str_nchars(y)) {
        ou_decref(d);
        return ou_err_format(ou_ValueError, "the first two maketrans arguments must have equal length");
    }
    const unsigned char *a = (const unsigned char *)ou_str_data(x), *b = (const unsigned char *)ou_str_data(y);
    int64_t i = 0, j = 0;
    while (i < ou_str_len(x)) {
        uint32_t c1, c2;
        i += ns_utf8_decode(a + i, &c1);
        j += ns_utf8_decode(b + j, &c2);
        if (ou_dict_set(d, MK_SMALLINT(c1), MK_SMALLINT(c2)) < 0) { ou_decref(d); return OU_ERR; }
    }
    if (nargs == 3) {
        Value z = args[2];
        if (!IS_STR_SUB(z)) { ou_decref(d); return ou_err_format(ou_TypeError, "maketrans() argument 3 must be str"); }
        const unsigned char *c = (const unsigned char *)ou_str_data(z);
        i = 0;
        while (i < ou_str_len(z)) {
            uint32_t c1;
            i += ns_utf8_decode(c + i, &c1);
            if (ou_dict_set(d, MK_SMALLINT(c1), OU_NONE) < 0) { ou_decref(d); return OU_ERR; }
        }
    }
    return d;
}

static Value str_translate(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "translate", 1, 1) < 0) return OU_ERR;
    Value self = args[0], table = args[1];
    const unsigned char *d = (const unsigned char *)ou_str_data(self);
    int64_t n = ou_str_len(self), i = 0;
    StrBuf b;
    sb_init(&b);
    while (i < n) {
        uint32_t cp;
        int w = ns_utf8_decode(d + i, &cp);
        Value r = ou_getitem(table, MK_SMALLINT(cp));
        int rc = 0;
        if (IS_ERR(r)) {
            if (!ou_err_matches(ou_LookupError)) goto fail;
            ou_err_clear();
            rc = sb_put(&b, (const char *)d + i, w);
        } else {
            int64_t v;
            if (IS_NONE(r)) rc = 0;
            else if (IS_STR_SUB(r)) rc = sb_put_str(&b, r);
            else if (ou_int_value(r, &v)) {
                if (v < 0 || v > 0x10FFFF) {
                    ou_decref(r);
                    ou_err_format(ou_ValueError, "character mapping must be in range(0x110000)");
                    goto fail;
                }
                rc = sb_put_utf8(&b, (uint32_t)v);
            } else {
                ou_decref(r);
                ou_err_format(ou_TypeError, "character mapping must return integer, None or str");
                goto fail;
            }
            ou_decref(r);
        }
        if (rc < 0) goto fail;
        i += w;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}

static Value str_getnewargs(Value *args, int nargs, Value kwnames) {
    return ou_tuple_pack(1, args[0]);
}

/* Dunder wrappers, so that str.__len__(s), super().__eq__ and friends work. */
static Value str_dunder_len(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__len__", 0, 0) < 0) return OU_ERR;
    return ou_int(ns_str_nchars(args[0]));
}
static Value str_dunder_getitem(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__getitem__", 1, 1) < 0) return OU_ERR;
    return ou_str_type.getitem(args[0], args[1]);
}
static Value str_dunder_contains(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__contains__", 1, 1) < 0) return OU_ERR;
    int r = ou_str_type.contains(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}
static Value str_dunder_add(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__add__", 1, 1) < 0) return OU_ERR;
    if (!IS_STR_SUB(args[1])) return ou_newref(ou_NotImplemented);
    return ou_str_concat(args[0], args[1]);
}
static Value str_dunder_mul(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__mul__", 1, 1) < 0) return OU_ERR;
    return ou_str_type.binop(args[0], args[1], OU_BIN_MUL, false);
}
static Value str_dunder_mod(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__mod__", 1, 1) < 0) return OU_ERR;
    return ns_str_mod(args[0], args[1]);
}
static Value str_dunder_hash(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__hash__", 0, 0) < 0) return OU_ERR;
    return ou_int(ou_str_hash(args[0]));
}
static Value str_dunder_str(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__str__", 0, 0) < 0) return OU_ERR;
    return unchanged(args[0]);
}
static Value str_dunder_repr(Value *args, int nargs, Value kwnames) {
    if (check_args(nargs, kwnames, "__repr__", 0, 0) < 0) return OU_ERR;
    return ou_str_type.repr(args[0]);
}
#define CMP_DUNDER(fname, op)                                                 \
    static Value str_dunder_##fname(Value *args, int nargs, Value kwnames) { \
        if (check_args(nargs, kwnames, "__" #fname "__", 1, 1) < 0) return OU_ERR; \
        return ou_str_type.richcmp(args[0], args[1], op);                   \
    }
CMP_DUNDER(eq, OU_EQ)
CMP_DUNDER(ne, OU_NE)
CMP_DUNDER(lt, OU_LT)
CMP_DUNDER(le, OU_LE)
CMP_DUNDER(gt, OU_GT)
CMP_DUNDER(ge, OU_GE)

static const OuMethodDef str_methods[] = {
    {"find", str_find, NULL},
    {"rfind", str_rfind, NULL},
    {"index", str_index, NULL},
    {"rindex", str_rindex, NULL},
    {"count", str_count, NULL},
    {"startswith", str_startswith, NULL},
    {"endswith", str_endswith, NULL},
    {"split", str_split, NULL},
    {"rsplit", str_rsplit, NULL},
    {"splitlines", str_splitlines, NULL},
    {"join", str_join, NULL},
    {"partition", str_partition, NULL},
    {"rpartition", str_rpartition, NULL},
    {"strip", str_strip, NULL},
    {"lstrip", str_lstrip, NULL},
    {"rstrip", str_rstrip, NULL},
    {"replace", str_replace, NULL},
    {"center", str_center, NULL},
    {"ljust", str_ljust, NULL},
    {"rjust", str_rjust, NULL},
    {"zfill", str_zfill, NULL},
    {"expandtabs", str_expandtabs, NULL},
    {"removeprefix", str_removeprefix, NULL},
    {"removesuffix", str_removesuffix, NULL},
    {"lower", str_lower, NULL},
    {"upper", str_upper, NULL},
    {"swapcase", str_swapcase, NULL},
    {"title", str_title, NULL},
    {"capitalize", str_capitalize, NULL},
    {"casefold", str_casefold, NULL},
    {"isdigit", str_isdigit, NULL},
    {"isdecimal", str_isdecimal, NULL},
    {"isnumeric", str_isnumeric, NULL},
    {"isalpha", str_isalpha, NULL},
    {"isalnum", str_isalnum, NULL},
    {"isspace", str_isspace, NULL},
    {"isupper", str_isupper, NULL},
    {"islower", str_islower, NULL},
    {"istitle", str_istitle, NULL},
    {"isidentifier", str_isidentifier, NULL},
    {"isprintable", str_isprintable, NULL},
    {"isascii", str_isascii, NULL},
    {"format", ns_str_format_method, NULL},
    {"format_map", ns_str_format_map, NULL},
    {"encode", str_encode, NULL},
    {"translate", str_translate, NULL},
    {"__format__", str_format_dunder, NULL},
    {"__getnewargs__", str_getnewargs, NULL},
    {"__len__", str_dunder_len, NULL},
    {"__getitem__", str_dunder_getitem, NULL},
    {"__contains__", str_dunder_contains, NULL},
    {"__add__", str_dunder_add, NULL},
    {"__mul__", str_dunder_mul, NULL},
    {"__rmul__", str_dunder_mul, NULL},
    {"__mod__", str_dunder_mod, NULL},
    {"__hash__", str_dunder_hash, NULL},
    {"__str__", str_dunder_str, NULL},
    {"__repr__", str_dunder_repr, NULL},
    {"__eq__", str_dunder_eq, NULL},
    {"__ne__", str_dunder_ne, NULL},
    {"__lt__", str_dunder_lt, NULL},
    {"__le__", str_dunder_le, NULL},
    {"__gt__", str_dunder_gt, NULL},
    {"__ge__", str_dunder_ge, NULL},
    {NULL, NULL, NULL},
};

int vm_init_str_methods(void) {
    if (ou_add_functions(ou_str_type.dict, str_methods, OU_UNDEF) < 0) return -1;
    /* maketrans is a static method: wrap the plain function so it is not bound to instances. */
    Value f = ou_cfunction_new("maketrans", str_maketrans, OU_UNDEF, NULL);
    if (IS_ERR(f)) return -1;
    OuStaticMethod *sm = ou_obj_alloc(&ou_staticmethod_type, sizeof(OuStaticMethod));
    if (!sm) { ou_decref(f); return -1; }
    sm->func = f;
    int rc = ou_dict_set_str(ou_str_type.dict, "maketrans", MK_OBJ(sm));
    ou_decref(MK_OBJ(sm));
    return rc;
}
