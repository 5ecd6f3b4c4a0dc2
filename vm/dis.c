/* dis.c: opcode names (generated from the X-macro list in vm/opcodes.h) and the disassembler
 * behind `ouro --dis`. One line per instruction, in the spirit of CPython's dis module:
 *   line  index OPNAME              arg (readable argument)
 * The line number is shown only when it changes. Nested code objects in the constants are
 * disassembled after their parent. */
#include <stdio.h>

#include "vm.h"

const char *const ou_opcode_names[OP__COUNT] = {
#define OU_OPCODE_NAME(name) #name,
    OU_OPCODE_LIST(OU_OPCODE_NAME)
#undef OU_OPCODE_NAME
};

static bool has_arg(int op) {
    switch (op) {
    case OP_NOP: case OP_POP_TOP: case OP_DUP_TOP: case OP_DUP_TOP_TWO: case OP_ROT_TWO:
    case OP_ROT_THREE: case OP_ROT_FOUR: case OP_LOAD_NONE: case OP_BINARY_SUBSCR:
    case OP_STORE_SUBSCR: case OP_DELETE_SUBSCR: case OP_UNARY_NEG: case OP_UNARY_POS:
    case OP_UNARY_INVERT: case OP_UNARY_NOT: case OP_GET_ITER: case OP_LIST_TO_TUPLE:
    case OP_RETURN_VALUE: case OP_POP_BLOCK: case OP_PUSH_EXC_INFO: case OP_POP_EXCEPT:
    case OP_RERAISE: case OP_BEFORE_WITH: case OP_WITH_EXIT: case OP_WITH_EXCEPT:
    case OP_LOAD_ASSERTION_ERROR: case OP_IMPORT_STAR: case OP_PRINT_EXPR:
    case OP_SETUP_ANNOTATIONS:
        return false;
    default:
        return true;
    }
}

static const char *const binop_names[OU_BIN_COUNT] = {"+", "-", "*", "/", "//", "%", "**",
                                                      "<<", ">>", "&", "|", "^", "@"};
static const char *const cmp_names[6] = {"<", "<=", "==", "!=", ">", ">="};

static void print_value(Value v) {
    Value r = ou_repr(v);
    if (IS_ERR(r)) {
        ou_err_clear();
        fputs("?", stdout);
        return;
    }
    fwrite(ou_str_data(r), 1, (size_t)ou_str_len(r), stdout);
    ou_decref(r);
}

static void print_tuple_item(Value tuple, int i) {
    if (IS_TUPLE(tuple) && i >= 0 && i < AS_TUPLE(tuple)->len) {
        Value s = AS_TUPLE(tuple)->items[i];
        if (IS_STR(s)) fwrite(ou_str_data(s), 1, (size_t)ou_str_len(s), stdout);
    }
}

/* The readable form of an instruction's argument, in parentheses after the number. */
static void print_readable(OuCode *co, int op, int arg) {
    switch (op) {
    case OP_LOAD_CONST:
        fputs("(", stdout);
        print_value(AS_TUPLE(co->consts)->items[arg]);
        fputs(")", stdout);
        break;
    case OP_LOAD_SMALLINT: case OP_BINARY_OP_SMALLINT: case OP_COMPARE_SMALLINT_JUMP:
    case OP_BINARY_SUBSCR_SMALLINT: case OP_SUBSCR_SMALLINT_DUP:
        printf("(%d)", arg - 0x800000);
        break;
    case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_LOAD_FAST_LOAD_FAST:
    case OP_STORE_FAST_LOAD_FAST: case OP_LOAD_FAST_LOAD_ATTR: case OP_LOAD_FAST_STORE_ATTR:
    case OP_LOAD_FAST_SUBSCR_SMALLINT:
        fputs("(", stdout);
        print_tuple_item(co->varnames, arg);
        fputs(")", stdout);
        break;
    case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF:
        fputs("(", stdout);
        if (arg < co->ncellvars) print_tuple_item(co->cellvars, arg);
        else print_tuple_item(co->freevars, arg - co->ncellvars);
        fputs(")", stdout);
        break;
    case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
    case OP_STORE_NAME: case OP_DELETE_NAME: case OP_LOAD_ATTR: case OP_STORE_ATTR:
    case OP_DELETE_ATTR: case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        fputs("(", stdout);
        print_tuple_item(co->names, arg);
        fputs(")", stdout);
        break;
    case OP_BINARY_OP: case OP_BINARY_ADD: case OP_BINARY_SUB: case OP_BINARY_MUL:
    case OP_BINARY_TRUEDIV: {
        int base = arg & ~OU_BIN_INPLACE;
        if (base >= 0 && base < OU_BIN_COUNT)
            printf("(%s%s)", binop_names[base], (arg & OU_BIN_INPLACE) ? "=" : "");
        break;
    }
    case OP_COMPARE_OP: case OP_COMPARE_OP_JUMP:
        if (arg >= 0 && arg < 6) printf("(%s)", cmp_names[arg]);
        break;
    case OP_IS_OP: case OP_IS_OP_JUMP:
        fputs(arg ? "(is not)" : "(is)", stdout);
        break;
    case OP_CONTAINS_OP: case OP_CONTAINS_OP_JUMP:
        fputs(arg ? "(not in)" : "(in)", stdout);
        break;
    case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: case OP_FOR_ITER:
    case OP_SETUP_EXCEPT: case OP_SETUP_WITH: case OP_JUMP_IF_NOT_EXC_MATCH:
        printf("(to %d)", arg);
        break;
    case OP_FORMAT_VALUE: {
        static const char *const conv[4] = {"", "str", "repr", "ascii"};
        const char *c = conv[arg & 3];
        if ((arg & 4) && *c) printf("(%s, with format)", c);
        else if (arg & 4) fputs("(with format)", stdout);
        else if (*c) printf("(%s)", c);
        break;
    }
    case OP_UNPACK_EX:
        printf("(%d, %d)", arg & 0xFF, arg >> 8);
        break;
    case OP_RAISE:
        if (arg == 0) fputs("(reraise)", stdout);
        break;
    default:
        break;
    }
}

static void dis_one(OuCode *co) {
    int lastline = -1;
    for (int i = 0; i < co->ncode; i++) {
        uint32_t w = co->code[i];
        int op = (int)OU_OP(w), arg = (int)OU_ARG(w);
        int line = co->lines[i];
        if (line != lastline) {
            if (i > 0) fputs("\n", stdout);
            printf("%4d ", line);
            lastline = line;
        } else {
            fputs("     ", stdout);
        }
        const char *name = op < OP__COUNT ? ou_opcode_names[op] : "<unknown>";
        if (has_arg(op)) {
            printf("%8d %-24s %5d ", i, name, arg);
            print_readable(co, op, arg);
        } else {
            printf("%8d %s", i, name);
        }
        fputs("\n", stdout);
    }
}

void vm_disassemble(OuCode *code) {
    dis_one(code);
    OuTuple *consts = AS_TUPLE(code->consts);
    for (int64_t i = 0; i < consts->len; i++) {
        Value c = consts->items[i];
        if (!ou_is_type(c, &ou_code_type)) continue;
        fputs("\nDisassembly of ", stdout);
        print_value(c);
        fputs(":\n", stdout);
        vm_disassemble((OuCode *)AS_OBJ(c));
    }
    fflush(stdout);
}
