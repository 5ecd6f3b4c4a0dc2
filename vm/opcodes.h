/* opcodes.h: every Ouro opcode, defined once.
 *
 * Instruction format: one 32-bit word, opcode in the low 8 bits, argument in the high 24 bits
 * (OU_OP(w), OU_ARG(w)). Jump targets are absolute instruction indices. Ops that take no
 * argument ignore it. The VM is a stack machine; each frame has its own region of the shared
 * value stack: [fast locals (nlocals) | cells+frees (ncells+nfrees) | evaluation stack].
 *
 * Stack notation: [before] -> [after], top of stack on the right. "name[i]" is co_names[i] (an
 * interned str), "const[i]" is co_consts[i], "local[i]" a fast-local slot, "cell[i]" the i-th
 * cell slot (cellvars first, then freevars).
 *
 * Exception handling uses a per-frame block stack:
 *   SETUP_EXCEPT pushes a handler block recording the target and the current stack depth.
 *   When an exception is raised inside it, the VM pops the block, truncates the value stack
 *   back to the recorded depth (decref'ing what it pops), pushes the exception (new reference)
 *   and jumps to the handler. The exception being handled is also saved as the frame's
 *   "handled exception" by PUSH_EXC_INFO (for bare `raise`, __context__ and sys.exc_info()).
 * `finally` bodies are compiled twice: inline on the normal path (and before every
 * return/break/continue that leaves the try), and in an exception handler ending in RERAISE.
 *
 * X(name, stack effect comment)   -- the comment says what the op does.
 */
#ifndef OU_OPCODES_H
#define OU_OPCODES_H

#define OU_OPCODE_LIST(X)                                                                       \
    /* Stack manipulation */                                                                     \
    X(NOP)            /* [] -> [] */                                                            \
    X(POP_TOP)        /* [a] -> [] */                                                           \
    X(DUP_TOP)        /* [a] -> [a a] */                                                        \
    X(DUP_TOP_TWO)    /* [a b] -> [a b a b] */                                                  \
    X(ROT_TWO)        /* [a b] -> [b a] */                                                      \
    X(ROT_THREE)      /* [a b c] -> [c a b] */                                                  \
    X(ROT_FOUR)       /* [a b c d] -> [d a b c] */                                              \
    /* Constants and names */                                                                   \
    X(LOAD_CONST)     /* [] -> [const[arg]] */                                                  \
    X(LOAD_NONE)      /* [] -> [None] */                                                        \
    X(LOAD_SMALLINT)  /* [] -> [int(arg - 0x800000)]: ints in [-2^23, 2^23) without a const */  \
    X(LOAD_FAST)      /* [] -> [local[arg]]; UnboundLocalError if unset */                      \
    X(STORE_FAST)     /* [v] -> []; local[arg] = v */                                           \
    X(DELETE_FAST)    /* [] -> []; UnboundLocalError if unset */                                \
    X(LOAD_DEREF)     /* [] -> [cell[arg].contents]; NameError/UnboundLocalError if empty */    \
    X(STORE_DEREF)    /* [v] -> [] */                                                           \
    X(DELETE_DEREF)   /* [] -> [] */                                                            \
    X(LOAD_CLOSURE)   /* [] -> [cell[arg]] (the cell object itself, for MAKE_FUNCTION) */       \
    X(LOAD_CLASSDEREF) /* class body: locals dict[name of cell arg] if present, else cell */    \
    X(LOAD_GLOBAL)    /* [] -> [globals[name[arg]] or builtins[...]]; NameError */              \
    X(STORE_GLOBAL)   /* [v] -> [] */                                                           \
    X(DELETE_GLOBAL)  /* [] -> [] */                                                            \
    X(LOAD_NAME)      /* [] -> [locals / globals / builtins lookup of name[arg]] */             \
    X(STORE_NAME)     /* [v] -> []; locals dict[name[arg]] = v */                               \
    X(DELETE_NAME)    /* [] -> []; NameError if absent */                                       \
    /* Attributes and items */                                                                  \
    X(LOAD_ATTR)      /* [o] -> [o.name[arg]] */                                                \
    X(STORE_ATTR)     /* [v o] -> []; o.name[arg] = v */                                        \
    X(DELETE_ATTR)    /* [o] -> [] */                                                           \
    X(LOAD_METHOD)    /* [o] -> [f o] if o.name is a plain function found on the type (unbound, \
                         call with o as first arg), else [o.name UNDEF]; pairs with CALL_METHOD */ \
    X(BINARY_SUBSCR)  /* [o k] -> [o[k]] */                                                     \
    X(STORE_SUBSCR)   /* [v o k] -> []; o[k] = v */                                             \
    X(DELETE_SUBSCR)  /* [o k] -> [] */                                                         \
    X(BUILD_SLICE)    /* arg 2: [a b] -> [slice(a,b)]; arg 3: [a b c] -> [slice(a,b,c)] */     \
    /* Operators */                                                                             \
    X(BINARY_OP)      /* [a b] -> [a OP b], arg = OU_BIN_* (| OU_BIN_INPLACE for a OP= b) */   \
    /* BINARY_OP for one operator, written by the assembler's last pass over every BINARY_OP  \
       whose arg is that operator (in place or not): the same arg, the small-int and float     \
       cases inline without a switch on the operator, the rest as BINARY_OP does it. */         \
    X(BINARY_ADD)     /* arg OU_BIN_ADD (| OU_BIN_INPLACE) */                                   \
    X(BINARY_SUB)     /* arg OU_BIN_SUB (| OU_BIN_INPLACE) */                                   \
    X(BINARY_MUL)     /* arg OU_BIN_MUL (| OU_BIN_INPLACE) */                                   \
    X(BINARY_TRUEDIV) /* arg OU_BIN_TRUEDIV (| OU_BIN_INPLACE) */                               \
    X(UNARY_NEG)      /* [a] -> [-a] */                                                         \
    X(UNARY_POS)      /* [a] -> [+a] */                                                         \
    X(UNARY_INVERT)   /* [a] -> [~a] */                                                         \
    X(UNARY_NOT)      /* [a] -> [not a] (a bool) */                                             \
    X(COMPARE_OP)     /* [a b] -> [a OP b], arg = OU_LT..OU_GE */                               \
    X(IS_OP)          /* [a b] -> [a is b], arg 1 means `is not` */                             \
    X(CONTAINS_OP)    /* [a b] -> [a in b], arg 1 means `not in` */                             \
    /* Control flow (targets are absolute instruction indices) */                               \
    X(JUMP)           /* [] -> []; ip = arg */                                                  \
    X(POP_JUMP_IF_FALSE) /* [c] -> []; jump if not truthy(c) */                                \
    X(POP_JUMP_IF_TRUE)  /* [c] -> []; jump if truthy(c) */                                    \
    X(JUMP_IF_FALSE_OR_POP) /* [c] -> [c] and jump if falsy, else [] (for `and`) */            \
    X(JUMP_IF_TRUE_OR_POP)  /* [c] -> [c] and jump if truthy, else [] (for `or`) */            \
    X(GET_ITER)       /* [o] -> [iter(o)] */                                                    \
    X(FOR_ITER)       /* [it] -> [it next] or, exhausted, [] and jump to arg */                 \
    /* Building */                                                                              \
    X(BUILD_TUPLE)    /* [a1..an] -> [(a1..an)], n = arg */                                     \
    X(BUILD_LIST)     /* [a1..an] -> [[a1..an]] */                                              \
    X(BUILD_SET)      /* [a1..an] -> [{a1..an}] */                                              \
    X(BUILD_MAP)      /* [k1 v1 .. kn vn] -> [{k1: v1, ..}], n = arg pairs */                   \
    X(BUILD_STRING)   /* [s1..sn] -> [s1+..+sn] (all str), n = arg */                          \
    X(LIST_APPEND)    /* [l ... v] -> [l ...]: stack[-arg-1 after pop].append(v), for comps:    \
                         the list is at depth arg below v (arg 1 = just under v) */             \
    X(SET_ADD)        /* same shape as LIST_APPEND */                                           \
    X(MAP_ADD)        /* [d ... k v] -> [d ...]; d at depth arg below k */                      \
    X(LIST_EXTEND)    /* [l ... it] -> [l ...]; l at depth arg below it; l.extend(it) */        \
    X(SET_UPDATE)     /* [s ... it] -> [s ...] */                                               \
    X(DICT_UPDATE)    /* [d ... m] -> [d ...]; d.update(m) ({**m}); TypeError if not mapping */ \
    X(DICT_MERGE)     /* like DICT_UPDATE but TypeError on duplicate keys (f(**a, **b)) */      \
    X(LIST_TO_TUPLE)  /* [l] -> [tuple(l)] */                                                   \
    X(UNPACK_SEQUENCE) /* [seq] -> [vn .. v1] (v1 on top), exactly arg items else ValueError */ \
    X(UNPACK_EX)      /* [seq] -> [after.. list before..] : arg = before | (after << 8);        \
                         pushes in reverse so the first target is on top */                     \
    X(FORMAT_VALUE)   /* arg & 3: 0 none, 1 str, 2 repr, 3 ascii conversion; arg & 4: a spec   \
                         str is on top: [v spec] -> [format(conv(v), spec)]; else [v] -> [...] */ \
    /* Functions and calls */                                                                   \
    X(MAKE_FUNCTION)  /* [defaults? kwdefaults? closure? code qualname] -> [f]; arg flags:      \
                         1 defaults tuple, 2 kwdefaults dict, 4 closure tuple of cells, in that \
                         push order (defaults deepest) */                                       \
    X(CALL)           /* [f a1..an] -> [f(a1..an)], n = arg */                                  \
    X(CALL_KW)        /* [f a1..an kwnames] -> [result]; n = arg counts positional + keyword    \
                         values; kwnames a tuple const naming the last len(kwnames) values */   \
    X(CALL_EX)        /* arg 0: [f args_tuple] ; arg 1: [f args_tuple kwargs_dict] -> [r] */   \
    X(CALL_METHOD)    /* [f self_or_UNDEF a1..an] -> [r]; after LOAD_METHOD; n = arg */         \
    X(CALL_METHOD_KW) /* [f self_or_UNDEF a1..an kwnames] -> [r] */                             \
    X(RETURN_VALUE)   /* [v] -> return v from the frame */                                      \
    X(MAKE_CLASS)     /* [body_func name b1..bn] -> [cls]: n = arg bases. Runs body_func with a \
                         fresh dict as its locals (LOAD_NAME/STORE_NAME), then calls the        \
                         metaclass (type) with (name, bases, dict). If the body returned a      \
                         cell, it is the __class__ cell: its contents become cls. Decorators    \
                         are applied by ordinary CALLs afterwards. */                           \
    X(MAKE_CLASS_KW)  /* [body_func name b1..bn k1..km kwnames] -> [cls]: arg = n + m; as     \
                         MAKE_CLASS with keywords (kwnames a tuple const naming the last m      \
                         values): `metaclass` picks the metaclass, the others go to it (and to  \
                         __prepare__ and __init_subclass__) */                                  \
    /* Exceptions */                                                                            \
    X(SETUP_EXCEPT)   /* push a handler block: on exception jump to arg with [.. exc] */        \
    X(SETUP_WITH)     /* [exit enter_result] -> same: as SETUP_EXCEPT, but the block's level     \
                         excludes enter_result (still to be stored in the `as` target), so the  \
                         handler at arg gets [exit exc] even if storing the target raises */    \
    X(POP_BLOCK)      /* pop the innermost block (normal exit from the try body) */            \
    X(PUSH_EXC_INFO)  /* [exc] -> [exc]: in a handler, save the frame's previous handled       \
                         exception on the block stack (as an EXCEPT_HANDLER block that restores \
                         it if an exception escapes) and make exc the handled exception */     \
    X(POP_EXCEPT)     /* [] -> []: leaving a handler normally: pop the EXCEPT_HANDLER block,    \
                         restore the previous handled exception */                             \
    X(JUMP_IF_NOT_EXC_MATCH) /* [exc spec] -> [exc]; jump to arg unless exc matches spec (a    \
                         type or tuple of types; TypeError if spec is not an exception class) */ \
    X(RAISE)          /* arg 0: bare `raise` (re-raise the handled exception, RuntimeError     \
                         "No active exception to reraise" if none); 1: [exc]; 2: [exc cause] */ \
    X(RERAISE)        /* [exc] -> raise exc again keeping its traceback (end of finally/       \
                         unmatched handler) */                                                  \
    X(BEFORE_WITH)    /* [mgr] -> [exit enter_result]: exit = bound mgr.__exit__, calls        \
                         mgr.__enter__(); AttributeError/TypeError as CPython if missing */    \
    X(WITH_EXIT)      /* [exit] -> []: normal exit, calls exit(None, None, None) */            \
    X(WITH_EXCEPT)    /* [exit exc] -> [exit exc flag]: calls exit(type(exc), exc, tb), flag = \
                         truthiness of the result (True means suppress) */                     \
    X(LOAD_ASSERTION_ERROR) /* [] -> [AssertionError] */                                       \
    /* Modules */                                                                               \
    X(IMPORT_NAME)    /* [] -> [module name[arg]] (import, cached in sys.modules) */            \
    X(IMPORT_FROM)    /* [m] -> [m m.name[arg]]; ImportError "cannot import name" if missing */ \
    X(IMPORT_STAR)    /* [m] -> []; copy public names into locals */                            \
    /* Misc */                                                                                  \
    X(PRINT_EXPR)     /* [v] -> []: REPL echo: repr(v) printed unless None; sets builtins._ */  \
    X(SETUP_ANNOTATIONS) /* ensure __annotations__ dict exists in locals (module/class) */      \
    X(EXTENDED_ARG)   /* reserved; unused with 24-bit args */                                 \
    /* Superinstructions, written by the assembler's last pass (vm/assemble.c) over the first  \
       instruction of a pair (or triple) that runs often. The rest of the group stays in the    \
       code unchanged: the fused op does the whole group and skips it, and a jump to the second \
       instruction still runs it alone. When its fast case does not apply, a fused op does      \
       exactly what its first instruction would do and goes on with the next one. */            \
    X(LOAD_FAST_LOAD_FAST)  /* LOAD_FAST arg; LOAD_FAST */                                     \
    X(STORE_FAST_LOAD_FAST) /* STORE_FAST arg; LOAD_FAST */                                    \
    X(BINARY_OP_SMALLINT)   /* LOAD_SMALLINT arg; BINARY_OP: [a] -> [a OP k] */                \
    X(BINARY_SUBSCR_SMALLINT) /* LOAD_SMALLINT arg; BINARY_SUBSCR: [o] -> [o[k]] */            \
    X(COMPARE_OP_JUMP)      /* COMPARE_OP arg; POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE */         \
    X(IS_OP_JUMP)           /* IS_OP arg; POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE */              \
    X(CONTAINS_OP_JUMP)     /* CONTAINS_OP arg; POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE */        \
    X(COMPARE_SMALLINT_JUMP) /* LOAD_SMALLINT arg; COMPARE_OP_JUMP; POP_JUMP_IF_FALSE/TRUE */ \
    X(SUBSCR_SMALLINT_DUP)  /* LOAD_SMALLINT arg; DUP_TOP_TWO; BINARY_SUBSCR: [o] -> [o k o[k]] \
                               (the load half of `o[k] op= v`) */                               \
    X(ROT_THREE_STORE_SUBSCR) /* ROT_THREE; STORE_SUBSCR: [o k v] -> [] (the store half) */ \
    X(LOAD_FAST_LOAD_ATTR)  /* LOAD_FAST arg; LOAD_ATTR: [] -> [local.name] */              \
    X(UNPACK2_STORE_FAST)   /* UNPACK_SEQUENCE 2; STORE_FAST a; STORE_FAST b: [seq] -> [] */ \
    X(LOAD_FAST_STORE_ATTR) /* LOAD_FAST arg; STORE_ATTR: [v] -> [] (local.name = v) */    \
    X(LOAD_FAST_SUBSCR_SMALLINT) /* LOAD_FAST arg; BINARY_SUBSCR_SMALLINT k; BINARY_SUBSCR:   \
                               [] -> [local[k]] for an exact list or tuple local */

typedef enum {
#define OU_OPCODE_ENUM(name) OP_##name,
    OU_OPCODE_LIST(OU_OPCODE_ENUM)
#undef OU_OPCODE_ENUM
        OP__COUNT
} OuOpcode;

#define OU_OP(w) ((w)&0xFF)
#define OU_ARG(w) ((w) >> 8)
#define OU_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define OU_ARG_MAX 0xFFFFFF

extern const char *const ou_opcode_names[OP__COUNT];

#endif
