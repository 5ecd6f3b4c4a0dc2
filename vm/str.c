/* str.c: the str type's core: allocation, the caches of empty and one-character strings, the
 * intern table, hashing, comparison, concatenation, indexing and slicing by code point,
 * iteration, repr, and the string builder (StrBuf) and printf used across vm/.
 * The methods (split, join, find, ...) are in strmethods.c.
 *
 * Representation (ouro.h): UTF-8 bytes, NUL-terminated, with the byte length and the code-point
 * count. aux & OU_STR_ASCII marks pure-ASCII text, where byte and code-point indices agree, so
 * indexing and slicing are O(1); other strings find code-point offsets by scanning. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numstr.h"
#include "vm.h"

/* Implemented in strmethods.c. */
int vm_init_str_methods(void);
int ns_is_printable(uint32_t cp);

/* Caches, created on first use (strings may be needed before vm_init_str runs): the empty
 * string and every one-code-point string below U+0100. Each entry holds one reference, dropped
 * by vm_fini_str. */
static Value empty_str;
static Value char_cache[256];

/* The intern table: open addressing over `slots` (a power of two, at least twice `count`);
 * 0 marks an empty slot (0 is the double 0.0, never a str Value). The table owns one reference
 * to each interned string, so interned strings live until vm_fini_str. */
static Value *intern_slots;
static int64_t intern_cap, intern_count;

/* ---------------------------------------------------------------------------------------------
 * UTF-8 helpers
 * ------------------------------------------------------------------------------------------- */
int ns_utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int64_t ns_utf8_count(const char *s, int64_t n) {
    int64_t count = 0, k = 0;
    /* Eight bytes at a time while they are all ASCII. */
    for (; k + 8 <= n; k += 8) {
        uint64_t w;
        memcpy(&w, s + k, 8);
        if (w & UINT64_C(0x8080808080808080)) break;
        count += 8;
    }
    for (; k < n; k++) count += ((unsigned char)s[k] & 0xC0) != 0x80;
    return count;
}

/* ---------------------------------------------------------------------------------------------
 * Allocation
 * ------------------------------------------------------------------------------------------- */
static OuStr *str_alloc(int64_t len) {
    OuStr *s = ou_obj_alloc(&ou_str_type, sizeof(OuStr) + (size_t)len + 1);
    if (!s) return NULL;
    s->len = len;
    s->hash = -1;
    s->data[len] = 0;
    return s;
}

static Value get_empty(void) {
    if (!empty_str) {
        OuStr *s = str_alloc(0);
        if (!s) return OU_ERR;
        s->ob.aux = OU_STR_ASCII;
        empty_str = MK_OBJ(s);
    }
    return ou_newref(empty_str);
}

Value ns_str_from_cp(uint32_t cp) {
    if (cp < 256 && char_cache[cp]) return ou_newref(char_cache[cp]);
    char buf[4];
    int n = ns_utf8_encode(cp, buf);
    OuStr *s = str_alloc(n);
    if (!s) return OU_ERR;
    memcpy(s->data, buf, (size_t)n);
    s->nchars = 1;
    s->ob.aux = cp < 0x80 ? OU_STR_ASCII : 0;
    Value v = MK_OBJ(s);
    if (cp < 256) char_cache[cp] = ou_newref(v);
    return v;
}

Value ns_str_new_n(const char *p, int64_t len, int64_t nchars) {
    if (len == 0) return get_empty();
    if (nchars == 1) {
        uint32_t cp;
        ns_utf8_decode((const unsigned char *)p, &cp);
        if (cp < 256) return ns_str_from_cp(cp);
    }
    OuStr *s = str_alloc(len);
    if (!s) return OU_ERR;
    memcpy(s->data, p, (size_t)len);
    s->nchars = nchars;
    s->ob.aux = nchars == len ? OU_STR_ASCII : 0;
    return MK_OBJ(s);
}

Value ou_str_new(const char *utf8, int64_t len) {
    return ns_str_new_n(utf8, len, ns_utf8_count(utf8, len));
}

Value ou_str_cstr(const char *utf8) { return ou_str_new(utf8, (int64_t)strlen(utf8)); }

/* ---------------------------------------------------------------------------------------------
 * Hashing and equality
 * ------------------------------------------------------------------------------------------- */
static inline uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* A multiply-mix hash over 8-byte words: fast on short identifiers and long text alike. The
 * last 1-7 bytes are read with fixed-size loads (a variable-length memcpy was a library call,
 * 5% of a dict-of-short-keys program): two overlapping 4-byte loads for 4-7 bytes, three
 * bytes for 1-3, each form one-to-one for a given length (which h starts from). */
static int64_t hash_bytes(const char *p, int64_t n) {
    const uint64_t K1 = UINT64_C(0xff51afd7ed558ccd), K2 = UINT64_C(0xc4ceb9fe1a85ec53);
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ (uint64_t)n;
    if (n < 8) {
        uint64_t k;
        if (n >= 4) {
            uint32_t lo, hi;
            memcpy(&lo, p, 4);
            memcpy(&hi, p + n - 4, 4);
            k = lo | (uint64_t)hi << 32;
        } else if (n > 0) {
            const unsigned char *u = (const unsigned char *)p;
            k = u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16;
        } else {
            k = 0;
        }
        h ^= k * K1;
        n = 0;
    }
    const char *end = p + n;
    while (n >= 8) {
        uint64_t k;
        memcpy(&k, p, 8);
        k *= K1;
        k ^= k >> 32;
        h = rotl64((h ^ k) * K2, 29);
        p += 8;
        n -= 8;
    }
    if (n > 0) { /* the last 8 bytes, overlapping the word before: at least 8 were hashed */
        uint64_t k;
        memcpy(&k, end - 8, 8);
        h ^= k * K1;
    }
    h ^= h >> 33;
    h *= K1;
    h ^= h >> 33;
    h *= K2;
    h ^= h >> 33;
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t ou_str_hash(Value s) {
    OuStr *o = AS_STR(s);
    if (o->hash == -1) o->hash = hash_bytes(o->data, o->len);
    return o->hash;
}

bool ou_str_eq(Value a, Value b) {
    if (a == b) return true;
    OuStr *x = AS_STR(a), *y = AS_STR(b);
    if (x->len != y->len) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    /* Two distinct interned strings are never equal. */
    if ((x->ob.aux & y->ob.aux & OU_STR_INTERNED)) return false;
    return memcmp(x->data, y->data, (size_t)x->len) == 0;
}

bool ou_str_eq_cstr(Value a, const char *s) {
    size_t n = strlen(s);
    return (size_t)ou_str_len(a) == n && memcmp(ou_str_data(a), s, n) == 0;
}

/* ---------------------------------------------------------------------------------------------
 * Interning
 * ------------------------------------------------------------------------------------------- */
static int intern_grow(void) {
    int64_t ncap = intern_cap ? intern_cap * 2 : 1024;
    Value *ns = calloc((size_t)ncap, sizeof(Value));
    if (!ns) { ou_err_nomemory(); return -1; }
    for (int64_t k = 0; k < intern_cap; k++) {
        Value v = intern_slots[k];
        if (!v) continue;
        uint64_t i = (uint64_t)AS_STR(v)->hash & (uint64_t)(ncap - 1);
        while (ns[i]) i = (i + 1) & (uint64_t)(ncap - 1);
        ns[i] = v;
    }
    free(intern_slots);
    intern_slots = ns;
    intern_cap = ncap;
    return 0;
}

/* Finds the slot of text p[0..n) with hash h: its index, with *found telling whether it holds
 * the string or is the empty slot where it belongs. */
static int64_t intern_find(const char *p, int64_t n, int64_t h, bool *found) {
    uint64_t mask = (uint64_t)intern_cap - 1, i = (uint64_t)h & mask;
    for (;;) {
        Value v = intern_slots[i];
        if (!v) { *found = false; return (int64_t)i; }
        OuStr *s = AS_STR(v);
        if (s->hash == h && s->len == n && memcmp(s->data, p, (size_t)n) == 0) {
            *found = true;
            return (int64_t)i;
        }
        i = (i + 1) & mask;
    }
}

static Value intern_text(const char *p, int64_t n, Value existing) {
    if (2 * (intern_count + 1) > intern_cap && intern_grow() < 0) {
        ou_decref(existing);
        return OU_ERR;
    }
    int64_t h = hash_bytes(p, n);
    bool found;
    int64_t i = intern_find(p, n, h, &found);
    if (found) {
        ou_decref(existing);
        return ou_newref(intern_slots[i]);
    }
    Value s = existing;
    if (IS_UNDEF(s)) {
        /* Never reuse the shared one-character cache objects here: build a fresh string. */
        OuStr *o = str_alloc(n);
        if (!o) return OU_ERR;
        memcpy(o->data, p, (size_t)n);
        o->nchars = ns_utf8_count(p, n);
        o->ob.aux = o->nchars == n ? OU_STR_ASCII : 0;
        s = MK_OBJ(o);
    }
    AS_STR(s)->hash = h;
    AS_STR(s)->ob.aux |= OU_STR_INTERNED;
    intern_slots[i] = ou_newref(s); /* the table's own reference */
    intern_count++;
    return s;
}

Value ou_str_intern(const char *utf8) { return intern_text(utf8, (int64_t)strlen(utf8), OU_UNDEF); }

Value ou_str_intern_value(Value s) {
    if (IS_ERR(s)) return OU_ERR;
    if (AS_STR(s)->ob.aux & OU_STR_INTERNED) return s;
    return intern_text(ou_str_data(s), ou_str_len(s), s);
}

/* ---------------------------------------------------------------------------------------------
 * The string builder
 * ------------------------------------------------------------------------------------------- */
void sb_init(StrBuf *b) {
    b->p = b->small;
    b->len = 0;
    b->cap = (int64_t)sizeof b->small;
}

int sb_grow(StrBuf *b, int64_t extra) {
    if (b->len + extra < b->cap) return 0;
    int64_t ncap = b->cap * 2;
    while (ncap <= b->len + extra) ncap *= 2;
    char *np;
    if (b->p == b->small) {
        np = malloc((size_t)ncap);
        if (np) memcpy(np, b->small, (size_t)b->len);
    } else {
        np = realloc(b->p, (size_t)ncap);
    }
    if (!np) { ou_err_nomemory(); return -1; }
    b->p = np;
    b->cap = ncap;
    return 0;
}

int sb_put(StrBuf *b, const char *s, int64_t n) {
    if (b->len + n >= b->cap && sb_grow(b, n) < 0) return -1;
    memcpy(b->p + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

int sb_puts(StrBuf *b, const char *s) { return sb_put(b, s, (int64_t)strlen(s)); }

int sb_putc(StrBuf *b, char c) {
    if (b->len + 1 >= b->cap && sb_grow(b, 1) < 0) return -1;
    b->p[b->len++] = c;
    return 0;
}

int sb_fill(StrBuf *b, char c, int64_t n) {
    if (n <= 0) return 0;
    if (b->len + n >= b->cap && sb_grow(b, n) < 0) return -1;
    memset(b->p + b->len, c, (size_t)n);
    b->len += n;
    return 0;
}

int sb_put_utf8(StrBuf *b, uint32_t cp) {
    char tmp[4];
    return sb_put(b, tmp, ns_utf8_encode(cp, tmp));
}

int sb_put_str(StrBuf *b, Value s) { return sb_put(b, ou_str_data(s), ou_str_len(s)); }

void sb_free(StrBuf *b) {
    if (b->p != b->small) free(b->p);
    sb_init(b);
}

Value sb_finish(StrBuf *b) {
    Value r = ou_str_new(b->p, b->len);
    sb_free(b);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * printf with the Value conversions of ou_err_format: %R repr, %S str, %T type name, %U text
 * of a str Value. The C conversions take the usual flags, width, precision and l/ll/z/h.
 * ------------------------------------------------------------------------------------------- */
Value ou_str_vprintf(const char *fmt, va_list ap) {
    StrBuf b;
    sb_init(&b);
    const char *p = fmt;
    while (*p) {
        const char *pct = strchr(p, '%');
        if (!pct) {
            if (sb_puts(&b, p) < 0) goto fail;
            break;
        }
        if (sb_put(&b, p, pct - p) < 0) goto fail;
        const char *q = pct + 1;
        char spec[32];
        int sn = 0;
        spec[sn++] = '%';
        while (*q && strchr("-+ #0", *q) && sn < 20) spec[sn++] = *q++;
        int width = -1, prec = -1;
        bool star_w = false, star_p = false;
        if (*q == '*') { star_w = true; q++; }
        else if (*q >= '0' && *q <= '9') width = (int)strtol(q, (char **)&q, 10);
        if (*q == '.') {
            q++;
            if (*q == '*') { star_p = true; q++; }
            else prec = (int)strtol(q, (char **)&q, 10);
        }
        if (star_w) width = va_arg(ap, int);
        if (star_p) prec = va_arg(ap, int);
        int lmod = 0; /* 1 l, 2 ll, 3 z, 4 h */
        if (*q == 'l') { lmod = 1; q++; if (*q == 'l') { lmod = 2; q++; } }
        else if (*q == 'z') { lmod = 3; q++; }
        else if (*q == 'h') { lmod = 4; q++; }
        char conv = *q;
        if (!conv) break;
        p = q + 1;
        if (width >= 0) sn += snprintf(spec + sn, sizeof spec - (size_t)sn, "%d", width);
        if (prec >= 0) sn += snprintf(spec + sn, sizeof spec - (size_t)sn, ".%d", prec);
        char tmp[128];
        int n = 0;
        switch (conv) {
        case '%':
            if (sb_putc(&b, '%') < 0) goto fail;
            continue;
        case 'R': case 'S': case 'T': case 'U': {
            Value v = va_arg(ap, Value);
            Value s;
            if (conv == 'R') s = ou_repr(v);
            else if (conv == 'S') s = ou_to_str(v);
            else if (conv == 'T') s = ou_str_cstr(OU_TYPE_NAME(v));
            else s = ou_newref(v);
            if (IS_ERR(s)) goto fail;
            int64_t len = ou_str_len(s);
            /* A precision truncates to that many code points, as CPython's %.100R does. */
            if (prec >= 0 && ns_str_nchars(s) > prec) {
                const char *d = ou_str_data(s);
                int64_t off = 0;
                for (int k = 0; k < prec; k++) {
                    uint32_t cp;
                    off += ns_utf8_decode((const unsigned char *)d + off, &cp);
                }
                len = off;
            }
            int rc = sb_put(&b, ou_str_data(s), len);
            ou_decref(s);
            if (rc < 0) goto fail;
            continue;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            int64_t len = (int64_t)strlen(s);
            if (prec >= 0 && len > prec) len = prec;
            if (width > len && !strchr(spec, '-') && sb_fill(&b, ' ', width - len) < 0) goto fail;
            if (sb_put(&b, s, len) < 0) goto fail;
            if (width > len && strchr(spec, '-') && sb_fill(&b, ' ', width - len) < 0) goto fail;
            continue;
        }
        case 'c':
            spec[sn++] = 'c';
            spec[sn] = 0;
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
            break;
        case 'p':
            spec[sn++] = 'p';
            spec[sn] = 0;
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, void *));
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            if (lmod == 1) { spec[sn++] = 'l'; }
            else if (lmod == 2) { spec[sn++] = 'l'; spec[sn++] = 'l'; }
            else if (lmod == 3) { spec[sn++] = 'z'; }
            spec[sn++] = conv;
            spec[sn] = 0;
            bool is_signed = conv == 'd' || conv == 'i';
            if (lmod == 1) n = is_signed ? snprintf(tmp, sizeof tmp, spec, va_arg(ap, long)) : snprintf(tmp, sizeof tmp, spec, va_arg(ap, unsigned long));
            else if (lmod == 2) n = is_signed ? snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long)) : snprintf(tmp, sizeof tmp, spec, va_arg(ap, unsigned long long));
            else if (lmod == 3) n = is_signed ? snprintf(tmp, sizeof tmp, spec, va_arg(ap, ptrdiff_t)) : snprintf(tmp, sizeof tmp, spec, va_arg(ap, size_t));
            else n = is_signed ? snprintf(tmp, sizeof tmp, spec, va_arg(ap, int)) : snprintf(tmp, sizeof tmp, spec, va_arg(ap, unsigned));
            break;
        }
        case 'f': case 'g': case 'e':
            spec[sn++] = conv;
            spec[sn] = 0;
            n = snprintf(tmp, sizeof tmp, spec, va_arg(ap, double));
            break;
        default:
            /* Unknown conversion: copy it literally. */
            if (sb_put(&b, pct, p - pct) < 0) goto fail;
            continue;
        }
        if (n > (int)sizeof tmp - 1) n = (int)sizeof tmp - 1;
        if (sb_put(&b, tmp, n) < 0) goto fail;
    }
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}

/* ou_str_printf itself lives in error.c, beside the formatter of ou_err_format. */

/* ---------------------------------------------------------------------------------------------
 * Concatenation, repetition, code-point offsets
 * ------------------------------------------------------------------------------------------- */
Value ou_str_concat(Value a, Value b) {
    OuStr *x = AS_STR(a), *y = AS_STR(b);
    /* The shortcuts return an operand only when it is an exact str (never a subclass). */
    if (y->len == 0 && IS_STR(a)) return ou_newref(a);
    if (x->len == 0 && IS_STR(b)) return ou_newref(b);
    int64_t len = x->len + y->len;
    OuStr *s = str_alloc(len);
    if (!s) return OU_ERR;
    memcpy(s->data, x->data, (size_t)x->len);
    memcpy(s->data + x->len, y->data, (size_t)y->len);
    s->nchars = x->nchars + y->nchars;
    s->ob.aux = x->ob.aux & y->ob.aux & OU_STR_ASCII;
    return MK_OBJ(s);
}

static Value str_repeat(Value a, int64_t n) {
    OuStr *x = AS_STR(a);
    if (n <= 0 || x->len == 0) return get_empty();
    if (n == 1) return ou_newref(a);
    if (x->len > INT64_MAX / 4 / n) return ou_err_nomemory();
    int64_t len = x->len * n;
    OuStr *s = str_alloc(len);
    if (!s) return OU_ERR;
    if (x->len == 1) {
        memset(s->data, x->data[0], (size_t)n);
    } else {
        /* Doubling copies: log(n) memcpy calls. */
        memcpy(s->data, x->data, (size_t)x->len);
        int64_t done = x->len;
        while (done < len) {
            int64_t chunk = done <= len - done ? done : len - done;
            memcpy(s->data + done, s->data, (size_t)chunk);
            done += chunk;
        }
    }
    s->nchars = x->nchars * n;
    s->ob.aux = x->ob.aux & OU_STR_ASCII;
    return MK_OBJ(s);
}

/* Byte offset of code point i (0 <= i <= nchars). */
int64_t ns_cp_offset(Value sv, int64_t i) {
    OuStr *s = AS_STR(sv);
    if (s->ob.aux & OU_STR_ASCII) return i;
    if (i >= s->nchars) return s->len;
    const unsigned char *d = (const unsigned char *)s->data;
    if (i > s->nchars / 2) {
        /* Nearer the end: walk backwards. */
        int64_t off = s->len, k = s->nchars;
        while (k > i) {
            off--;
            while ((d[off] & 0xC0) == 0x80) off--;
            k--;
        }
        return off;
    }
    int64_t off = 0;
    for (int64_t k = 0; k < i; k++) {
        unsigned c = d[off];
        off += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    }
    return off;
}

/* Code-point index of byte offset off (which starts a code point). */
int64_t ns_cp_index(Value sv, int64_t off) {
    OuStr *s = AS_STR(sv);
    if (s->ob.aux & OU_STR_ASCII) return off;
    return ns_utf8_count(s->data, off);
}

/* Substring of code points [start, stop). */
Value ns_str_sub(Value sv, int64_t start, int64_t stop) {
    OuStr *s = AS_STR(sv);
    if (start <= 0 && stop >= s->nchars) return ou_newref(sv);
    if (stop <= start) return get_empty();
    if (s->ob.aux & OU_STR_ASCII) return ns_str_new_n(s->data + start, stop - start, stop - start);
    int64_t a = ns_cp_offset(sv, start), b = ns_cp_offset(sv, stop);
    return ns_str_new_n(s->data + a, b - a, stop - start);
}

/* ---------------------------------------------------------------------------------------------
 * Type slots
 * ------------------------------------------------------------------------------------------- */
static Value str_repr(Value v) {
    OuStr *s = AS_STR(v);
    const unsigned char *d = (const unsigned char *)s->data;
    bool has_sq = memchr(d, '\'', (size_t)s->len) != NULL;
    bool has_dq = memchr(d, '"', (size_t)s->len) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    StrBuf b;
    sb_init(&b);
    if (sb_grow(&b, s->len + 2) < 0) return OU_ERR;
    b.p[b.len++] = quote;
    int64_t i = 0;
    while (i < s->len) {
        /* Copy the longest run that needs no escaping in one go. */
        int64_t j = i;
        while (j < s->len && d[j] >= 0x20 && d[j] < 0x7F && d[j] != '\\' && d[j] != (unsigned char)quote) j++;
        if (j > i && sb_put(&b, (const char *)d + i, j - i) < 0) goto fail;
        i = j;
        if (i >= s->len) break;
        uint32_t cp;
        int n = ns_utf8_decode(d + i, &cp);
        char esc[12];
        int en = 0;
        if (cp == '\\' || cp == (uint32_t)quote) { esc[0] = '\\'; esc[1] = (char)cp; en = 2; }
        else if (cp == '\n') { memcpy(esc, "\\n", 2); en = 2; }
        else if (cp == '\r') { memcpy(esc, "\\r", 2); en = 2; }
        else if (cp == '\t') { memcpy(esc, "\\t", 2); en = 2; }
        else if (cp < 0x80 || !ns_is_printable(cp)) {
            if (cp < 0x100) en = snprintf(esc, sizeof esc, "\\x%02x", cp);
            else if (cp < 0x10000) en = snprintf(esc, sizeof esc, "\\u%04x", cp);
            else en = snprintf(esc, sizeof esc, "\\U%08x", cp);
        } else {
            memcpy(esc, d + i, (size_t)n);
            en = n;
        }
        if (sb_put(&b, esc, en) < 0) goto fail;
        i += n;
    }
    if (sb_putc(&b, quote) < 0) goto fail;
    return sb_finish(&b);
fail:
    sb_free(&b);
    return OU_ERR;
}

/* str() of a str subclass instance is an exact str with the same text. */
static Value str_str(Value v) {
    if (IS_STR(v)) return ou_newref(v);
    return ns_str_new_n(AS_STR(v)->data, AS_STR(v)->len, AS_STR(v)->nchars);
}

static int64_t str_hash(Value v) { return ou_str_hash(v); }

static Value str_richcmp(Value a, Value b, int op) {
    if (!IS_STR_SUB(a) || !IS_STR_SUB(b)) return ou_newref(ou_NotImplemented);
    if (op == OU_EQ) return MK_BOOL(ou_str_eq(a, b));
    if (op == OU_NE) return MK_BOOL(!ou_str_eq(a, b));
    /* UTF-8 byte order is code-point order. */
    OuStr *x = AS_STR(a), *y = AS_STR(b);
    int64_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c == 0) c = x->len < y->len ? -1 : x->len > y->len;
    return ns_cmp_result(c, op);
}

static Value str_binop(Value a, Value b, int op, bool reflected) {
    int64_t n;
    switch (op & ~OU_BIN_INPLACE) {
    case OU_BIN_ADD:
        if (IS_STR_SUB(a) && IS_STR_SUB(b)) return ou_str_concat(a, b);
        if (IS_STR_SUB(a) && !reflected)
            return ou_err_format(ou_TypeError, "can only concatenate str (not \"%T\") to str", b);
        break;
    case OU_BIN_MUL:
        if (IS_STR_SUB(a) && !IS_STR_SUB(b)) {
            if (ou_int_value(b, &n)) return str_repeat(a, n);
            if (!IS_OBJ(b) || IS_UNDEF(ou_type_lookup(ou_typeof(b), ou_str_intern("__index__")))) {
                if (!IS_UNDEF(ou_type_lookup(ou_typeof(b), ou_str_intern("__rmul__")))) break;
                return ou_err_format(ou_TypeError, "can't multiply sequence by non-int of type '%T'", b);
            }
            if (ou_index(b, &n) < 0) return OU_ERR;
            return str_repeat(a, n);
        }
        if (IS_STR_SUB(b) && !IS_STR_SUB(a)) {
            if (ou_int_value(a, &n)) return str_repeat(b, n);
            return ou_err_format(ou_TypeError, "can't multiply sequence by non-int of type '%T'", a);
        }
        if (IS_STR_SUB(a) && IS_STR_SUB(b))
            return ou_err_format(ou_TypeError, "can't multiply sequence by non-int of type 'str'");
        break;
    case OU_BIN_MOD:
        if (IS_STR_SUB(a) && !reflected) return ns_str_mod(a, b);
        break;
    }
    return ou_newref(ou_NotImplemented);
}

static int str_truth(Value v) { return AS_STR(v)->len != 0; }
static int64_t str_len(Value v) { return AS_STR(v)->nchars; }

static int str_contains(Value self, Value item) {
    if (!IS_STR_SUB(item)) {
        ou_err_format(ou_TypeError, "'in <string>' requires string as left operand, not %T", item);
        return -1;
    }
    OuStr *s = AS_STR(self), *x = AS_STR(item);
    if (x->len == 0) return 1;
    if (x->len == 1) return memchr(s->data, x->data[0], (size_t)s->len) != NULL;
    return memmem(s->data, (size_t)s->len, x->data, (size_t)x->len) != NULL;
}

static Value str_getitem(Value self, Value key) {
    OuStr *s = AS_STR(self);
    int64_t i;
    int kind = ou_is_type(key, &ou_slice_type) ? 0 : ou_index_item(key, &i);
    if (kind < 0) return OU_ERR;
    if (kind > 0) {
        if (i < 0) i += s->nchars;
        if (i < 0 || i >= s->nchars) return ou_err_format(ou_IndexError, "string index out of range");
        if (s->ob.aux & OU_STR_ASCII) return ns_str_from_cp((unsigned char)s->data[i]);
        uint32_t cp;
        ns_utf8_decode((const unsigned char *)s->data + ns_cp_offset(self, i), &cp);
        return ns_str_from_cp(cp);
    }
    if (ou_is_type(key, &ou_slice_type)) {
        int64_t start, stop, step;
        int64_t n = ou_slice_indices(key, s->nchars, &start, &stop, &step);
        if (n < 0) return OU_ERR;
        if (step == 1) return ns_str_sub(self, start, start + n);
        if (n == 0) return get_empty();
        StrBuf b;
        sb_init(&b);
        if (s->ob.aux & OU_STR_ASCII) {
            if (sb_grow(&b, n) < 0) return OU_ERR;
            for (int64_t k = 0, j = start; k < n; k++, j += step) b.p[b.len++] = s->data[j];
            Value r = ns_str_new_n(b.p, n, n);
            sb_free(&b);
            return r;
        }
        /* Non-ASCII with a step: index every code point once, then pick. */
        int64_t *offs = malloc(sizeof(int64_t) * (size_t)(s->nchars + 1));
        if (!offs) return ou_err_nomemory();
        int64_t off = 0;
        for (int64_t k = 0; k <= s->nchars; k++) {
            offs[k] = off;
            if (k < s->nchars) {
                unsigned c = (unsigned char)s->data[off];
                off += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            }
        }
        int rc = 0;
        for (int64_t k = 0, j = start; k < n && rc == 0; k++, j += step)
            rc = sb_put(&b, s->data + offs[j], offs[j + 1] - offs[j]);
        free(offs);
        if (rc < 0) { sb_free(&b); return OU_ERR; }
        return sb_finish(&b);
    }
    return ou_err_format(ou_TypeError, "string indices must be integers, not '%T'", key);
}

/* An instance of the str subclass `type` with the text of the exact str r (stolen). Its
 * layout is OuStr's followed, at the next 8-byte boundary after the NUL, by the instance dict
 * word (OU_DICTOFFSET_TAIL), which ou_obj_alloc leaves zero: no dict yet. */
static Value str_subtype_copy(OuType *type, Value r) {
    OuStr *src = AS_STR(r);
    size_t end = (offsetof(OuStr, data) + (size_t)src->len + 1 + 7u) & ~(size_t)7u;
    OuStr *s = ou_obj_alloc(type, end + sizeof(Value));
    if (!s) {
        ou_decref(r);
        return OU_ERR;
    }
    s->len = src->len;
    s->nchars = src->nchars;
    s->hash = src->hash;
    s->ob.aux = src->ob.aux & OU_STR_ASCII;
    memcpy(s->data, src->data, (size_t)src->len + 1);
    ou_decref(r);
    return MK_OBJ(s);
}

static Value str_new(OuType *type, Value *args, int nargs, Value kwnames) {
    Value obj = OU_UNDEF;
    int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs > 3 || nargs + nkw > 3)
        return ou_err_format(ou_TypeError, "str() takes at most 3 arguments (%d given)", nargs + nkw);
    bool decoding = nargs >= 2;
    if (nargs >= 1) obj = args[0];
    for (int k = 0; k < nkw; k++) {
        Value name = AS_TUPLE(kwnames)->items[k];
        if (ou_str_eq_cstr(name, "object") && IS_UNDEF(obj)) obj = args[nargs + k];
        else if (ou_str_eq_cstr(name, "encoding") || ou_str_eq_cstr(name, "errors")) decoding = true;
        else return ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for str()", name);
    }
    if (decoding) {
        if (IS_STR(obj)) return ou_err_format(ou_TypeError, "decoding str is not supported");
        return ou_err_format(ou_TypeError, "decoding to str: need a bytes-like object, %T found", obj);
    }
    Value r = IS_UNDEF(obj) ? get_empty() : ou_to_str(obj);
    if (type == &ou_str_type || IS_ERR(r)) return r;
    return str_subtype_copy(type, r);
}

/* The str iterator: pos is the byte offset of the next code point. */
typedef struct { OuObject ob; Value str; int64_t pos; } StrIter;
static OuType str_iter_type;

static Value str_iter(Value self) {
    StrIter *it = ou_obj_alloc(&str_iter_type, sizeof(StrIter));
    if (!it) return OU_ERR;
    it->str = ou_newref(self);
    it->pos = 0;
    return MK_OBJ(it);
}

static Value str_iter_next(Value self) {
    StrIter *it = (StrIter *)AS_OBJ(self);
    if (IS_UNDEF(it->str)) return OU_UNDEF;
    OuStr *s = AS_STR(it->str);
    if (it->pos >= s->len) {
        ou_decref(it->str);
        it->str = OU_UNDEF;
        return OU_UNDEF;
    }
    uint32_t cp;
    it->pos += ns_utf8_decode((const unsigned char *)s->data + it->pos, &cp);
    return ns_str_from_cp(cp);
}

static Value str_iter_iter(Value self) { return ou_newref(self); }

static void str_iter_dealloc(OuObject *o) {
    ou_decref(((StrIter *)o)->str);
    ou_obj_free(o);
}

static Value str_iter_length_hint(Value *args, int nargs, Value kwnames) {
    StrIter *it = (StrIter *)AS_OBJ(args[0]);
    if (IS_UNDEF(it->str)) return MK_SMALLINT(0);
    OuStr *s = AS_STR(it->str);
    return ou_int(ns_utf8_count(s->data + it->pos, s->len - it->pos));
}

static const OuMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, NULL},
    {NULL, NULL, NULL},
};

static OuType str_iter_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_iter,
    .next = str_iter_next,
};

static void str_dealloc(OuObject *o) { ou_obj_free(o); }

OuType ou_str_type = {
    .ob = NS_STATIC_HEAD(&ou_type_type),
    .name = "str",
    .flags = OU_TPFLAG_BASETYPE,
    .basicsize = sizeof(OuStr),
    .itemsize = 1,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = str_hash,
    .richcmp = str_richcmp,
    .binop = str_binop,
    .truth = str_truth,
    .iter = str_iter,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .new = str_new,
};

int vm_init_str(void) {
    if (ou_type_ready(&ou_str_type) < 0 || ou_type_ready(&str_iter_type) < 0) return -1;
    if (ou_add_functions(str_iter_type.dict, str_iter_methods, OU_UNDEF) < 0) return -1;
    if (IS_ERR(get_empty())) return -1;
    ou_decref(empty_str);
    for (uint32_t c = 0; c < 256; c++) {
        Value v = ns_str_from_cp(c);
        if (IS_ERR(v)) return -1;
        ou_decref(v);
    }
    return vm_init_str_methods();
}

void vm_fini_str(void) {
    for (int k = 0; k < 256; k++) {
        ou_decref(char_cache[k]);
        char_cache[k] = 0;
    }
    ou_decref(empty_str);
    empty_str = 0;
    /* Interned strings are immortal for the interpreter's lifetime: many holders (static
     * name caches in every folder) keep them without a counted reference, so their counts are
     * not balanced. They are freed here unconditionally, after everything else is gone. */
    for (int64_t k = 0; k < intern_cap; k++)
        if (intern_slots[k]) ou_obj_free(AS_OBJ(intern_slots[k]));
    free(intern_slots);
    intern_slots = NULL;
    intern_cap = intern_count = 0;
}
