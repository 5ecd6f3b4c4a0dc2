/* assemble.c: the back end of the compiler. Collects the instructions, constants and names of
 * one code object, resolves jump labels to absolute instruction indices, computes the maximum
 * evaluation-stack depth and block-stack depth over every path, and builds the OuCode. */
#include "compile.h"
#include "interp.h"

#include <stdio.h>

#define INIT_CAP 64

int as_init(AsBuf *b) {
    memset(b, 0, sizeof *b);
    b->consts = ou_list_new(0);
    if (IS_ERR(b->consts)) return -1;
    b->names = ou_list_new(0);
    if (IS_ERR(b->names)) {
        ou_decref(b->consts);
        return -1;
    }
    b->line = 1;
    return 0;
}

void as_free(AsBuf *b) {
    ou_mem_free(b->code);
    ou_mem_free(b->lines);
    ou_mem_free(b->cols);
    ou_mem_free(b->labels);
    ou_mem_free(b->const_index);
    ou_mem_free(b->name_index);
    ou_xdecref(b->consts);
    ou_xdecref(b->names);
    memset(b, 0, sizeof *b);
    b->consts = b->names = OU_UNDEF;
}

int as_emit(AsBuf *b, int op, int arg) {
    if (arg < 0 || arg > OU_ARG_MAX) {
        ou_err_format(ou_SyntaxError, "too many items in one instruction argument");
        return -1;
    }
    if (b->n == b->cap) {
        int ncap = b->cap ? b->cap * 2 : INIT_CAP;
        uint32_t *c = ou_mem_realloc(b->code, sizeof(uint32_t) * (size_t)ncap);
        if (!c) return -1;
        b->code = c;
        int32_t *l = ou_mem_realloc(b->lines, sizeof(int32_t) * (size_t)ncap);
        if (!l) return -1;
        b->lines = l;
        int32_t *k = ou_mem_realloc(b->cols, sizeof(int32_t) * (size_t)ncap);
        if (!k) return -1;
        b->cols = k;
        b->cap = ncap;
    }
    b->code[b->n] = OU_INSTR(op, arg);
    b->lines[b->n] = b->line;
    b->cols[b->n] = b->col;
    b->n++;
    return 0;
}

int as_new_label(AsBuf *b) {
    if (b->nlabels == b->caplabels) {
        int ncap = b->caplabels ? b->caplabels * 2 : 16;
        int *l = ou_mem_realloc(b->labels, sizeof(int) * (size_t)ncap);
        if (!l) return -1;
        b->labels = l;
        b->caplabels = ncap;
    }
    b->labels[b->nlabels] = -1;
    return b->nlabels++;
}

void as_bind(AsBuf *b, int label) { b->labels[label] = b->n; }

bool as_is_jump(int op) {
    switch (op) {
    case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER:
    case OP_SETUP_EXCEPT: case OP_SETUP_WITH: case OP_JUMP_IF_NOT_EXC_MATCH:
        return true;
    default:
        return false;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Constant and name tables.
 * ------------------------------------------------------------------------------------------- */
static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h;
}

/* Hash under the constant-identity rule (type and value; see as_const). */
static uint64_t const_hash(Value v) {
    if (!IS_OBJ(v)) return mix(1, v);
    OuObject *o = AS_OBJ(v);
    if (o->type == &ou_str_type) {
        uint64_t h = 2;
        OuStr *s = (OuStr *)o;
        for (int64_t i = 0; i < s->len; i++) h = (h ^ (uint8_t)s->data[i]) * 1099511628211ULL;
        return h;
    }
    if (o->type == &ou_int_type) return mix(3, (uint64_t)ou_hash(v));
    if (o->type == &ou_tuple_type) {
        OuTuple *t = (OuTuple *)o;
        uint64_t h = mix(4, (uint64_t)t->len);
        for (int64_t i = 0; i < t->len; i++) h = mix(h, const_hash(t->items[i]));
        return h;
    }
    return mix(5, (uint64_t)(uintptr_t)o);
}

static bool const_eq(Value a, Value b) {
    if (a == b) return true;
    if (!IS_OBJ(a) || !IS_OBJ(b)) return false;
    OuObject *x = AS_OBJ(a), *y = AS_OBJ(b);
    if (x->type != y->type) return false;
    if (x->type == &ou_str_type) {
        OuStr *s = (OuStr *)x, *t = (OuStr *)y;
        return s->len == t->len && memcmp(s->data, t->data, (size_t)s->len) == 0;
    }
    if (x->type == &ou_int_type) return ou_equal(a, b) == 1;
    if (x->type == &ou_tuple_type) {
        OuTuple *s = (OuTuple *)x, *t = (OuTuple *)y;
        if (s->len != t->len) return false;
        for (int64_t i = 0; i < s->len; i++)
            if (!const_eq(s->items[i], t->items[i])) return false;
        return true;
    }
    return false;
}

/* Generic open-addressing index of list positions (entry = position + 1). */
static int index_grow(int **index, int *nindex, Value list, uint64_t (*hash)(Value)) {
    int n = *nindex ? *nindex * 2 : 32;
    int *ix = ou_mem_alloc(sizeof(int) * (size_t)n);
    if (!ix) return -1;
    memset(ix, 0, sizeof(int) * (size_t)n);
    OuList *l = AS_LIST(list);
    for (int64_t k = 0; k < l->len; k++) {
        int i = (int)(hash(l->items[k]) & (uint64_t)(n - 1));
        while (ix[i]) i = (i + 1) & (n - 1);
        ix[i] = (int)k + 1;
    }
    ou_mem_free(*index);
    *index = ix;
    *nindex = n;
    return 0;
}

int as_const(AsBuf *b, Value v) {
    OuList *l = AS_LIST(b->consts);
    if ((l->len + 1) * 2 > b->nconst_index &&
        index_grow(&b->const_index, &b->nconst_index, b->consts, const_hash) < 0)
        return -1;
    int mask = b->nconst_index - 1;
    int i = (int)(const_hash(v) & (uint64_t)mask);
    for (; b->const_index[i]; i = (i + 1) & mask) {
        int k = b->const_index[i] - 1;
        if (const_eq(l->items[k], v)) return k;
    }
    if (ou_list_append(b->consts, v) < 0) return -1;
    b->const_index[i] = (int)l->len;
    return (int)l->len - 1;
}

/* Names are interned, so identity is equality. */
static uint64_t ptr_hash(Value v) { return mix(7, v); }

int as_name(AsBuf *b, const char *name) {
    Value s = ou_str_intern(name);
    if (IS_ERR(s)) return -1;
    OuList *l = AS_LIST(b->names);
    if ((l->len + 1) * 2 > b->nname_index &&
        index_grow(&b->name_index, &b->nname_index, b->names, ptr_hash) < 0) {
        ou_decref(s);
        return -1;
    }
    int mask = b->nname_index - 1;
    int i = (int)(ptr_hash(s) & (uint64_t)mask);
    for (; b->name_index[i]; i = (i + 1) & mask) {
        int k = b->name_index[i] - 1;
        if (l->items[k] == s) {
            ou_decref(s);
            return k;
        }
    }
    if (ou_list_append_steal(b->names, s) < 0) return -1;
    b->name_index[i] = (int)l->len;
    return (int)l->len - 1;
}

/* ---------------------------------------------------------------------------------------------
 * Stack effects, straight from the comments in vm/opcodes.h.
 * ------------------------------------------------------------------------------------------- */
int as_stack_effect(int op, int arg, bool jump) {
    switch (op) {
    case OP_NOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: return 0;
    case OP_POP_TOP: return -1;
    case OP_DUP_TOP: return 1;
    case OP_DUP_TOP_TWO: return 2;
    case OP_LOAD_CONST: case OP_LOAD_NONE: case OP_LOAD_SMALLINT: case OP_LOAD_FAST:
    case OP_LOAD_DEREF: case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF: case OP_LOAD_GLOBAL:
    case OP_LOAD_NAME: case OP_LOAD_ASSERTION_ERROR:
        return 1;
    case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_GLOBAL: case OP_STORE_NAME: return -1;
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_GLOBAL: case OP_DELETE_NAME: return 0;
    case OP_LOAD_ATTR: return 0;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_LOAD_METHOD: return 1;
    case OP_BINARY_SUBSCR: return -1;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BINARY_OP: case OP_BINARY_ADD: case OP_BINARY_SUB: case OP_BINARY_MUL:
    case OP_BINARY_TRUEDIV:
        return -1;
    case OP_UNARY_NEG: case OP_UNARY_POS: case OP_UNARY_INVERT: case OP_UNARY_NOT: return 0;
    case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP: return -1;
    case OP_JUMP: return 0;
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: return -1;
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case OP_GET_ITER: return 0;
    case OP_FOR_ITER: return jump ? -1 : 1;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_LIST_APPEND: case OP_SET_ADD: return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_EXTEND: case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE: return -1;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_MAKE_FUNCTION:
        return -1 - ((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0);
    case OP_CALL: return -arg;
    case OP_CALL_KW: return -arg - 1;
    case OP_CALL_EX: return -1 - arg;
    case OP_CALL_METHOD: return -arg - 1;
    case OP_CALL_METHOD_KW: return -arg - 2;
    case OP_RETURN_VALUE: return -1;
    case OP_MAKE_CLASS: return -arg - 1;
    case OP_MAKE_CLASS_KW: return -arg - 2;
    case OP_SETUP_EXCEPT: return jump ? 1 : 0;
    case OP_SETUP_WITH: return 0; /* the handler gets exc in place of enter_result */
    case OP_POP_BLOCK: case OP_PUSH_EXC_INFO: case OP_POP_EXCEPT: return 0;
    case OP_JUMP_IF_NOT_EXC_MATCH: return -1;
    case OP_RAISE: return -arg;
    case OP_RERAISE: return -1;
    case OP_BEFORE_WITH: return 1;
    case OP_WITH_EXIT: return -1;
    case OP_WITH_EXCEPT: return 1;
    case OP_IMPORT_NAME: return 1;
    case OP_IMPORT_FROM: return 1;
    case OP_IMPORT_STAR: return -1;
    case OP_PRINT_EXPR: return -1;
    case OP_SETUP_ANNOTATIONS: case OP_EXTENDED_ARG: return 0;
    default: return 0;
    }
}

static int block_effect(int op) {
    switch (op) {
    case OP_SETUP_EXCEPT: case OP_SETUP_WITH: case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_BLOCK: case OP_POP_EXCEPT: return -1;
    default: return 0;
    }
}

static bool is_terminal(int op) {
    return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RAISE || op == OP_RERAISE;
}

/* Walk every path from instruction 0 recording the stack and block depth on entry to each
 * instruction; the maxima size the frame. The compiler keeps depths consistent where paths
 * merge; a mismatch is a compiler bug, reported in debug builds. */
static int compute_depths(AsBuf *b, int *maxstack, int *maxblock) {
    int n = b->n;
    *maxstack = 0;
    *maxblock = 0;
    if (n == 0) return 0;
    int *depth = ou_mem_alloc(sizeof(int) * (size_t)n * 3);
    if (!depth) return -1;
    int *bdepth = depth + n, *work = depth + 2 * n;
    for (int i = 0; i < n; i++) depth[i] = -1;
    int nwork = 0;
    depth[0] = 0;
    bdepth[0] = 0;
    work[nwork++] = 0;
#define PROPAGATE(target, d, bd)                                                               \
    do {                                                                                       \
        int t_ = (target);                                                                     \
        if (t_ < n && depth[t_] < 0) {                                                         \
            depth[t_] = (d);                                                                   \
            bdepth[t_] = (bd);                                                                 \
            work[nwork++] = t_;                                                                \
        } else if (OU_DEBUG_COMPILE && t_ < n && depth[t_] != (d)) {                           \
            fprintf(stderr, "compiler: stack depth mismatch at %d (%d vs %d)\n", t_, depth[t_], \
                    (d));                                                                      \
        }                                                                                      \
    } while (0)
    while (nwork > 0) {
        int i = work[--nwork];
        int d = depth[i], bd = bdepth[i];
        for (;;) {
            int op = OU_OP(b->code[i]), arg = (int)OU_ARG(b->code[i]);
            if (d > *maxstack) *maxstack = d;
            if (bd > *maxblock) *maxblock = bd;
            if (as_is_jump(op)) {
                int nd = d + as_stack_effect(op, arg, true);
                if (nd > *maxstack) *maxstack = nd;
                PROPAGATE(arg, nd, bd);
            }
            if (is_terminal(op)) break;
            d += as_stack_effect(op, arg, false);
            bd += block_effect(op);
            if (d > *maxstack) *maxstack = d;
            if (bd > *maxblock) *maxblock = bd;
            if (++i >= n) break;
            if (depth[i] >= 0) {
                if (OU_DEBUG_COMPILE && depth[i] != d)
                    fprintf(stderr, "compiler: stack depth mismatch at %d (%d vs %d)\n", i,
                            depth[i], d);
                break;
            }
            depth[i] = d;
            bdepth[i] = bd;
        }
    }
#undef PROPAGATE
    ou_mem_free(depth);
    return 0;
}

/* The superinstruction pass (see the end of vm/opcodes.h): rewrites the opcode of the first
 * instruction of each group, keeping its argument and leaving the rest of the group as it is,
 * so jump targets, stack depths and line numbers stay valid. Groups do not overlap, except
 * that the COMPARE_OP of a COMPARE_SMALLINT_JUMP is itself a COMPARE_OP_JUMP (what the triple
 * falls back to). `o[k] op= v` with a constant k (nbody's `b[3] -= dx * cm`) is a triple for
 * the read and a pair for the write; `a, b = pair` into locals is a triple. The pairs that save the most (small-int arithmetic and
 * comparisons feeding a jump) are chosen first; then loads of attributes of locals, and loads
 * and stores of locals. */
static void fuse_superinstructions(uint32_t *code, int n) {
#define OPAT(i) ((i) < n ? (int)OU_OP(code[i]) : -1)
#define IS_CJUMP(op) ((op) == OP_POP_JUMP_IF_FALSE || (op) == OP_POP_JUMP_IF_TRUE)
#define SETOP(i, op) (code[i] = OU_INSTR((op), OU_ARG(code[i])))
    for (int i = 0; i + 1 < n; i++) {
        int op = OPAT(i), next = OPAT(i + 1);
        if (op == OP_LOAD_SMALLINT && next == OP_COMPARE_OP && IS_CJUMP(OPAT(i + 2))) {
            SETOP(i, OP_COMPARE_SMALLINT_JUMP);
            SETOP(i + 1, OP_COMPARE_OP_JUMP);
            i += 2;
        } else if (op == OP_LOAD_SMALLINT && next == OP_BINARY_OP) {
            SETOP(i, OP_BINARY_OP_SMALLINT);
            i++;
        } else if (op == OP_LOAD_SMALLINT && next == OP_DUP_TOP_TWO &&
                   OPAT(i + 2) == OP_BINARY_SUBSCR) {
            SETOP(i, OP_SUBSCR_SMALLINT_DUP);
            i += 2;
        } else if (op == OP_UNPACK_SEQUENCE && OU_ARG(code[i]) == 2 && next == OP_STORE_FAST &&
                   OPAT(i + 2) == OP_STORE_FAST) {
            SETOP(i, OP_UNPACK2_STORE_FAST);
            i += 2;
        } else if (op == OP_ROT_THREE && next == OP_STORE_SUBSCR) {
            SETOP(i, OP_ROT_THREE_STORE_SUBSCR);
            i++;
        } else if (op == OP_LOAD_SMALLINT && next == OP_BINARY_SUBSCR) {
            SETOP(i, OP_BINARY_SUBSCR_SMALLINT);
            i++;
        } else if (op == OP_COMPARE_OP && IS_CJUMP(next)) {
            SETOP(i, OP_COMPARE_OP_JUMP);
            i++;
        } else if (op == OP_IS_OP && IS_CJUMP(next)) {
            SETOP(i, OP_IS_OP_JUMP);
            i++;
        } else if (op == OP_CONTAINS_OP && IS_CJUMP(next)) {
            SETOP(i, OP_CONTAINS_OP_JUMP);
            i++;
        }
    }
    for (int i = 0; i + 1 < n; i++) {
        int op = OPAT(i), next = OPAT(i + 1);
        if (op == OP_LOAD_FAST && (next == OP_LOAD_ATTR || next == OP_STORE_ATTR)) {
            SETOP(i, next == OP_LOAD_ATTR ? OP_LOAD_FAST_LOAD_ATTR : OP_LOAD_FAST_STORE_ATTR);
            i++;
            continue;
        }
        if (op == OP_LOAD_FAST && next == OP_BINARY_SUBSCR_SMALLINT) { /* `b[0]` (nbody) */
            SETOP(i, OP_LOAD_FAST_SUBSCR_SMALLINT);
            i += 2;
            continue;
        }
        /* `self.x` (read or assigned) saves more as a pair (a reference count taken and
         * dropped, besides a dispatch) than the load of a local before it does: leave that
         * one alone. */
        if (next != OP_LOAD_FAST || OPAT(i + 2) == OP_LOAD_ATTR || OPAT(i + 2) == OP_STORE_ATTR ||
            OPAT(i + 2) == OP_BINARY_SUBSCR_SMALLINT)
            continue;
        if (op == OP_LOAD_FAST) SETOP(i, OP_LOAD_FAST_LOAD_FAST);
        else if (op == OP_STORE_FAST) SETOP(i, OP_STORE_FAST_LOAD_FAST);
        else continue;
        i++;
    }
    /* Last, BINARY_OP by operator (also the BINARY_OP that ends a BINARY_OP_SMALLINT pair:
     * the pair reads only its arg, which stays). */
    for (int i = 0; i < n; i++) {
        if (OPAT(i) != OP_BINARY_OP) continue;
        switch ((int)OU_ARG(code[i]) & ~OU_BIN_INPLACE) {
        case OU_BIN_ADD: SETOP(i, OP_BINARY_ADD); break;
        case OU_BIN_SUB: SETOP(i, OP_BINARY_SUB); break;
        case OU_BIN_MUL: SETOP(i, OP_BINARY_MUL); break;
        case OU_BIN_TRUEDIV: SETOP(i, OP_BINARY_TRUEDIV); break;
        default: break;
        }
    }
#undef OPAT
#undef IS_CJUMP
#undef SETOP
}

static Value list_to_tuple(Value list) {
    OuList *l = AS_LIST(list);
    return ou_tuple_from(l->items, l->len);
}

OuCode *as_finish(AsBuf *b, const AsCodeInfo *info) {
    for (int i = 0; i < b->n; i++) {
        int op = OU_OP(b->code[i]);
        if (as_is_jump(op)) {
            int target = b->labels[OU_ARG(b->code[i])];
            if (target < 0) {
                ou_err_format(ou_RuntimeError, "compiler: unbound label");
                return NULL;
            }
            b->code[i] = OU_INSTR(op, target);
        }
    }
    int maxstack, maxblock;
    if (compute_depths(b, &maxstack, &maxblock) < 0) return NULL;
    fuse_superinstructions(b->code, b->n);

    OuCode *co = ou_obj_alloc(&ou_code_type, sizeof(OuCode));
    if (!co) return NULL;
    /* Every Value field starts as a valid object so that dealloc on a later error is safe. */
    co->consts = co->names = co->varnames = co->cellvars = co->freevars = OU_UNDEF;
    co->name = co->qualname = co->filename = co->docstring = OU_UNDEF;
    size_t nc = (size_t)(b->n ? b->n : 1);
    co->code = ou_mem_alloc(sizeof(uint32_t) * nc);
    co->lines = ou_mem_alloc(sizeof(int32_t) * nc);
    co->cols = ou_mem_alloc(sizeof(int32_t) * nc);
    if (!co->code || !co->lines || !co->cols) goto fail;
    if (b->n) {
        memcpy(co->code, b->code, sizeof(uint32_t) * (size_t)b->n);
        memcpy(co->lines, b->lines, sizeof(int32_t) * (size_t)b->n);
        memcpy(co->cols, b->cols, sizeof(int32_t) * (size_t)b->n);
    }
    co->ncode = b->n;
    co->argcount = info->argcount;
    co->kwonlyargcount = info->kwonlyargcount;
    co->posonlyargcount = info->posonlyargcount;
    co->nlocals = (int32_t)AS_TUPLE(info->varnames)->len;
    co->ncellvars = (int32_t)AS_TUPLE(info->cellvars)->len;
    co->nfreevars = (int32_t)AS_TUPLE(info->freevars)->len;
    if (info->cell2arg && co->ncellvars > 0) {
        co->cell2arg = ou_mem_alloc(sizeof(int32_t) * (size_t)co->ncellvars);
        if (!co->cell2arg) goto fail;
        memcpy(co->cell2arg, info->cell2arg, sizeof(int32_t) * (size_t)co->ncellvars);
    }
    co->stacksize = maxstack;
    co->blocksize = maxblock;
    co->firstline = info->firstline;
    co->flags = info->flags;
    co->simple_frame = -1;
    if (co->kwonlyargcount == 0 && !(co->flags & (OU_CO_VARARGS | OU_CO_VARKW)) &&
        co->ncellvars == 0)
        co->simple_frame =
            co->nlocals + co->nfreevars + co->blocksize * VM_BLOCK_SLOTS + co->stacksize;
    co->nslots = co->nlocals + co->ncellvars + co->nfreevars;
    co->stack_off = co->nslots + co->blocksize * VM_BLOCK_SLOTS;
    co->fast_argc = co->simple_frame >= 0 && co->nfreevars == 0 ? co->argcount : -1;
    co->consts = list_to_tuple(b->consts);
    if (IS_ERR(co->consts)) goto fail;
    co->const_items = AS_TUPLE(co->consts)->items;
    co->names = list_to_tuple(b->names);
    if (IS_ERR(co->names)) goto fail;
    co->name_items = AS_TUPLE(co->names)->items;
    co->varnames = ou_newref(info->varnames);
    co->cellvars = ou_newref(info->cellvars);
    co->freevars = ou_newref(info->freevars);
    co->name = ou_str_intern(info->name);
    if (IS_ERR(co->name)) goto fail;
    co->qualname = ou_str_cstr(info->qualname);
    if (IS_ERR(co->qualname)) goto fail;
    co->filename = ou_str_intern(info->filename);
    if (IS_ERR(co->filename)) goto fail;
    co->docstring = ou_newref(info->docstring);
    return co;
fail:
    ou_decref(MK_OBJ(co));
    return NULL;
}
