/* builtins.c: the builtins module (vm.builtins): builtin functions, the builtin types and the
 * exception classes. Messages and argument errors follow CPython 3.11 word for word; each
 * function checks its argument count the way CPython's own implementation does (METH_O
 * functions say "takes exactly one argument", the others "expected N arguments"). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "stdlib.h"
#include "vm.h"

/* ---------------------------------------------------------------------------------------------
 * Argument-count helpers.
 * ------------------------------------------------------------------------------------------- */

static int no_kwargs(const char *name, Value kwnames)
{
    if (IS_UNDEF(kwnames) || AS_TUPLE(kwnames)->len == 0) return 0;
    ou_err_format(ou_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

/* METH_O style: exactly one positional argument. */
static int one_arg(const char *name, int nargs, Value kwnames)
{
    if (no_kwargs(name, kwnames) < 0) return -1;
    if (nargs == 1) return 0;
    ou_err_format(ou_TypeError, "%s() takes exactly one argument (%d given)", name, nargs);
    return -1;
}

/* "name expected N arguments, got M" style (CPython's _PyArg_CheckPositional). */
static int nargs_between(const char *name, int nargs, Value kwnames, int min, int max)
{
    if (no_kwargs(name, kwnames) < 0) return -1;
    if (nargs >= min && nargs <= max) return 0;
    if (min == max)
        ou_err_format(ou_TypeError, "%s expected %d argument%s, got %d", name, min,
                      min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        ou_err_format(ou_TypeError, "%s expected at least %d argument%s, got %d", name, min,
                      min == 1 ? "" : "s", nargs);
    else
        ou_err_format(ou_TypeError, "%s expected at most %d argument%s, got %d", name, max,
                      max == 1 ? "" : "s", nargs);
    return -1;
}

static Value raise_simple(OuType *t)
{
    Value exc = ou_exc_new(t, NULL, 0);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return OU_ERR;
}

/* ---------------------------------------------------------------------------------------------
 * print and input: the hot path writes straight into the stdout buffer.
 * ------------------------------------------------------------------------------------------- */

/* Write str(v) to a file: builtin files get the bytes directly, without a temporary str for
 * str, small ints, bools and None. */
static int write_obj(Value file, bool builtin, Value v)
{
    if (builtin) {
        if (IS_STR(v) && ou_is_type(v, &ou_str_type))
            return file_write_utf8(file, ou_str_data(v), (size_t)ou_str_len(v));
        if (IS_SMALLINT(v)) {
            char buf[24];
            int n = snprintf(buf, sizeof buf, "%lld", (long long)AS_SMALLINT(v));
            return file_write_utf8(file, buf, (size_t)n);
        }
        if (IS_BOOL(v)) return v == OU_TRUE ? file_write_utf8(file, "True", 4)
                                            : file_write_utf8(file, "False", 5);
        if (IS_NONE(v)) return file_write_utf8(file, "None", 4);
    }
    Value s = ou_to_str(v);
    if (IS_ERR(s)) return -1;
    int r = builtin ? file_write_utf8(file, ou_str_data(s), (size_t)ou_str_len(s))
                    : ou_file_write_str(file, s);
    ou_decref(s);
    return r;
}

static int write_text(Value file, bool builtin, const char *s, size_t n)
{
    if (builtin) return file_write_utf8(file, s, n);
    Value str = ou_str_new(s, (int64_t)n);
    if (IS_ERR(str)) return -1;
    int r = ou_file_write_str(file, str);
    ou_decref(str);
    return r;
}

static Value bi_print(Value *args, int nargs, Value kwnames)
{
    Value sep = OU_NONE, end = OU_NONE, file = OU_NONE, flush = OU_FALSE;
    if (!IS_UNDEF(kwnames)) {
        OuTuple *kw = AS_TUPLE(kwnames);
        for (int64_t k = 0; k < kw->len; k++) {
            Value v = args[nargs + k];
            const char *n = ou_str_data(kw->items[k]);
            if (strcmp(n, "sep") == 0) sep = v;
            else if (strcmp(n, "end") == 0) end = v;
            else if (strcmp(n, "file") == 0) file = v;
            else if (strcmp(n, "flush") == 0) flush = v;
            else
                return ou_err_format(ou_TypeError,
                                     "'%U' is an invalid keyword argument for print()",
                                     kw->items[k]);
        }
    }
    if (!IS_NONE(sep) && !IS_STR(sep))
        return ou_err_format(ou_TypeError, "sep must be None or a string, not %T", sep);
    if (!IS_NONE(end) && !IS_STR(end))
        return ou_err_format(ou_TypeError, "end must be None or a string, not %T", end);
    if (IS_NONE(file)) {
        file = file_cur_stdout();
        if (IS_ERR(file)) return OU_ERR;
        /* sys.stdout = None silences print, as in CPython. */
        if (IS_NONE(file)) return OU_NONE;
    }
    bool builtin = file_is_builtin(file);
    for (int i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = IS_NONE(sep) ? write_text(file, builtin, " ", 1)
                                 : (builtin ? file_write_utf8(file, ou_str_data(sep),
                                                              (size_t)ou_str_len(sep))
                                            : ou_file_write_str(file, sep));
            if (r < 0) return OU_ERR;
        }
        if (write_obj(file, builtin, args[i]) < 0) return OU_ERR;
    }
    int r = IS_NONE(end) ? write_text(file, builtin, "\n", 1)
                         : (builtin ? file_write_utf8(file, ou_str_data(end),
                                                      (size_t)ou_str_len(end))
                                    : ou_file_write_str(file, end));
    if (r < 0) return OU_ERR;
    if (flush != OU_FALSE) {
        int t = ou_truthy(flush);
        if (t < 0) return OU_ERR;
        if (t) {
            if (builtin) {
                if (file_flush(file) < 0) return OU_ERR;
            } else {
                Value res = ou_call_method(file, "flush", NULL, 0);
                if (IS_ERR(res)) return OU_ERR;
                ou_decref(res);
            }
        }
    }
    return OU_NONE;
}

static int flush_any(Value file)
{
    if (file_is_builtin(file)) return file_flush(file);
    Value r = ou_call_method(file, "flush", NULL, 0);
    if (IS_ERR(r)) return -1;
    ou_decref(r);
    return 0;
}

static Value bi_input(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("input", nargs, kwnames, 0, 1) < 0) return OU_ERR;
    Value out = file_cur_stdout();
    if (IS_ERR(out)) return OU_ERR;
    Value in = file_cur_stdin();
    if (IS_ERR(in)) return OU_ERR;
    if (IS_NONE(in)) return ou_err_format(ou_RuntimeError, "input(): lost sys.stdin");
    Value err = file_cur_stderr();
    if (IS_ERR(err)) return OU_ERR;
    if (!IS_NONE(err) && flush_any(err) < 0) return OU_ERR;
    if (nargs == 1) {
        if (IS_NONE(out)) return ou_err_format(ou_RuntimeError, "input(): lost sys.stdout");
        if (write_obj(out, file_is_builtin(out), args[0]) < 0) return OU_ERR;
    }
    if (!IS_NONE(out) && flush_any(out) < 0) return OU_ERR;
    Value line = file_is_builtin(in) ? file_readline(in) : ou_call_method(in, "readline", NULL, 0);
    if (IS_ERR(line)) return OU_ERR;
    if (!IS_STR(line)) {
        ou_decref(line);
        return ou_err_format(ou_TypeError, "object.readline() returned non-string");
    }
    int64_t n = ou_str_len(line);
    if (n == 0) {
        ou_decref(line);
        return ou_err_format(ou_EOFError, "EOF when reading a line");
    }
    if (ou_str_data(line)[n - 1] != '\n') return line;
    Value r = ou_str_new(ou_str_data(line), n - 1);
    ou_decref(line);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * Object basics: len, repr, ascii, id, hash, callable, isinstance, issubclass, attributes.
 * ------------------------------------------------------------------------------------------- */

static Value bi_len(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1 || !IS_UNDEF(kwnames)) {
        if (one_arg("len", nargs, kwnames) < 0) return OU_ERR;
    }
    Value v = args[0];
    if (IS_OBJ(v)) {
        OuType *t = AS_OBJ(v)->type;
        if (t == &ou_str_type) return MK_SMALLINT(AS_STR(v)->nchars);
        if (t == &ou_list_type) return MK_SMALLINT(AS_LIST(v)->len);
        if (t == &ou_tuple_type) return MK_SMALLINT(AS_TUPLE(v)->len);
        if (t == &ou_dict_type) return MK_SMALLINT(AS_DICT(v)->count);
    }
    int64_t n = ou_len(v);
    if (n < 0) return OU_ERR;
    return ou_int(n);
}

static Value bi_repr(Value *args, int nargs, Value kwnames)
{
    if (one_arg("repr", nargs, kwnames) < 0) return OU_ERR;
    return ou_repr(args[0]);
}

/* repr() with every non-ASCII code point escaped as \xhh, \uhhhh or \Uhhhhhhhh. */
static Value bi_ascii(Value *args, int nargs, Value kwnames)
{
    if (one_arg("ascii", nargs, kwnames) < 0) return OU_ERR;
    Value r = ou_repr(args[0]);
    if (IS_ERR(r) || (AS_OBJ(r)->aux & OU_STR_ASCII)) return r;
    const unsigned char *s = (const unsigned char *)ou_str_data(r);
    int64_t n = ou_str_len(r);
    char *buf = ou_mem_alloc((size_t)n * 10 + 1);
    if (!buf) { ou_decref(r); return OU_ERR; }
    size_t j = 0;
    for (int64_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) { buf[j++] = (char)c; i++; continue; }
        uint32_t cp;
        int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (int k = 1; k < len && i + k < n; k++) cp = (cp << 6) | (s[i + k] & 0x3F);
        i += len;
        if (cp < 0x100) j += (size_t)sprintf(buf + j, "\\x%02x", cp);
        else if (cp < 0x10000) j += (size_t)sprintf(buf + j, "\\u%04x", cp);
        else j += (size_t)sprintf(buf + j, "\\U%08x", cp);
    }
    Value out = ou_str_new(buf, (int64_t)j);
    ou_mem_free(buf);
    ou_decref(r);
    return out;
}

static Value bi_id(Value *args, int nargs, Value kwnames)
{
    if (one_arg("id", nargs, kwnames) < 0) return OU_ERR;
    Value v = args[0];
    if (IS_OBJ(v)) return ou_int((int64_t)(uintptr_t)AS_OBJ(v));
    /* Immediates have no address: their bits, halved, are stable, distinct from each other
     * and above every heap address (the top bits are set). */
    return ou_int((int64_t)(v >> 1));
}

static Value bi_hash(Value *args, int nargs, Value kwnames)
{
    if (one_arg("hash", nargs, kwnames) < 0) return OU_ERR;
    int64_t h = ou_hash(args[0]);
    if (h == -1 && ou_err_occurred()) return OU_ERR;
    return ou_int(h);
}

static bool is_callable(Value v)
{
    OuType *t = ou_typeof(v);
    if (!t->call) return false;
    if (t->flags & OU_TPFLAG_HEAPTYPE) {
        Value name = ou_str_intern("__call__");
        return !IS_UNDEF(ou_type_lookup(t, name));
    }
    return true;
}

static Value bi_callable(Value *args, int nargs, Value kwnames)
{
    if (one_arg("callable", nargs, kwnames) < 0) return OU_ERR;
    return MK_BOOL(is_callable(args[0]));
}

static Value bi_isinstance(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("isinstance", nargs, kwnames, 2, 2) < 0) return OU_ERR;
    int r = ou_isinstance(args[0], args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}

static int subclass_check(OuType *c, Value spec)
{
    if (IS_TUPLE(spec)) {
        OuTuple *t = AS_TUPLE(spec);
        for (int64_t i = 0; i < t->len; i++) {
            int r = subclass_check(c, t->items[i]);
            if (r != 0) return r;
        }
        return 0;
    }
    if (!ou_instance_of(spec, &ou_type_type)) {
        ou_err_format(ou_TypeError,
                      "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return ou_is_subtype(c, AS_TYPE(spec));
}

static Value bi_issubclass(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("issubclass", nargs, kwnames, 2, 2) < 0) return OU_ERR;
    if (!ou_instance_of(args[0], &ou_type_type))
        return ou_err_format(ou_TypeError, "issubclass() arg 1 must be a class");
    int r = subclass_check(AS_TYPE(args[0]), args[1]);
    return r < 0 ? OU_ERR : MK_BOOL(r);
}

static Value bi_getattr(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("getattr", nargs, kwnames, 2, 3) < 0) return OU_ERR;
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (nargs == 2) return ou_getattr(args[0], args[1]);
    Value r = ou_getattr(args[0], args[1]);
    if (IS_ERR(r) && ou_err_matches(ou_AttributeError)) {
        ou_err_clear();
        return ou_newref(args[2]);
    }
    return r;
}

static Value bi_setattr(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("setattr", nargs, kwnames, 3, 3) < 0) return OU_ERR;
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "attribute name must be string, not '%T'", args[1]);
    return ou_setattr(args[0], args[1], args[2]) < 0 ? OU_ERR : OU_NONE;
}

static Value bi_delattr(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("delattr", nargs, kwnames, 2, 2) < 0) return OU_ERR;
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "attribute name must be string, not '%T'", args[1]);
    return ou_setattr(args[0], args[1], OU_UNDEF) < 0 ? OU_ERR : OU_NONE;
}

static Value bi_hasattr(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("hasattr", nargs, kwnames, 2, 2) < 0) return OU_ERR;
    if (!IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "attribute name must be string, not '%T'", args[1]);
    Value r = ou_getattr(args[0], args[1]);
    if (IS_ERR(r)) {
        if (!ou_err_matches(ou_AttributeError)) return OU_ERR;
        ou_err_clear();
        return OU_FALSE;
    }
    ou_decref(r);
    return OU_TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Numbers: abs, divmod, pow, round, hex, oct, bin, chr, ord.
 * ------------------------------------------------------------------------------------------- */

/* Call type(v).<name>(v, extra...) if the type defines it; OU_UNDEF if it does not. */
static Value call_special(Value v, const char *name, Value *extra, int nextra)
{
    Value meth = ou_type_lookup(ou_typeof(v), ou_str_intern(name));
    if (IS_UNDEF(meth)) return OU_UNDEF;
    Value argv[3] = {v, nextra > 0 ? extra[0] : OU_NONE, nextra > 1 ? extra[1] : OU_NONE};
    return ou_call(meth, argv, 1 + nextra, OU_UNDEF);
}

static Value bi_abs(Value *args, int nargs, Value kwnames)
{
    if (one_arg("abs", nargs, kwnames) < 0) return OU_ERR;
    Value v = args[0];
    if (IS_SMALLINT(v)) {
        int64_t i = AS_SMALLINT(v);
        return ou_int(i < 0 ? -i : i);
    }
    if (IS_FLOAT(v)) return ou_float(fabs(AS_FLOAT(v)));
    if (IS_BOOL(v)) return MK_SMALLINT(v == OU_TRUE);
    if (IS_BOXINT(v)) return ou_int_sign(v) >= 0 ? ou_newref(v) : ou_unaryop(v, OU_UN_NEG);
    Value r = call_special(v, "__abs__", NULL, 0);
    if (IS_UNDEF(r)) return ou_err_format(ou_TypeError, "bad operand type for abs(): '%T'", v);
    return r;
}

static bool is_exact_int(Value v) { return IS_SMALLINT(v) || IS_BOXINT(v) || IS_BOOL(v); }

/* Floor division and modulo of two int64s; false on overflow (INT64_MIN // -1). */
static bool int_divmod(int64_t a, int64_t b, int64_t *q, int64_t *r)
{
    if (a == INT64_MIN && b == -1) return false;
    int64_t qq = a / b, rr = a % b;
    if (rr != 0 && ((rr < 0) != (b < 0))) {
        rr += b;
        qq--;
    }
    *q = qq;
    *r = rr;
    return true;
}

static Value float_divmod(double vx, double wx)
{
    if (wx == 0.0) return ou_err_format(ou_ZeroDivisionError, "float divmod()");
    double mod = fmod(vx, wx), div = (vx - mod) / wx, floordiv;
    if (mod != 0.0) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    if (div != 0.0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    return ou_tuple_pack(2, ou_float(floordiv), ou_float(mod));
}

static Value bi_divmod(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("divmod", nargs, kwnames, 2, 2) < 0) return OU_ERR;
    Value a = args[0], b = args[1];
    int64_t x, y;
    if (is_exact_int(a) && is_exact_int(b) && ou_int_value(a, &x) && ou_int_value(b, &y)) {
        if (y == 0)
            return ou_err_format(ou_ZeroDivisionError, "integer division or modulo by zero");
        int64_t q, r;
        if (int_divmod(x, y, &q, &r)) {
            Value qv = ou_int(q), rv = ou_int(r);
            Value t = ou_tuple_pack(2, qv, rv);
            ou_decref(qv);
            ou_decref(rv);
            return t;
        }
    }
    if ((IS_FLOAT(a) && ou_is_number(b)) || (IS_FLOAT(b) && ou_is_number(a))) {
        /* An int partner too large for a float raises, as in CPython. */
        double fa, fb;
        if (ou_is_int(a) && ou_int_to_double(a, &fa) < 0) return OU_ERR;
        if (ou_is_int(b) && ou_int_to_double(b, &fb) < 0) return OU_ERR;
        return float_divmod(ou_number_as_double(a), ou_number_as_double(b));
    }
    if (ou_is_number(a) && ou_is_number(b)) {
        /* Overflowing int case: let // report it. */
        Value q = ou_binop(a, b, OU_BIN_FLOORDIV);
        if (IS_ERR(q)) return OU_ERR;
        Value r = ou_binop(a, b, OU_BIN_MOD);
        if (IS_ERR(r)) { ou_decref(q); return OU_ERR; }
        Value t = ou_tuple_pack(2, q, r);
        ou_decref(q);
        ou_decref(r);
        return t;
    }
    Value r = call_special(a, "__divmod__", &b, 1);
    if (!IS_UNDEF(r) && r != ou_NotImplemented) return r;
    if (!IS_UNDEF(r)) ou_decref(r);
    r = call_special(b, "__rdivmod__", &a, 1);
    if (!IS_UNDEF(r) && r != ou_NotImplemented) return r;
    if (!IS_UNDEF(r)) ou_decref(r);
    return ou_err_format(ou_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'",
                         a, b);
}

static Value bi_pow(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value base = OU_UNDEF, exp = OU_UNDEF, mod = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, "pow", "OO|O", names, &base, &exp, &mod) < 0)
        return OU_ERR;
    if (IS_NONE(mod)) return ou_binop(base, exp, OU_BIN_POW);
    return ou_number_pow3(base, exp, mod);
}

/* round(x, nd) for a finite double, correctly rounded (half to even on the exact binary
 * value) through decimal text, as CPython's dtoa-based double_round. */
static Value float_round(double x, int64_t nd)
{
    if (!isfinite(x) || x == 0.0 || nd > 323) return ou_float(x);
    if (nd < -308) return ou_float(0.0 * x);
    double y;
    if (nd >= 0) {
        char buf[1100];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        y = strtod(buf, NULL);
    } else {
        /* Round |x| to a multiple of 10^k using its exact integer digits plus a sticky bit for
         * the fraction, so that ties are detected exactly. */
        int k = (int)-nd;
        double ax = fabs(x), ip = trunc(ax);
        bool frac = ax != ip;
        char digits[400];
        int len = snprintf(digits, sizeof digits, "%.0f", ip);
        char out[420];
        if (k > len || len >= (int)sizeof digits) {
            y = 0.0;
        } else {
            size_t hl = (size_t)(len - k);
            /* Compare the tail with 5 followed by zeros. */
            int cmp = 0;
            if (digits[hl] != '5') cmp = digits[hl] > '5' ? 1 : -1;
            for (int i = (int)hl + 1; i < len && cmp == 0; i++)
                if (digits[i] != '0') cmp = 1;
            if (cmp == 0 && frac) cmp = 1;
            bool odd = hl > 0 && ((digits[hl - 1] - '0') & 1);
            bool up = cmp > 0 || (cmp == 0 && odd);
            size_t o = 0;
            out[o++] = '0';
            memcpy(out + o, digits, hl);
            o += hl;
            if (up) {
                size_t i = o - 1;
                while (out[i] == '9') out[i--] = '0';
                out[i]++;
            }
            memset(out + o, '0', (size_t)k);
            o += k;
            out[o] = '\0';
            y = strtod(out, NULL);
        }
        y = copysign(y, x);
    }
    if (isinf(y)) return ou_err_format(ou_OverflowError, "rounded value too large to represent");
    return ou_float(y);
}

static Value int_round(int64_t v, int64_t nd)
{
    if (nd >= 0) return ou_int(v);
    if (nd < -18) return MK_SMALLINT(0);
    int64_t p = 1;
    for (int64_t i = 0; i < -nd; i++) p *= 10;
    int64_t q, r;
    int_divmod(v, p, &q, &r);
    if (2 * (__int128)r > p || (2 * (__int128)r == p && (q & 1))) q++;
    __int128 res = (__int128)q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return ou_err_format(ou_OverflowError, "int too large to round");
    return ou_int((int64_t)res);
}

static Value double_to_int(double d)
{
    if (isnan(d)) return ou_err_format(ou_ValueError, "cannot convert float NaN to integer");
    if (isinf(d))
        return ou_err_format(ou_OverflowError, "cannot convert float infinity to integer");
    return ou_int_from_double(d);
}

static Value bi_round(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    Value number = OU_UNDEF, ndigits = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, "round", "O|O", names, &number, &ndigits) < 0)
        return OU_ERR;
    int64_t nd = 0;
    if (IS_FLOAT(number) || IS_SMALLINT(number) || IS_BOOL(number) || IS_BOXINT(number)) {
        if (!IS_NONE(ndigits) && ou_index(ndigits, &nd) < 0) return OU_ERR;
        if (IS_FLOAT(number)) {
            double x = AS_FLOAT(number);
            if (IS_NONE(ndigits)) {
                /* rint rounds half to even in the default rounding mode. */
                return double_to_int(rint(x));
            }
            return float_round(x, nd);
        }
        int64_t v;
        if (ou_int_value(number, &v)) {
            if (IS_NONE(ndigits)) return ou_int(v);
            Value r = int_round(v, nd);
            if (!IS_ERR(r) || !ou_err_matches(ou_OverflowError)) return r;
            ou_err_clear();
        } else if (IS_NONE(ndigits)) {
            return ou_newref(number);
        }
        /* Beyond int64: int.__round__ works on big ints. */
        return call_special(number, "__round__", &ndigits, 1);
    }
    Value r = IS_NONE(ndigits) ? call_special(number, "__round__", NULL, 0)
                               : call_special(number, "__round__", &ndigits, 1);
    if (IS_UNDEF(r))
        return ou_err_format(ou_TypeError, "type %s doesn't define __round__ method",
                             OU_TYPE_NAME(number));
    return r;
}

static Value int_to_base(Value *args, int nargs, Value kwnames, const char *name, int shift,
                         const char *prefix)
{
    if (one_arg(name, nargs, kwnames) < 0) return OU_ERR;
    int64_t v;
    if (ou_is_int(args[0]) && !ou_int_value(args[0], &v)) {
        /* Beyond int64: the int formatter has the big digits ("#x" etc.). */
        char spec[3] = {'#', prefix[1], 0};
        Value sv = ou_str_cstr(spec);
        if (IS_ERR(sv)) return OU_ERR;
        Value r = ou_format(args[0], sv);
        ou_decref(sv);
        return r;
    }
    if (ou_index(args[0], &v) < 0) return OU_ERR;
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    char buf[80];
    int i = sizeof buf;
    buf[--i] = '\0';
    unsigned mask = (1u << shift) - 1;
    do {
        buf[--i] = "0123456789abcdef"[mag & mask];
        mag >>= shift;
    } while (mag);
    buf[--i] = prefix[1];
    buf[--i] = '0';
    if (v < 0) buf[--i] = '-';
    return ou_str_new(buf + i, (int64_t)(sizeof buf - 1 - (size_t)i));
}

static Value bi_hex(Value *args, int nargs, Value kwnames)
{
    return int_to_base(args, nargs, kwnames, "hex", 4, "0x");
}

static Value bi_oct(Value *args, int nargs, Value kwnames)
{
    return int_to_base(args, nargs, kwnames, "oct", 3, "0o");
}

static Value bi_bin(Value *args, int nargs, Value kwnames)
{
    return int_to_base(args, nargs, kwnames, "bin", 1, "0b");
}

static Value bi_chr(Value *args, int nargs, Value kwnames)
{
    if (one_arg("chr", nargs, kwnames) < 0) return OU_ERR;
    int64_t c;
    if (IS_FLOAT(args[0]))
        return ou_err_format(ou_TypeError, "'float' object cannot be interpreted as an integer");
    if (ou_is_int(args[0]) && !ou_int_value(args[0], &c))
        return ou_err_format(ou_OverflowError, "Python int too large to convert to C int");
    if (ou_index(args[0], &c) < 0) return OU_ERR;
    if (c < 0 || c > 0x10FFFF)
        return ou_err_format(ou_ValueError, "chr() arg not in range(0x110000)");
    char buf[4];
    int n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xC0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return ou_str_new(buf, n);
}

static Value bi_ord(Value *args, int nargs, Value kwnames)
{
    if (one_arg("ord", nargs, kwnames) < 0) return OU_ERR;
    Value s = args[0];
    if (!IS_STR(s))
        return ou_err_format(ou_TypeError, "ord() expected string of length 1, but %T found", s);
    if (AS_STR(s)->nchars != 1)
        return ou_err_format(ou_TypeError,
                             "ord() expected a character, but string of length %lld found",
                             (long long)AS_STR(s)->nchars);
    const unsigned char *p = (const unsigned char *)ou_str_data(s);
    uint32_t c = p[0];
    if (c >= 0x80) {
        int len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        c &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
        for (int k = 1; k < len; k++) c = (c << 6) | (p[k] & 0x3F);
    }
    return MK_SMALLINT(c);
}

static Value bi_format(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("format", nargs, kwnames, 1, 2) < 0) return OU_ERR;
    if (nargs == 2 && !IS_STR(args[1]))
        return ou_err_format(ou_TypeError, "format() argument 2 must be str, not %T", args[1]);
    Value spec = nargs == 2 ? ou_newref(args[1]) : ou_str_new("", 0);
    if (IS_ERR(spec)) return OU_ERR;
    Value r = ou_format(args[0], spec);
    ou_decref(spec);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * Iteration: iter, next, any, all, sum, min, max, sorted.
 * ------------------------------------------------------------------------------------------- */

/* iter(callable, sentinel): calls func until it returns the sentinel. func is OU_UNDEF once
 * exhausted. */
typedef struct { OuObject ob; Value func, sentinel; } CallIter;

static int calliter_traverse(OuObject *o, ou_visitfn visit, void *arg)
{
    CallIter *c = (CallIter *)o;
    if (IS_OBJ(c->func) && visit(AS_OBJ(c->func), arg)) return 1;
    if (IS_OBJ(c->sentinel) && visit(AS_OBJ(c->sentinel), arg)) return 1;
    return 0;
}

static void calliter_clear(OuObject *o)
{
    CallIter *c = (CallIter *)o;
    Value f = c->func, s = c->sentinel;
    c->func = c->sentinel = OU_UNDEF;
    ou_decref(f);
    ou_decref(s);
}

static void calliter_dealloc(OuObject *o)
{
    calliter_clear(o);
    ou_obj_free(o);
}

static Value calliter_iter(Value self) { return ou_newref(self); }

static Value calliter_next(Value self)
{
    CallIter *c = (CallIter *)AS_OBJ(self);
    if (IS_UNDEF(c->func)) return OU_UNDEF;
    Value r = ou_call0(c->func);
    if (IS_ERR(r)) {
        if (ou_err_matches(ou_StopIteration)) {
            ou_err_clear();
            calliter_clear(AS_OBJ(self));
            return OU_UNDEF;
        }
        return OU_ERR;
    }
    int eq = ou_equal(r, c->sentinel);
    if (eq == 0) return r;
    ou_decref(r);
    if (eq < 0) return OU_ERR;
    calliter_clear(AS_OBJ(self));
    return OU_UNDEF;
}

static OuType calliter_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "callable_iterator",
    .flags = OU_TPFLAG_GC,
    .basicsize = sizeof(CallIter),
    .dealloc = calliter_dealloc,
    .traverse = calliter_traverse,
    .clear = calliter_clear,
    .iter = calliter_iter,
    .next = calliter_next,
};

static Value bi_iter(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("iter", nargs, kwnames, 1, 2) < 0) return OU_ERR;
    if (nargs == 1) return ou_iter(args[0]);
    if (!is_callable(args[0]))
        return ou_err_format(ou_TypeError, "iter(v, w): v must be callable");
    CallIter *c = ou_obj_alloc(&calliter_type, sizeof(CallIter));
    if (!c) return OU_ERR;
    c->func = ou_newref(args[0]);
    c->sentinel = ou_newref(args[1]);
    return MK_OBJ(c);
}

static Value bi_next(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("next", nargs, kwnames, 1, 2) < 0) return OU_ERR;
    Value it = args[0];
    if (!ou_typeof(it)->next)
        return ou_err_format(ou_TypeError, "'%s' object is not an iterator", OU_TYPE_NAME(it));
    Value r = ou_next(it);
    if (!IS_UNDEF(r)) return r;
    if (nargs == 2) return ou_newref(args[1]);
    return raise_simple(ou_StopIteration);
}

static Value any_all(Value *args, int nargs, Value kwnames, const char *name, bool want)
{
    if (one_arg(name, nargs, kwnames) < 0) return OU_ERR;
    Value it = ou_iter(args[0]);
    if (IS_ERR(it)) return OU_ERR;
    for (;;) {
        Value v = ou_next(it);
        if (IS_UNDEF(v)) break;
        if (IS_ERR(v)) { ou_decref(it); return OU_ERR; }
        int t = ou_truthy(v);
        ou_decref(v);
        if (t < 0) { ou_decref(it); return OU_ERR; }
        if ((t != 0) == want) {
            ou_decref(it);
            return MK_BOOL(want);
        }
    }
    ou_decref(it);
    return MK_BOOL(!want);
}

static Value bi_any(Value *args, int nargs, Value kwnames)
{
    return any_all(args, nargs, kwnames, "any", true);
}

static Value bi_all(Value *args, int nargs, Value kwnames)
{
    return any_all(args, nargs, kwnames, "all", false);
}

static Value bi_sum(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", "start", NULL};
    Value iterable = OU_UNDEF, start = MK_SMALLINT(0);
    if (ou_parse_args(args, nargs, kwnames, "sum", "O|O", names, &iterable, &start) < 0)
        return OU_ERR;
    if (IS_STR(start))
        return ou_err_format(ou_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value it = ou_iter(iterable);
    if (IS_ERR(it)) return OU_ERR;
    Value acc = ou_newref(start);
    Value item = OU_UNDEF;

    /* Fast int path: exact ints accumulate in an int64 until overflow or a non-int. */
    int64_t total;
    if (is_exact_int(acc) && ou_int_value(acc, &total)) {
        for (;;) {
            item = ou_next(it);
            if (IS_UNDEF(item) || IS_ERR(item)) break;
            int64_t x, t;
            if (!is_exact_int(item) || !ou_int_value(item, &x) ||
                __builtin_add_overflow(total, x, &t))
                break;
            total = t;
            ou_decref(item);
        }
        ou_decref(acc);
        acc = ou_int(total);
        if (IS_ERR(item)) goto fail;
        if (IS_UNDEF(item)) goto done;
        /* item is not yet added: fall through to the float or generic path. */
        if (IS_FLOAT(item)) {
            double d = (double)total + AS_FLOAT(item);
            ou_decref(acc);
            acc = ou_float(d);
            item = OU_UNDEF;
        }
    }
    /* Fast float path: doubles add in C while the items are floats or ints. */
    if (IS_FLOAT(acc)) {
        double d = AS_FLOAT(acc);
        for (;;) {
            if (IS_UNDEF(item)) item = ou_next(it);
            if (IS_UNDEF(item) || IS_ERR(item)) break;
            int64_t x;
            if (IS_FLOAT(item)) d += AS_FLOAT(item);
            else if (is_exact_int(item) && ou_int_value(item, &x)) d += (double)x;
            else break;
            ou_decref(item);
            item = OU_UNDEF;
        }
        acc = ou_float(d);
        if (IS_ERR(item)) goto fail;
        if (IS_UNDEF(item)) goto done;
    }
    /* Generic path: acc = acc + item for what is left. */
    for (;;) {
        if (IS_UNDEF(item)) item = ou_next(it);
        if (IS_UNDEF(item)) break;
        if (IS_ERR(item)) goto fail;
        Value r = ou_binop(acc, item, OU_BIN_ADD);
        ou_decref(item);
        item = OU_UNDEF;
        ou_decref(acc);
        acc = r;
        if (IS_ERR(acc)) goto fail;
    }
done:
    ou_decref(it);
    return acc;
fail:
    ou_decref(it);
    ou_decref(acc);
    return OU_ERR;
}

static Value minmax(Value *args, int nargs, Value kwnames, const char *name, int op)
{
    Value key = OU_NONE, dflt = OU_UNDEF;
    if (!IS_UNDEF(kwnames)) {
        OuTuple *kw = AS_TUPLE(kwnames);
        for (int64_t k = 0; k < kw->len; k++) {
            if (ou_str_eq_cstr(kw->items[k], "key")) key = args[nargs + k];
            else if (ou_str_eq_cstr(kw->items[k], "default")) dflt = args[nargs + k];
            else
                return ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for %s()",
                                     kw->items[k], name);
        }
    }
    if (nargs == 0)
        return ou_err_format(ou_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && !IS_UNDEF(dflt))
        return ou_err_format(ou_TypeError,
                             "Cannot specify a default for %s() with multiple positional "
                             "arguments", name);
    Value it = OU_UNDEF;
    if (nargs == 1) {
        it = ou_iter(args[0]);
        if (IS_ERR(it)) return OU_ERR;
    }
    Value best = OU_UNDEF, bestkey = OU_UNDEF;
    for (int i = 0;; i++) {
        Value item;
        if (nargs == 1) {
            item = ou_next(it);
            if (IS_UNDEF(item)) break;
            if (IS_ERR(item)) goto fail;
        } else {
            if (i == nargs) break;
            item = ou_newref(args[i]);
        }
        Value k = IS_NONE(key) ? ou_newref(item) : ou_call1(key, item);
        if (IS_ERR(k)) { ou_decref(item); goto fail; }
        if (IS_UNDEF(best)) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = ou_richcmp_bool(k, bestkey, op);
        if (c < 0) { ou_decref(item); ou_decref(k); goto fail; }
        if (c) {
            ou_decref(best);
            ou_decref(bestkey);
            best = item;
            bestkey = k;
        } else {
            ou_decref(item);
            ou_decref(k);
        }
    }
    ou_xdecref(it);
    ou_xdecref(bestkey);
    if (!IS_UNDEF(best)) return best;
    if (!IS_UNDEF(dflt)) return ou_newref(dflt);
    return ou_err_format(ou_ValueError, "%s() arg is an empty sequence", name);
fail:
    ou_xdecref(it);
    ou_xdecref(best);
    ou_xdecref(bestkey);
    return OU_ERR;
}

static Value bi_min(Value *args, int nargs, Value kwnames)
{
    return minmax(args, nargs, kwnames, "min", OU_LT);
}

static Value bi_max(Value *args, int nargs, Value kwnames)
{
    return minmax(args, nargs, kwnames, "max", OU_GT);
}

static Value bi_sorted(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"", "key", "reverse", NULL};
    if (nargs != 1)
        return ou_err_format(ou_TypeError, "sorted expected 1 argument, got %d", nargs);
    Value iterable = OU_UNDEF, key = OU_NONE, reverse = OU_FALSE;
    if (ou_parse_args(args, nargs, kwnames, "sort", "O|$OO", names, &iterable, &key,
                      &reverse) < 0)
        return OU_ERR;
    int rev = ou_truthy(reverse);
    if (rev < 0) return OU_ERR;
    Value list = ou_sequence_list(iterable);
    if (IS_ERR(list)) return OU_ERR;
    if (IS_ERR(ou_list_sort(list, key, rev != 0))) {
        ou_decref(list);
        return OU_ERR;
    }
    return list;
}

/* ---------------------------------------------------------------------------------------------
 * Namespaces: globals, locals, vars, dir.
 * ------------------------------------------------------------------------------------------- */

static Value bi_globals(Value *args, int nargs, Value kwnames)
{
    if (nargs != 0 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "globals() takes no arguments (%d given)", nargs);
    VmFrame *f = vm_current_frame();
    if (!f) return ou_dict_new();
    return ou_newref(f->globals);
}

static Value current_locals(void)
{
    VmFrame *f = vm_current_frame();
    if (!f) return ou_dict_new();
    return vm_frame_locals(f);
}

static Value bi_locals(Value *args, int nargs, Value kwnames)
{
    if (nargs != 0 || !IS_UNDEF(kwnames))
        return ou_err_format(ou_TypeError, "locals() takes no arguments (%d given)", nargs);
    return current_locals();
}

static Value bi_vars(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("vars", nargs, kwnames, 0, 1) < 0) return OU_ERR;
    if (nargs == 0) return current_locals();
    Value d = ou_getattr_cstr(args[0], "__dict__");
    if (IS_ERR(d) && ou_err_matches(ou_AttributeError)) {
        ou_err_clear();
        return ou_err_format(ou_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Add the keys of d, a dict or a class's mappingproxy, to the set-like dict acc. */
static int add_keys(Value acc, Value d)
{
    if (ou_is_type(d, &ou_mappingproxy_type)) {
        Value it = ou_iter(d), k;
        if (IS_ERR(it)) return -1;
        while (!IS_UNDEF(k = ou_next(it))) {
            if (IS_ERR(k) || ou_dict_set(acc, k, OU_NONE) < 0) {
                if (!IS_ERR(k)) ou_decref(k);
                ou_decref(it);
                return -1;
            }
            ou_decref(k);
        }
        ou_decref(it);
        return 0;
    }
    if (!IS_OBJ(d) || !ou_instance_of(d, &ou_dict_type)) return 0;
    int64_t pos = 0;
    Value k, v;
    while (ou_dict_next(d, &pos, &k, &v))
        if (ou_dict_set(acc, k, OU_NONE) < 0) return -1;
    return 0;
}

/* Add the names of every class in t's MRO, read through each class's __dict__ attribute so
 * that names the object model provides lazily are seen too. */
static int add_type_keys(Value acc, Value type)
{
    Value d = ou_getattr_cstr(type, "__dict__");
    if (IS_ERR(d)) return -1;
    int r = add_keys(acc, d);
    ou_decref(d);
    return r;
}

static int add_mro_keys(Value acc, OuType *t)
{
    if (!IS_TUPLE(t->mro)) return add_type_keys(acc, MK_OBJ(t));
    OuTuple *mro = AS_TUPLE(t->mro);
    for (int64_t i = 0; i < mro->len; i++)
        if (add_type_keys(acc, mro->items[i]) < 0) return -1;
    return 0;
}

static Value sorted_keys(Value acc)
{
    Value list = ou_dict_keys_list(acc);
    if (IS_ERR(list)) return OU_ERR;
    if (IS_ERR(ou_list_sort(list, OU_NONE, false))) {
        ou_decref(list);
        return OU_ERR;
    }
    return list;
}

static Value bi_dir(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("dir", nargs, kwnames, 0, 1) < 0) return OU_ERR;
    Value acc;
    if (nargs == 0) {
        acc = current_locals();
        if (IS_ERR(acc)) return OU_ERR;
        Value r = sorted_keys(acc);
        ou_decref(acc);
        return r;
    }
    Value o = args[0];
    OuType *t = ou_typeof(o);
    if (t->flags & OU_TPFLAG_HEAPTYPE) {
        Value r = call_special(o, "__dir__", NULL, 0);
        if (IS_ERR(r)) return OU_ERR;
        if (!IS_UNDEF(r)) {
            Value list = ou_sequence_list(r);
            ou_decref(r);
            if (IS_ERR(list)) return OU_ERR;
            if (IS_ERR(ou_list_sort(list, OU_NONE, false))) {
                ou_decref(list);
                return OU_ERR;
            }
            return list;
        }
    }
    acc = ou_dict_new();
    if (IS_ERR(acc)) return OU_ERR;
    int r = 0;
    if (ou_is_type(o, &ou_module_type)) {
        r = add_keys(acc, ((OuModule *)AS_OBJ(o))->dict);
    } else if (ou_instance_of(o, &ou_type_type)) {
        r = add_mro_keys(acc, AS_TYPE(o));
    } else {
        if (t->dictoffset > 0) {
            Value d = ou_instance_dict(o);
            if (IS_ERR(d)) {
                ou_decref(acc);
                return OU_ERR;
            }
            r = add_keys(acc, d);
        } else if (t->dictoffset < 0) {
            /* The dict of a str/tuple subclass instance follows its items. */
            Value d = ou_getattr_cstr(o, "__dict__");
            if (IS_ERR(d)) {
                ou_decref(acc);
                return OU_ERR;
            }
            r = add_keys(acc, d);
            ou_decref(d);
        }
        if (r == 0) r = add_mro_keys(acc, t);
    }
    /* CPython lists these for every class and instance; add them when the object model
     * provides them through attribute access only. */
    static const char *const always[] = {"__class__", "__doc__"};
    for (size_t i = 0; r == 0 && i < 2 && !ou_is_type(o, &ou_module_type); i++) {
        Value name = ou_str_intern(always[i]);
        int has = ou_hasattr(o, name);
        if (has < 0) ou_err_clear();
        if (has > 0) r = ou_dict_set(acc, name, OU_NONE);
    }
    if (r < 0) {
        ou_decref(acc);
        return OU_ERR;
    }
    Value list = sorted_keys(acc);
    ou_decref(acc);
    return list;
}

/* ---------------------------------------------------------------------------------------------
 * eval, exec, __import__.
 * ------------------------------------------------------------------------------------------- */

/* Compile and run source (a str, or a code object) in the given namespaces, defaulting to the
 * caller's as CPython does; globals gain "__builtins__" when they lack it. */
static Value run_source(Value *args, int nargs, Value kwnames, const char *name,
                        const char *mode)
{
    static const char *const names[] = {"", "", "", NULL};
    Value src = OU_UNDEF, globals = OU_NONE, locals = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, name, "O|OO", names, &src, &globals, &locals) < 0)
        return OU_ERR;
    if (!IS_NONE(globals) && !ou_instance_of(globals, &ou_dict_type))
        return ou_err_format(ou_TypeError, strcmp(name, "exec") == 0
                             ? "exec() globals must be a dict, not %T"
                             : "globals must be a dict", globals);
    if (!IS_NONE(locals) && !ou_typeof(locals)->getitem)
        return ou_err_format(ou_TypeError, strcmp(name, "exec") == 0
                             ? "locals must be a mapping or None, not %T"
                             : "locals must be a mapping", locals);
    Value g, l;
    if (IS_NONE(globals)) {
        VmFrame *f = vm_current_frame();
        if (!f) return ou_err_format(ou_RuntimeError, "%s(): no current frame", name);
        g = ou_newref(f->globals);
        l = IS_NONE(locals) ? (IS_OBJ(f->locals) ? ou_newref(f->locals) : vm_frame_locals(f))
                            : ou_newref(locals);
    } else {
        g = ou_newref(globals);
        l = ou_newref(IS_NONE(locals) ? globals : locals);
    }
    if (IS_ERR(l)) {
        ou_decref(g);
        return OU_ERR;
    }
    Value r = OU_ERR, code = OU_ERR;
    if (IS_UNDEF(ou_dict_get_str(g, "__builtins__")) &&
        ou_dict_set_str(g, "__builtins__", vm.builtins) < 0)
        goto done;
    if (ou_is_type(src, &ou_code_type)) {
        code = ou_newref(src);
    } else if (IS_STR(src)) {
        const char *text = ou_str_data(src);
        size_t len = (size_t)ou_str_len(src);
        if (strlen(text) != len) {
            ou_err_format(ou_ValueError, "source code string cannot contain null bytes");
            goto done;
        }
        /* eval ignores leading blanks, as CPython does. */
        if (mode[0] == 'e' && mode[1] == 'v')
            while (*text == ' ' || *text == '\t') text++, len--;
        code = vm_compile(text, len, "<string>", mode, NULL);
        if (IS_ERR(code)) goto done;
    } else {
        ou_err_format(ou_TypeError, "%s() arg 1 must be a string, bytes or code object", name);
        goto done;
    }
    r = vm_run_code((OuCode *)AS_OBJ(code), g, l);
    if (!IS_ERR(r) && mode[1] == 'x') {
        ou_decref(r);
        r = OU_NONE;
    }
done:
    ou_xdecref(code);
    ou_decref(g);
    ou_decref(l);
    return r;
}

static Value bi_eval(Value *args, int nargs, Value kwnames)
{
    return run_source(args, nargs, kwnames, "eval", "eval");
}

static Value bi_exec(Value *args, int nargs, Value kwnames)
{
    return run_source(args, nargs, kwnames, "exec", "exec");
}

static Value bi_compile(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                        "optimize", NULL};
    Value src = OU_UNDEF, filename = OU_UNDEF, mode = OU_UNDEF, flags = OU_UNDEF,
          dont_inherit = OU_UNDEF, optimize = OU_UNDEF;
    if (ou_parse_args(args, nargs, kwnames, "compile", "OOO|OOO", names, &src, &filename, &mode,
                      &flags, &dont_inherit, &optimize) < 0)
        return OU_ERR;
    if (!IS_STR(mode))
        return ou_err_format(ou_TypeError, "compile() argument 'mode' must be str, not %T", mode);
    const char *m = ou_str_data(mode);
    if (strcmp(m, "exec") && strcmp(m, "eval") && strcmp(m, "single"))
        return ou_err_format(ou_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (!IS_STR(filename))
        return ou_err_format(ou_TypeError, "expected str, bytes or os.PathLike object, not %T",
                             filename);
    if (!IS_STR(src))
        return ou_err_format(ou_TypeError, "compile() arg 1 must be a string, bytes or AST "
                             "object");
    const char *text = ou_str_data(src);
    size_t len = (size_t)ou_str_len(src);
    if (strlen(text) != len)
        return ou_err_format(ou_ValueError, "source code string cannot contain null bytes");
    return vm_compile(text, len, ou_str_data(filename), m, NULL);
}

static Value bi_import(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Value name = OU_UNDEF, g = OU_NONE, l = OU_NONE, fromlist = OU_NONE, level = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, "__import__", "O|OOOO", names, &name, &g, &l,
                      &fromlist, &level) < 0)
        return OU_ERR;
    if (!IS_STR(name))
        return ou_err_format(ou_TypeError, "__import__() argument 1 must be str, not %T", name);
    return ou_import(name);
}

/* ---------------------------------------------------------------------------------------------
 * Leaving and help.
 * ------------------------------------------------------------------------------------------- */

static Value raise_system_exit(Value *args, int nargs)
{
    Value exc = ou_exc_new(ou_SystemExit, args, nargs);
    if (IS_ERR(exc)) return OU_ERR;
    ou_err_set_exc(exc);
    ou_decref(exc);
    return OU_ERR;
}

/* exit and quit are callable objects (CPython's _sitebuiltins.Quitter) whose repr tells the
 * REPL user how to leave; calling one raises SystemExit(code). Both are static and immortal. */
typedef struct { OuObject ob; const char *name; } Quitter;

static Value quitter_repr(Value self)
{
    return ou_str_printf("Use %s() or Ctrl-D (i.e. EOF) to exit", ((Quitter *)AS_OBJ(self))->name);
}

static Value quitter_call(Value self, Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"code", NULL};
    Value code = OU_NONE;
    if (ou_parse_args(args, nargs, kwnames, "__call__", "|O", names, &code) < 0) return OU_ERR;
    return raise_system_exit(&code, 1);
}

static OuType quitter_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "_sitebuiltins.Quitter",
    .basicsize = sizeof(Quitter),
    .repr = quitter_repr,
    .call = quitter_call,
};

static Quitter exit_obj = {{.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &quitter_type},
                           "exit"};
static Quitter quit_obj = {{.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &quitter_type},
                           "quit"};

static Value bi_help(Value *args, int nargs, Value kwnames)
{
    if (nargs_between("help", nargs, kwnames, 0, 1) < 0) return OU_ERR;
    Value out = file_cur_stdout();
    if (IS_ERR(out)) return OU_ERR;
    if (nargs == 0) {
        if (ou_file_write_cstr(out, "Ouro " OU_VERSION ", a small Python 3 interpreter.\n"
                                    "Type help(object) for help about object.\n") < 0)
            return OU_ERR;
        return OU_NONE;
    }
    Value r = ou_repr(args[0]);
    if (IS_ERR(r)) return OU_ERR;
    Value text = ou_str_printf("Help on %U:\n\n", r);
    ou_decref(r);
    if (IS_ERR(text)) return OU_ERR;
    int w = ou_file_write_str(out, text);
    ou_decref(text);
    if (w < 0) return OU_ERR;
    Value doc = ou_getattr_cstr(args[0], "__doc__");
    if (IS_ERR(doc)) {
        ou_err_clear();
        return OU_NONE;
    }
    if (IS_STR(doc)) {
        w = ou_file_write_str(out, doc);
        if (w == 0) w = ou_file_write_cstr(out, "\n");
    }
    ou_decref(doc);
    return w < 0 ? OU_ERR : OU_NONE;
}

/* ---------------------------------------------------------------------------------------------
 * The module.
 * ------------------------------------------------------------------------------------------- */

static const OuMethodDef builtin_functions[] = {
    {"print", bi_print, "Prints the values to a stream, or to sys.stdout by default."},
    {"input", bi_input, "Read a string from standard input."},
    {"len", bi_len, "Return the number of items in a container."},
    {"repr", bi_repr, "Return the canonical string representation of the object."},
    {"ascii", bi_ascii, "Return an ASCII-only representation of an object."},
    {"id", bi_id, "Return the identity of an object."},
    {"hash", bi_hash, "Return the hash value for the given object."},
    {"callable", bi_callable, "Return whether the object is callable."},
    {"isinstance", bi_isinstance, "Return whether an object is an instance of a class."},
    {"issubclass", bi_issubclass, "Return whether 'cls' is derived from another class."},
    {"getattr", bi_getattr, "Get a named attribute from an object."},
    {"setattr", bi_setattr, "Sets the named attribute on the given object to the value."},
    {"delattr", bi_delattr, "Deletes the named attribute from the given object."},
    {"hasattr", bi_hasattr, "Return whether the object has an attribute with the given name."},
    {"abs", bi_abs, "Return the absolute value of the argument."},
    {"divmod", bi_divmod, "Return the tuple (x//y, x%y)."},
    {"pow", bi_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3."},
    {"round", bi_round, "Round a number to a given precision in decimal digits."},
    {"hex", bi_hex, "Return the hexadecimal representation of an integer."},
    {"oct", bi_oct, "Return the octal representation of an integer."},
    {"bin", bi_bin, "Return the binary representation of an integer."},
    {"chr", bi_chr, "Return a Unicode string of one character with ordinal i."},
    {"ord", bi_ord, "Return the Unicode code point for a one-character string."},
    {"format", bi_format, "Return value.__format__(format_spec)."},
    {"iter", bi_iter, "Get an iterator from an object."},
    {"next", bi_next, "Return the next item from the iterator."},
    {"any", bi_any, "Return True if bool(x) is True for any x in the iterable."},
    {"all", bi_all, "Return True if bool(x) is True for all values x in the iterable."},
    {"sum", bi_sum, "Return the sum of a 'start' value (default: 0) plus an iterable."},
    {"min", bi_min, "Return the smallest item."},
    {"max", bi_max, "Return the largest item."},
    {"sorted", bi_sorted, "Return a new list containing all items from the iterable."},
    {"globals", bi_globals, "Return the dictionary containing the current scope's globals."},
    {"locals", bi_locals, "Return a dictionary containing the current scope's locals."},
    {"vars", bi_vars, "Show vars."},
    {"dir", bi_dir, "Show attributes of an object."},
    {"open", file_open, "Open file and return a stream."},
    {"eval", bi_eval, "Evaluate the given source in the context of globals and locals."},
    {"exec", bi_exec, "Execute the given source in the context of globals and locals."},
    {"__import__", bi_import, "Import a module."},
    {"compile", bi_compile, "Compile source into a code object."},
    {"help", bi_help, "Show help."},
    {NULL, NULL, NULL},
};

Value mod_builtins_module(void)
{
    Value m = ou_module_new("builtins");
    if (IS_ERR(m)) return OU_ERR;
    OuModule *mod = (OuModule *)AS_OBJ(m);
    Value old = mod->dict;
    mod->dict = ou_newref(vm.builtins);
    ou_decref(old);
    return m;
}

int vm_init_builtins(void)
{
    if (ou_type_ready(&calliter_type) < 0 || ou_type_ready(&quitter_type) < 0) return -1;
    Value d = ou_dict_new();
    if (IS_ERR(d)) return -1;
    Value modname = ou_str_intern("builtins");
    if (ou_add_functions(d, builtin_functions, modname) < 0) goto fail;

    struct { const char *name; OuType *type; } types[] = {
        {"int", &ou_int_type}, {"float", &ou_float_type}, {"str", &ou_str_type},
        {"bool", &ou_bool_type}, {"list", &ou_list_type}, {"tuple", &ou_tuple_type},
        {"dict", &ou_dict_type}, {"set", &ou_set_type}, {"frozenset", &ou_frozenset_type},
        {"range", &ou_range_type}, {"slice", &ou_slice_type}, {"object", &ou_object_type},
        {"type", &ou_type_type}, {"super", &ou_super_type}, {"property", &ou_property_type},
        {"staticmethod", &ou_staticmethod_type}, {"classmethod", &ou_classmethod_type},
        {"enumerate", &ou_enumerate_type}, {"zip", &ou_zip_type}, {"map", &ou_map_type},
        {"filter", &ou_filter_type}, {"reversed", &ou_reversed_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ou_dict_set_str(d, types[i].name, MK_OBJ(types[i].type)) < 0) goto fail;

#define ADD_EXC(name, base)                                                                     \
    if (ou_dict_set_str(d, #name, MK_OBJ(ou_##name)) < 0) goto fail;
    OU_EXC_LIST(ADD_EXC)
#undef ADD_EXC
    /* CPython's aliases of OSError. */
    if (ou_dict_set_str(d, "IOError", MK_OBJ(ou_OSError)) < 0) goto fail;
    if (ou_dict_set_str(d, "EnvironmentError", MK_OBJ(ou_OSError)) < 0) goto fail;

    if (ou_dict_set_str(d, "exit", MK_OBJ(&exit_obj)) < 0) goto fail;
    if (ou_dict_set_str(d, "quit", MK_OBJ(&quit_obj)) < 0) goto fail;
    if (ou_dict_set_str(d, "NotImplemented", ou_NotImplemented) < 0) goto fail;
    if (ou_dict_set_str(d, "Ellipsis", ou_Ellipsis) < 0) goto fail;
    if (ou_dict_set_str(d, "__debug__", OU_TRUE) < 0) goto fail;
    if (ou_dict_set_str(d, "__name__", modname) < 0) goto fail;
    if (ou_dict_set_str(d, "__doc__", OU_NONE) < 0) goto fail;
    vm.builtins = d;
    return 0;
fail:
    ou_decref(d);
    return -1;
}
