/* call.c: frames and the binding of call arguments to parameters.
 *
 * Binding follows CPython's order (initialize_locals in ceval.c) so that the same call fails
 * with the same message: positional arguments first, then keywords (unexpected / duplicate),
 * then too many positionals, then missing positionals (defaults fill the tail), then missing
 * keyword-only arguments.
 */
#include <stdio.h>

#include "interp.h"

/* The frame array (declared in interp.h). Frames never move while alive. */
VmFrame vm_frames[OU_MAX_FRAMES_HARD + 1];

uintptr_t vm_c_stack_limit;

bool vm_c_stack_low(void) {
    return (uintptr_t)__builtin_frame_address(0) < vm_c_stack_limit;
}

static Value recursion_error(void) {
    return ou_err_format(ou_RecursionError, "maximum recursion depth exceeded");
}

/* Reserves a frame and its stack window; all slots OU_UNDEF. NULL + exception on failure. */
static VmFrame *frame_alloc(OuCode *co) {
    if (vm.depth + vm.c_depth >= vm.recursion_limit || vm.depth >= OU_MAX_FRAMES_HARD) {
        recursion_error();
        return NULL;
    }
    int32_t nslots = co->nlocals + co->ncellvars + co->nfreevars;
    Value *base = vm.stack_top;
    int64_t need = (int64_t)nslots + (int64_t)co->blocksize * VM_BLOCK_SLOTS + co->stacksize;
    if (need > (vm.stack + OU_STACK_SIZE) - base) {
        recursion_error();
        return NULL;
    }
    VmFrame *f = &vm_frames[vm.depth];
    f->back = vm.frame;
    f->code = co;
    f->func = NULL;
    f->base = base;
    for (int32_t i = 0; i < nslots; i++) base[i] = OU_UNDEF;
    f->blocks = (VmBlock *)(base + nslots);
    f->nblocks = 0;
    f->stackbase = base + nslots + co->blocksize * VM_BLOCK_SLOTS;
    f->sp = f->stackbase;
    f->ip = 0;
    f->handled_exc = OU_UNDEF;
    f->locals = OU_UNDEF;
    vm.stack_top = f->stackbase + co->stacksize;
    vm.depth++;
    vm.frame = f;
    return f;
}

/* The references are released while the frame still owns its window (vm.stack_top above
 * it), because a __del__ run by a decref calls Python code that pushes frames there. */
void vm_frame_pop(VmFrame *f) {
    OuCode *co = f->code;
    Value *base = f->base;
    int32_t nslots = co->nlocals + co->ncellvars + co->nfreevars;
    for (int32_t i = 0; i < nslots; i++) ou_xdecref(base[i]);
    for (Value *p = f->stackbase; p < f->sp; p++) ou_xdecref(*p);
    for (int32_t i = 0; i < f->nblocks; i++)
        if (f->blocks[i].kind == VM_BLOCK_EXCEPT_HANDLER) ou_xdecref(f->blocks[i].saved_exc);
    f->nblocks = 0;
    ou_xdecref(f->handled_exc);
    ou_xdecref(f->locals);
    if (f->func) {
        ou_decref(MK_OBJ(f->func));
    } else {
        ou_decref(f->globals);
        ou_decref(f->builtins);
        ou_decref(MK_OBJ(co));
    }
    vm.frame = f->back;
    vm.depth--;
    vm.stack_top = base;
}

/* ---- error messages of binding ---- */

static Value fn_qualname(OuFunction *f) {
    return IS_STR(f->qualname) ? f->qualname : f->code->qualname;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" for the missing parameters whose slot is unset. */
static void missing_arguments(OuFunction *f, Value *fast, int start, int end, const char *kind) {
    OuCode *co = f->code;
    Value names = ou_list_new(0);
    if (IS_ERR(names)) return;
    for (int i = start; i < end; i++) {
        if (!IS_UNDEF(fast[i])) continue;
        Value r = ou_repr(AS_TUPLE(co->varnames)->items[i]);
        if (IS_ERR(r) || ou_list_append_steal(names, r) < 0) {
            ou_decref(names);
            return;
        }
    }
    OuList *l = AS_LIST(names);
    int64_t n = l->len;
    Value text;
    if (n == 1) {
        text = ou_newref(l->items[0]);
    } else if (n == 2) {
        text = ou_str_printf("%U and %U", l->items[0], l->items[1]);
    } else {
        text = ou_str_cstr("");
        for (int64_t i = 0; i < n && !IS_ERR(text); i++) {
            Value t = ou_str_printf(i == n - 1 ? "%Uand %U" : "%U%U, ", text, l->items[i]);
            ou_decref(text);
            text = t;
        }
    }
    ou_decref(names);
    if (IS_ERR(text)) return;
    ou_err_format(ou_TypeError, "%U() missing %d required %s argument%s: %U", fn_qualname(f),
                  (int)n, kind, n == 1 ? "" : "s", text);
    ou_decref(text);
}

static void too_many_positional(OuFunction *f, Value *fast, int given) {
    OuCode *co = f->code;
    int argc = co->argcount;
    int ndefs = IS_TUPLE(f->defaults) ? (int)AS_TUPLE(f->defaults)->len : 0;
    int kwonly_given = 0;
    for (int i = argc; i < argc + co->kwonlyargcount; i++)
        if (!IS_UNDEF(fast[i])) kwonly_given++;
    char sig[64], kwsig[96];
    if (ndefs)
        snprintf(sig, sizeof sig, "from %d to %d", argc - ndefs, argc);
    else
        snprintf(sig, sizeof sig, "%d", argc);
    kwsig[0] = 0;
    if (kwonly_given)
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    ou_err_format(ou_TypeError, "%U() takes %s positional argument%s but %d%s %s given",
                  fn_qualname(f), sig, (ndefs || argc != 1) ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
}

/* CPython's check that names the positional-only parameters passed by keyword: -1 with the
 * TypeError set when there are any, else 0. */
static int posonly_as_keyword(OuFunction *f, Value kwnames) {
    OuCode *co = f->code;
    Value *names = AS_TUPLE(co->varnames)->items;
    Value text = OU_UNDEF;
    for (int64_t k = 0; k < AS_TUPLE(kwnames)->len; k++) {
        Value key = AS_TUPLE(kwnames)->items[k];
        for (int j = 0; j < co->posonlyargcount; j++) {
            if (names[j] != key && !ou_str_eq(names[j], key)) continue;
            Value t = IS_UNDEF(text) ? ou_newref(key) : ou_str_printf("%U, %U", text, key);
            ou_xdecref(text);
            if (IS_ERR(t)) return -1;
            text = t;
            break;
        }
    }
    if (IS_UNDEF(text)) return 0;
    ou_err_format(ou_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  fn_qualname(f), text);
    ou_decref(text);
    return -1;
}

/* Binds args into fast[0..nlocals). Borrowed arguments; stored values are new references.
 * On failure the frame's slots hold whatever was bound (released by vm_frame_pop). */
static int bind_args(OuFunction *f, Value *fast, Value *args, int nargs, Value kwnames) {
    OuCode *co = f->code;
    int argc = co->argcount, total = argc + co->kwonlyargcount;
    uint32_t flags = co->flags;
    Value kwdict = OU_UNDEF;
    if (flags & OU_CO_VARKW) {
        kwdict = ou_dict_new();
        if (IS_ERR(kwdict)) return -1;
        fast[total + ((flags & OU_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    int n = nargs < argc ? nargs : argc;
    for (int i = 0; i < n; i++) fast[i] = ou_newref(args[i]);
    if (flags & OU_CO_VARARGS) {
        Value t = nargs > argc ? ou_tuple_from(args + argc, nargs - argc) : ou_newref(ou_empty_tuple);
        if (IS_ERR(t)) return -1;
        fast[total] = t;
    }
    if (IS_TUPLE(kwnames)) {
        OuTuple *kn = AS_TUPLE(kwnames);
        Value *names = AS_TUPLE(co->varnames)->items;
        for (int64_t k = 0; k < kn->len; k++) {
            Value key = kn->items[k], v = args[nargs + k];
            int j, posonly = co->posonlyargcount;
            for (j = posonly; j < total; j++)
                if (names[j] == key) break;
            if (j == total)
                for (j = posonly; j < total; j++)
                    if (ou_str_eq(names[j], key)) break;
            if (j == total) {
                if (IS_UNDEF(kwdict)) {
                    if (posonly && posonly_as_keyword(f, kwnames) < 0) return -1;
                    ou_err_format(ou_TypeError, "%U() got an unexpected keyword argument '%U'",
                                  fn_qualname(f), key);
                    return -1;
                }
                if (ou_dict_set(kwdict, key, v) < 0) return -1;
                continue;
            }
            if (!IS_UNDEF(fast[j])) {
                ou_err_format(ou_TypeError, "%U() got multiple values for argument '%U'",
                              fn_qualname(f), key);
                return -1;
            }
            fast[j] = ou_newref(v);
        }
    }
    if (nargs > argc && !(flags & OU_CO_VARARGS)) {
        too_many_positional(f, fast, nargs);
        return -1;
    }
    if (nargs < argc) {
        OuTuple *defs = IS_TUPLE(f->defaults) ? AS_TUPLE(f->defaults) : NULL;
        int ndefs = defs ? (int)defs->len : 0;
        int m = argc - ndefs;
        for (int i = nargs; i < m; i++)
            if (IS_UNDEF(fast[i])) {
                missing_arguments(f, fast, nargs, m, "positional");
                return -1;
            }
        for (int i = m > nargs ? m : nargs; i < argc; i++)
            if (IS_UNDEF(fast[i])) fast[i] = ou_newref(defs->items[i - m]);
    }
    if (co->kwonlyargcount) {
        bool missing = false;
        Value *names = AS_TUPLE(co->varnames)->items;
        for (int i = argc; i < total; i++) {
            if (!IS_UNDEF(fast[i])) continue;
            if (IS_DICT(f->kwdefaults)) {
                Value d = ou_dict_get(f->kwdefaults, names[i]);
                if (IS_ERR(d)) return -1;
                if (!IS_UNDEF(d)) {
                    fast[i] = ou_newref(d);
                    continue;
                }
            }
            missing = true;
        }
        if (missing) {
            missing_arguments(f, fast, argc, total, "keyword-only");
            return -1;
        }
    }
    return 0;
}

/* Creates the cells of a new frame: cellvars (moving a captured parameter into its cell) and
 * the free variables from the function's closure. */
static int make_cells(VmFrame *fr, OuFunction *func) {
    OuCode *co = fr->code;
    Value *cells = fr->base + co->nlocals;
    for (int32_t i = 0; i < co->ncellvars; i++) {
        int32_t a = co->cell2arg ? co->cell2arg[i] : -1;
        Value init = a >= 0 ? fr->base[a] : OU_UNDEF;
        Value c = ou_cell_new(init);
        if (IS_ERR(c)) return -1;
        cells[i] = c;
        if (a >= 0) {
            fr->base[a] = OU_UNDEF;
            ou_xdecref(init);
        }
    }
    if (co->nfreevars) {
        if (!func || !IS_TUPLE(func->closure) || AS_TUPLE(func->closure)->len < co->nfreevars) {
            ou_err_format(ou_TypeError, "closure does not match code");
            return -1;
        }
        Value *cl = AS_TUPLE(func->closure)->items;
        for (int32_t i = 0; i < co->nfreevars; i++) cells[co->ncellvars + i] = ou_newref(cl[i]);
    }
    return 0;
}

VmFrame *vm_frame_push_call(OuFunction *f, Value *args, int nargs, Value kwnames, Value locals) {
    OuCode *co = f->code;
    VmFrame *fr = frame_alloc(co);
    if (!fr) return NULL;
    fr->func = f;
    ou_incref(MK_OBJ(f));
    fr->globals = f->globals;
    fr->builtins = f->builtins;
    fr->locals = ou_newref(locals);
    /* Fast path: exactly the positional parameters, nothing else to work out. */
    if (nargs == co->argcount && IS_UNDEF(kwnames) &&
        !(co->flags & (OU_CO_VARARGS | OU_CO_VARKW)) && co->kwonlyargcount == 0) {
        for (int i = 0; i < nargs; i++) fr->base[i] = ou_newref(args[i]);
    } else if (bind_args(f, fr->base, args, nargs, kwnames) < 0) {
        vm_frame_pop(fr);
        return NULL;
    }
    if ((co->ncellvars || co->nfreevars) && make_cells(fr, f) < 0) {
        vm_frame_pop(fr);
        return NULL;
    }
    return fr;
}

VmFrame *vm_frame_push_code(OuCode *code, Value globals, Value locals) {
    VmFrame *fr = frame_alloc(code);
    if (!fr) return NULL;
    Value builtins = IS_DICT(globals) ? ou_dict_get_str(globals, "__builtins__") : OU_UNDEF;
    if (ou_is_type(builtins, &ou_module_type)) builtins = ((OuModule *)AS_OBJ(builtins))->dict;
    if (!IS_DICT(builtins)) builtins = vm.builtins;
    ou_incref(MK_OBJ(code));
    fr->globals = ou_newref(globals);
    fr->builtins = ou_newref(builtins);
    fr->locals = ou_newref(locals);
    if ((code->ncellvars || code->nfreevars) && make_cells(fr, NULL) < 0) {
        vm_frame_pop(fr);
        return NULL;
    }
    return fr;
}

Value vm_call_function(OuFunction *f, Value *args, int nargs, Value kwnames) {
    /* Entering Python from C is a safe point too: C loops that call back into Python code
     * (list(iterator), sorted with a key, map...) must stay interruptible by Ctrl-C. */
    if (vm.interrupted) return vm_raise_interrupt();
    if (vm_c_stack_low())
        return ou_err_format(ou_RecursionError,
                             "maximum recursion depth exceeded while calling a Python object");
    VmFrame *fr = vm_frame_push_call(f, args, nargs, kwnames, OU_UNDEF);
    if (!fr) return OU_ERR;
    return vm_eval(fr);
}

Value vm_run_code(OuCode *code, Value globals, Value locals) {
    if (vm_c_stack_low())
        return ou_err_format(ou_RecursionError,
                             "maximum recursion depth exceeded while calling a Python object");
    VmFrame *fr = vm_frame_push_code(code, globals, IS_UNDEF(locals) ? globals : locals);
    if (!fr) return OU_ERR;
    return vm_eval(fr);
}

/* ---- frame introspection for builtins ---- */

VmFrame *vm_current_frame(void) { return vm.frame; }

Value vm_handled_exception(void) {
    for (VmFrame *f = vm.frame; f; f = f->back)
        if (IS_OBJ(f->handled_exc)) return f->handled_exc;
    return OU_UNDEF;
}

Value vm_frame_locals(VmFrame *f) {
    if (!f) return ou_dict_new();
    if (IS_OBJ(f->locals)) return ou_newref(f->locals);
    OuCode *co = f->code;
    Value d = ou_dict_new();
    if (IS_ERR(d)) return OU_ERR;
    Value *names = AS_TUPLE(co->varnames)->items;
    for (int32_t i = 0; i < co->nlocals; i++)
        if (!IS_UNDEF(f->base[i]) && ou_dict_set(d, names[i], f->base[i]) < 0) goto fail;
    for (int32_t i = 0; i < co->ncellvars + co->nfreevars; i++) {
        Value c = f->base[co->nlocals + i];
        if (!ou_is_type(c, &ou_cell_type)) continue;
        Value v = ((OuCell *)AS_OBJ(c))->v;
        if (IS_UNDEF(v)) continue;
        Value name = i < co->ncellvars ? AS_TUPLE(co->cellvars)->items[i]
                                       : AS_TUPLE(co->freevars)->items[i - co->ncellvars];
        if (ou_dict_set(d, name, v) < 0) goto fail;
    }
    return d;
fail:
    ou_decref(d);
    return OU_ERR;
}

int vm_super_args(OuType **cls, Value *self) {
    VmFrame *f = vm.frame;
    if (!f || !f->func) {
        ou_err_format(ou_RuntimeError, "super(): no arguments");
        return -1;
    }
    OuCode *co = f->code;
    if (co->argcount == 0 && !(co->flags & OU_CO_VARARGS)) {
        ou_err_format(ou_RuntimeError, "super(): no arguments");
        return -1;
    }
    Value first = f->base[0];
    /* A first parameter captured by an inner function lives in its cell. */
    for (int32_t i = 0; IS_UNDEF(first) && co->cell2arg && i < co->ncellvars; i++)
        if (co->cell2arg[i] == 0) first = ((OuCell *)AS_OBJ(f->base[co->nlocals + i]))->v;
    if (IS_UNDEF(first) && co->argcount == 0 && IS_TUPLE(f->base[0]) && AS_TUPLE(f->base[0])->len)
        first = AS_TUPLE(f->base[0])->items[0];
    if (IS_UNDEF(first)) {
        ou_err_format(ou_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int32_t i = 0; i < co->nfreevars; i++) {
        if (!ou_str_eq_cstr(AS_TUPLE(co->freevars)->items[i], "__class__")) continue;
        Value c = f->base[co->nlocals + co->ncellvars + i];
        Value v = ou_is_type(c, &ou_cell_type) ? ((OuCell *)AS_OBJ(c))->v : OU_UNDEF;
        if (IS_UNDEF(v)) {
            ou_err_format(ou_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!ou_instance_of(v, &ou_type_type)) {
            ou_err_format(ou_RuntimeError, "super(): __class__ is not a type (%T)", v);
            return -1;
        }
        *cls = AS_TYPE(v);
        *self = first;
        return 0;
    }
    ou_err_format(ou_RuntimeError, "super(): __class__ cell not found");
    return -1;
}
