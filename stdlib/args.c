/* args.c: ou_parse_args, the argument parser of builtin functions.
 *
 * The spec is a string of 'O' (one parameter each), with '|' before the first optional
 * parameter and '$' before the first keyword-only one. A parameter whose name is "" is
 * positional-only. Errors follow CPython's PyArg_ParseTupleAndKeywords word for word, and are
 * checked in the same order: too many arguments, then each parameter in turn (a missing
 * required one is reported first), then keywords that matched nothing. */
#include "stdlib.h"

/* The most parameters a spec may name; builtins have far fewer. */
#define MAX_PARAMS 32

int ou_parse_args(Value *args, int nargs, Value kwnames, const char *fname, const char *spec,
                  const char *const *names, ...)
{
    Value *outs[MAX_PARAMS];
    int npar = 0, nreq = -1, kwstart = -1, nposonly = 0;
    va_list ap;

    va_start(ap, names);
    for (const char *p = spec; *p; p++) {
        if (*p == '|') {
            nreq = npar;
        } else if (*p == '$') {
            kwstart = npar;
            if (nreq < 0) nreq = npar;
        } else if (npar < MAX_PARAMS) {
            outs[npar++] = va_arg(ap, Value *);
        }
    }
    va_end(ap);
    if (nreq < 0) nreq = npar;
    if (kwstart < 0) kwstart = npar;
    while (nposonly < npar && names[nposonly][0] == '\0') nposonly++;

    int nkw = IS_UNDEF(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs + nkw > npar) {
        ou_err_format(ou_TypeError, "%s() takes at most %d %sargument%s (%d given)", fname, npar,
                      nargs == 0 ? "keyword " : "", npar == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > kwstart) {
        if (kwstart == 0)
            ou_err_format(ou_TypeError, "%s() takes no positional arguments", fname);
        else
            ou_err_format(ou_TypeError, "%s() takes %s %d positional argument%s (%d given)",
                          fname, nreq < kwstart ? "at most" : "exactly", kwstart,
                          kwstart == 1 ? "" : "s", nargs);
        return -1;
    }

    /* used[k] marks keyword k as consumed by a parameter. */
    bool used[MAX_PARAMS] = {false};
    int nused = 0;
    for (int i = 0; i < npar; i++) {
        if (i < nargs) {
            *outs[i] = args[i];
            continue;
        }
        bool found = false;
        if (i >= nposonly) {
            for (int k = 0; k < nkw; k++) {
                if (!used[k] && ou_str_eq_cstr(AS_TUPLE(kwnames)->items[k], names[i])) {
                    *outs[i] = args[nargs + k];
                    used[k] = true;
                    nused++;
                    found = true;
                    break;
                }
            }
        }
        if (found || i >= nreq) continue;
        if (i < nposonly) {
            int minpos = nposonly < nreq ? nposonly : nreq;
            ou_err_format(ou_TypeError, "%s() takes %s %d positional argument%s (%d given)",
                          fname, minpos < kwstart ? "at least" : "exactly", minpos,
                          minpos == 1 ? "" : "s", nargs);
        } else {
            ou_err_format(ou_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                          names[i], i + 1);
        }
        return -1;
    }
    if (nused == nkw) return 0;

    /* Some keyword matched no parameter: either it names one already given by position, or
     * no parameter at all. */
    for (int k = 0; k < nkw; k++) {
        if (used[k]) continue;
        Value kw = AS_TUPLE(kwnames)->items[k];
        for (int i = nposonly; i < npar && i < nargs; i++) {
            if (ou_str_eq_cstr(kw, names[i])) {
                ou_err_format(ou_TypeError,
                              "argument for %s() given by name ('%s') and position (%d)", fname,
                              names[i], i + 1);
                return -1;
            }
        }
        ou_err_format(ou_TypeError, "'%U' is an invalid keyword argument for %s()", kw, fname);
        return -1;
    }
    return 0;
}
