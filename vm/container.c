/* container.c: helpers shared by the container types (argument checks with CPython's
 * messages, the repr buffer, the unhashable hash slot). */
#include "container.h"

#include <stdlib.h>

int ct_no_kw(Value kwnames, const char *fname) {
    if (ct_nkw(kwnames) == 0) return 0;
    ou_err_format(ou_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int ct_args_one(const char *fname, int nargs) {
    if (nargs == 1) return 0;
    ou_err_format(ou_TypeError, "%s() takes exactly one argument (%d given)", fname, nargs);
    return -1;
}

int ct_args_none(const char *fname, int nargs) {
    if (nargs == 0) return 0;
    ou_err_format(ou_TypeError, "%s() takes no arguments (%d given)", fname, nargs);
    return -1;
}

int ct_args_range(const char *fname, int nargs, int min, int max) {
    if (nargs < min) {
        ou_err_format(ou_TypeError, "%s expected %s%d argument%s, got %d", fname,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ou_err_format(ou_TypeError, "%s expected %s%d argument%s, got %d", fname,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int ct_args_wrap(int nargs, int n) {
    if (nargs == n) return 0;
    ou_err_format(ou_TypeError, "expected %d argument%s, got %d", n, n == 1 ? "" : "s", nargs);
    return -1;
}

void ct_buf_init(CtBuf *b) {
    b->p = b->inl;
    b->len = 0;
    b->cap = (int64_t)sizeof b->inl;
}

int ct_buf_put(CtBuf *b, const char *s, int64_t n) {
    if (b->len + n > b->cap) {
        int64_t ncap = b->cap * 2;
        while (ncap < b->len + n) ncap *= 2;
        char *np;
        if (b->p == b->inl) {
            np = ou_mem_alloc((size_t)ncap);
            if (np) memcpy(np, b->p, (size_t)b->len);
        } else {
            np = ou_mem_realloc(b->p, (size_t)ncap);
        }
        if (!np) return -1;
        b->p = np;
        b->cap = ncap;
    }
    memcpy(b->p + b->len, s, (size_t)n);
    b->len += n;
    return 0;
}

int ct_buf_put_str(CtBuf *b, Value s) { return ct_buf_put(b, ou_str_data(s), ou_str_len(s)); }

int ct_buf_put_repr(CtBuf *b, Value v) {
    Value r = ou_repr(v);
    if (IS_ERR(r)) return -1;
    int rc = ct_buf_put_str(b, r);
    ou_decref(r);
    return rc;
}

void ct_buf_free(CtBuf *b) {
    if (b->p != b->inl) ou_mem_free(b->p);
    b->p = b->inl;
}

Value ct_buf_finish(CtBuf *b) {
    Value s = ou_str_new(b->p, b->len);
    ct_buf_free(b);
    return s;
}

int64_t ct_unhashable(Value self) {
    ou_err_format(ou_TypeError, "unhashable type: '%s'", OU_TYPE_NAME(self));
    return -1;
}

int ct_add_classmethod(OuType *t, const char *name, ou_cfunc fn) {
    Value f = ou_cfunction_new(name, fn, OU_UNDEF, NULL);
    if (IS_ERR(f)) return -1;
    OuStaticMethod *cm = ou_obj_alloc(&ou_classmethod_type, sizeof(OuStaticMethod));
    if (!cm) {
        ou_decref(f);
        return -1;
    }
    cm->func = f;
    int rc = ou_dict_set_str(t->dict, name, MK_OBJ(cm));
    ou_decref(MK_OBJ(cm));
    return rc;
}
