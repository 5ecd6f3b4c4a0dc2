/* ouro.h: the public object API of Ouro.
 *
 * Everything outside vm/ (stdlib/, gc/, the front end) talks to the runtime only through this
 * header. It defines the value representation, the object header, the type object, and the
 * abstract operations (call, getattr, binop, ...). Functions are prefixed `ou_`.
 *
 * Error convention (errors are values, never longjmp):
 *   - A function returning `Value` returns OU_ERR on failure, with an exception set in the
 *     thread state (ou_err_occurred() is then true).
 *   - A function returning `int` returns -1 on failure (exception set); 0/1 otherwise.
 *   - A function returning a pointer returns NULL on failure (exception set).
 *   - A function returning `int64_t` (lengths, hashes) returns -1 on failure.
 *   Callers must release every reference they own before propagating the error.
 *
 * Ownership convention:
 *   - Every function that returns a Value returns a NEW reference (caller must ou_decref it),
 *     unless its comment says "borrowed".
 *   - Arguments are BORROWED: a callee that keeps an argument increfs it itself.
 *   - Exceptions to this are named `*_steal` and take ownership of the argument.
 */
#ifndef OURO_H
#define OURO_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ouroconf.h"

/* ---------------------------------------------------------------------------------------------
 * Values: one 64-bit word, NaN-boxed.
 *
 * A Value whose top 14 bits are not all set (mask 0xFFFC000000000000) is an IEEE double, stored
 * as is. Every other bit pattern is a boxed non-double; the top 16 bits are the tag:
 *   0xFFFC  heap object pointer in the low 48 bits (refcounted)
 *   0xFFFD  small int, 48-bit two's complement payload: [-2^47, 2^47)
 *   0xFFFE  special constants: None, False, True, and the internal sentinels below
 * Doubles that would collide (negative NaNs with bit 50 set) never arise from arithmetic on
 * canonical values; every double from outside (parsing, math functions) goes through
 * ou_float(), which canonicalizes NaN to 0x7FF8000000000000.
 *
 * Immediates (doubles, small ints, bools, None) never allocate and have no refcount:
 * ou_incref/ou_decref test the tag once and do nothing for them.
 *
 * Ints are canonical: a value that fits in 48 bits is ALWAYS a small int, never a boxed OuInt,
 * so equality and hashing may compare small ints bitwise. Ints that do not fit are boxed
 * OuInts of arbitrary precision (see OuInt below).
 * ------------------------------------------------------------------------------------------- */
typedef uint64_t Value;

#define OU_TAG_MASK 0xFFFF000000000000ULL
#define OU_BOX_MASK 0xFFFC000000000000ULL
#define OU_TAG_OBJ 0xFFFC000000000000ULL
#define OU_TAG_INT 0xFFFD000000000000ULL
#define OU_TAG_SPECIAL 0xFFFE000000000000ULL
#define OU_PAYLOAD 0x0000FFFFFFFFFFFFULL

#define OU_NONE (OU_TAG_SPECIAL | 0)
#define OU_FALSE (OU_TAG_SPECIAL | 2)
#define OU_TRUE (OU_TAG_SPECIAL | 3)
/* Internal sentinels, never visible to Python code. */
#define OU_ERR (OU_TAG_SPECIAL | 0x10)   /* "an exception is set" */
#define OU_UNDEF (OU_TAG_SPECIAL | 0x11) /* empty slot: unbound local, missing key, end of iter */

#define OU_SMALLINT_MIN (-(INT64_C(1) << 47))
#define OU_SMALLINT_MAX ((INT64_C(1) << 47) - 1)

#define IS_FLOAT(v) (((v)&OU_BOX_MASK) != OU_BOX_MASK)
#define IS_OBJ(v) (((v)&OU_TAG_MASK) == OU_TAG_OBJ)
#define IS_SMALLINT(v) (((v)&OU_TAG_MASK) == OU_TAG_INT)
#define IS_NONE(v) ((v) == OU_NONE)
#define IS_BOOL(v) (((v) | 1) == OU_TRUE)
#define IS_ERR(v) ((v) == OU_ERR)
#define IS_UNDEF(v) ((v) == OU_UNDEF)

static inline double AS_FLOAT(Value v) { double d; memcpy(&d, &v, sizeof d); return d; }
static inline Value MK_FLOAT_RAW(double d) { Value v; memcpy(&v, &d, sizeof v); return v; }
#define AS_SMALLINT(v) (((int64_t)((v) << 16)) >> 16)
#define MK_SMALLINT(i) (OU_TAG_INT | ((uint64_t)(int64_t)(i)&OU_PAYLOAD))
#define AS_OBJ(v) ((OuObject *)(uintptr_t)((v)&OU_PAYLOAD))
#define MK_OBJ(p) (OU_TAG_OBJ | (uint64_t)(uintptr_t)(p))
#define MK_BOOL(b) ((b) ? OU_TRUE : OU_FALSE)
#define SMALLINT_FITS(i) ((i) >= OU_SMALLINT_MIN && (i) <= OU_SMALLINT_MAX)

/* ---------------------------------------------------------------------------------------------
 * The object header. Every heap object starts with it.
 * rc is the reference count. gcflags belongs to gc/ (tracked, finalized, ...). aux is a small
 * per-type field (str: flags; others free to use). Container objects (type flag OU_TPFLAG_GC)
 * are preceded in memory by a GC header owned by gc/; allocate them with ou_obj_alloc().
 * ------------------------------------------------------------------------------------------- */
typedef struct OuObject {
    uint32_t rc;
    uint16_t gcflags;
    uint16_t aux;
    struct OuType *type;
} OuObject;

/* gcflags bits. OU_GCF_FINALIZED: __del__ has run (it runs at most once in an object's life,
 * PEP 442). The others belong to gc/. */
#define OU_GCF_FINALIZED 0x1
#define OU_GCF_TRACKED 0x2
#define OU_GCF_IMMORTAL 0x4
/* 0x8, 0x10 and 0x200 are the collector's private marks (gc/gc.c). */
#define OU_GCF_UNREACHABLE 0x20 /* set by the collector on the unreachable set while it
                                   clears weak references and runs finalizers */
#define OU_GCF_WEAKREFS 0x40    /* the object has (or had) weak references: see vm/weakref.c */
/* OU_GCF_DIRTY: the count was decremented to a nonzero value since the collector last cleared
 * the bit, i.e. the object may have lost its last reference from outside a garbage cycle: the
 * collector's automatic collections start from such objects only (gc/gc.c, "Dirty objects").
 * OU_GCF_WATCHED: a clean object of the old generation; its first such decrement hands it to
 * ou_gc_dirtied. ou_decref sets both effects inline. */
#define OU_GCF_DIRTY 0x400
#define OU_GCF_WATCHED 0x800
#define OU_GCF_OBSERVED 0x8000  /* known to `ouro --step` (demo/step.c): set on the objects alive
                                   when a script starts and on those it has numbered, so that a
                                   new object at a reused address is told apart from them */

typedef struct OuType OuType;
typedef int (*ou_visitfn)(OuObject *child, void *arg);

/* Calling convention (vectorcall-like): positional args in args[0..nargs), then one value per
 * keyword name in args[nargs..nargs+len(kwnames)). kwnames is a tuple of str, or OU_UNDEF
 * when there are no keywords. Methods receive self as args[0]. */
typedef Value (*ou_cfunc)(Value *args, int nargs, Value kwnames);

/* Comparison ops, in this order (same as CPython's Py_LT..Py_GE). */
enum { OU_LT, OU_LE, OU_EQ, OU_NE, OU_GT, OU_GE };

/* Binary ops, shared by the VM, ou_binop and type slots. Inplace variants are op + OU_BIN_INPLACE. */
enum {
    OU_BIN_ADD, OU_BIN_SUB, OU_BIN_MUL, OU_BIN_TRUEDIV, OU_BIN_FLOORDIV, OU_BIN_MOD,
    OU_BIN_POW, OU_BIN_LSHIFT, OU_BIN_RSHIFT, OU_BIN_AND, OU_BIN_OR, OU_BIN_XOR,
    OU_BIN_MATMUL, OU_BIN_COUNT
};
#define OU_BIN_INPLACE 16
enum { OU_UN_NEG, OU_UN_POS, OU_UN_INVERT };

/* Type flags. */
#define OU_TPFLAG_GC (1u << 0)       /* instances are containers, tracked by the collector */
#define OU_TPFLAG_BASETYPE (1u << 1) /* may be subclassed */
#define OU_TPFLAG_HEAPTYPE (1u << 2) /* created by a class statement */
#define OU_TPFLAG_EXC (1u << 3)      /* subclass of BaseException (layout OuException) */
#define OU_TPFLAG_INLINE (1u << 4)   /* instances are OuInstances that start with their
                                        attributes inline (a shape and slots, see OuInstance) */
#define OU_TPFLAG_HASDEL (1u << 5)   /* a heap class in the MRO defines __del__ (kept by
                                        vm/class.c's om_fixup_slots), so a dying instance
                                        needs the lookup of its finalizer */

/* ---------------------------------------------------------------------------------------------
 * Type objects. Builtin types are static OuType structs; classes made by `class` are heap
 * types (OU_TPFLAG_HEAPTYPE) whose slots are generic functions that look up the dunder method
 * in the MRO (`slot_*` in vm/class.c). A NULL slot means "not supported".
 * Slot conventions (all args borrowed, results new references):
 *   repr/str      -> new str or OU_ERR
 *   hash          -> hash, never -1 except on error (-1 is mapped to -2 as in CPython)
 *   richcmp       -> result, or ou_NotImplemented (new ref) when the pair is not handled
 *   binop         -> result, or ou_NotImplemented; `op` is OU_BIN_* (maybe | OU_BIN_INPLACE),
 *                    `reflected` is true when called as the right operand's __rop__
 *   iter          -> iterator; next -> item, OU_UNDEF at exhaustion WITHOUT an exception, OU_ERR
 *   getattr       -> value or OU_ERR (AttributeError set)
 *   setattr       -> 0/-1; v == OU_UNDEF means delete
 *   getitem/setitem/delitem (setitem with v == OU_UNDEF means delete)
 *   len -> >= 0 or -1;  contains -> 0/1/-1;  truth -> 0/1/-1
 *   call          -> result; self is the callable itself
 *   descr_get     -> bound thing (obj may be OU_UNDEF when accessed through the class)
 *   descr_set     -> data descriptors (property): 0/-1, v == OU_UNDEF means delete
 *   new           -> new instance (type(...) call first step); init -> 0/-1
 *   traverse      -> calls visit(child, arg) for every OBJECT child it holds; stops on nonzero
 *   clear         -> drops references to children (breaks cycles); object stays valid
 *   dealloc       -> releases children and frees the memory (ou_obj_free)
 * ------------------------------------------------------------------------------------------- */
struct OuType {
    OuObject ob;
    const char *name;
    uint32_t flags;
    uint32_t basicsize;  /* bytes of an instance (fixed part), header included */
    uint32_t itemsize;   /* bytes per item for variable-size objects (str, tuple), else 0 */
    int32_t dictoffset;  /* offset of a `Value dict` field in instances, 0 if none */
    uint32_t inline_cap; /* OU_TPFLAG_INLINE: attribute slots given to a new instance; learnt
                            from the class's methods and grown when an instance overflows */
    uint64_t shape_epoch; /* OU_TPFLAG_INLINE: the method-cache epoch (vm/type.c) at which the
                             type was last found to have the generic attribute protocol and no
                             data descriptor that an instance attribute could meet, so that
                             vm/interp.c's shape-keyed caches serve it; 0: never */
    OuType *base;        /* the solid base (layout donor); NULL only for object */
    Value bases;         /* tuple of types */
    Value mro;           /* tuple of types, self first */
    Value dict;          /* dict: attributes, methods, descriptors */
    Value qualname;      /* str, heap types */
    Value module;        /* str or OU_UNDEF */

    void (*dealloc)(OuObject *o);
    int (*traverse)(OuObject *o, ou_visitfn visit, void *arg);
    void (*clear)(OuObject *o);

    Value (*repr)(Value self);
    Value (*str)(Value self);
    int64_t (*hash)(Value self);
    Value (*richcmp)(Value a, Value b, int op);
    Value (*binop)(Value a, Value b, int op, bool reflected);
    Value (*unaryop)(Value a, int op);
    int (*truth)(Value self);
    Value (*iter)(Value self);
    Value (*next)(Value self);
    Value (*call)(Value self, Value *args, int nargs, Value kwnames);
    Value (*getattr)(Value self, Value name);
    int (*setattr)(Value self, Value name, Value v);
    int64_t (*len)(Value self);
    Value (*getitem)(Value self, Value key);
    int (*setitem)(Value self, Value key, Value v);
    int (*contains)(Value self, Value item);
    Value (*descr_get)(Value descr, Value obj, Value type);
    int (*descr_set)(Value descr, Value obj, Value v);
    Value (*new)(OuType *type, Value *args, int nargs, Value kwnames);
    int (*init)(Value self, Value *args, int nargs, Value kwnames);
    void *spare[4]; /* room for later slots without touching every static type */
};

/* ---------------------------------------------------------------------------------------------
 * Concrete object layouts. Invariants are stated beside each.
 * ------------------------------------------------------------------------------------------- */

/* A boxed int: only for values outside the small-int range (see canonical rule above), of any
 * size (vm/bigint.c). Sign and magnitude: the magnitude is d[0..|size|) in base 2^32, least
 * significant digit first, with no leading zero digit; size < 0 for negative values. A plain
 * int keeps its digits right after the struct (d == (uint32_t *)(o + 1), one allocation);
 * an instance of an int subclass has a fixed layout (so that its dict can follow) and its
 * digits in a block of their own (d == NULL when the value is 0). Values in int64 range take
 * no other representation: ou_int_value reads them from the one or two digits. */
typedef struct { OuObject ob; int64_t size; uint32_t *d; } OuInt;

/* str: immutable UTF-8, NUL-terminated. len is in bytes, nchars in code points; aux bit 0 is
 * set when the string is pure ASCII (then byte index == code-point index); aux bit 1 when it
 * is interned. hash is -1 until computed. */
typedef struct {
    OuObject ob;
    int64_t len;
    int64_t nchars;
    int64_t hash;
    char data[];
} OuStr;
#define OU_STR_ASCII 1
#define OU_STR_INTERNED 2

/* list: items[0..len) are owned references; cap >= len. */
typedef struct { OuObject ob; int64_t len, cap; Value *items; } OuList;

/* tuple: immutable, items owned. hash cached lazily is not stored (recomputed). */
typedef struct { OuObject ob; int64_t len; Value items[]; } OuTuple;

/* dict: compact and insertion-ordered. entries[0..used) in insertion order; a deleted entry
 * has key == OU_UNDEF. indices maps hash slots to entry numbers (-1 empty, -2 dummy);
 * its size is a power of two >= 8. count is the number of live entries. */
typedef struct { int64_t hash; Value key; Value value; } OuDictEntry;
typedef struct {
    OuObject ob;
    int64_t count, used, cap; /* cap = entries capacity */
    int64_t nindices;         /* power of two */
    int64_t *indices;
    OuDictEntry *entries;
    uint64_t version;         /* bumped on every mutation, for inline caches */
} OuDict;

/* set and frozenset share this layout: open addressing over table[0..mask], mask + 1 a power
 * of two. An empty slot has key OU_UNDEF; a deleted (dummy) slot has key OU_ERR. count = live
 * keys, fill = live + dummies. hash caches a frozenset's hash (-1 until computed). */
typedef struct { int64_t hash; Value key; } OuSetEntry;
typedef struct { OuObject ob; int64_t count, fill, mask; OuSetEntry *table; int64_t hash; } OuSet;

typedef struct { OuObject ob; Value v; } OuCell; /* v is OU_UNDEF when empty */

typedef struct { OuObject ob; int64_t start, stop, step, len; } OuRange;
typedef struct { OuObject ob; Value start, stop, step; } OuSlice;

typedef struct { OuObject ob; Value dict; Value name; Value filename; } OuModule;

/* A builtin function. self is OU_UNDEF for a plain function; when bound (a method taken
 * from an object, e.g. [].append) self is prepended to args on call. */
typedef struct {
    OuObject ob;
    const char *name;
    ou_cfunc fn;
    Value self;
    Value module; /* str or OU_UNDEF */
    const char *doc;
} OuCFunction;

typedef struct OuCode OuCode; /* defined in vm/vm.h */

/* A Python function. globals is a dict; defaults a tuple or OU_UNDEF; kwdefaults a dict or
 * OU_UNDEF; closure a tuple of cells or OU_UNDEF. */
typedef struct {
    OuObject ob;
    OuCode *code;
    Value globals, builtins;
    Value defaults, kwdefaults, closure;
    Value name, qualname, doc, module, dict, annotations;
} OuFunction;

/* A bound method: func called with self prepended. */
typedef struct { OuObject ob; Value func; Value self; } OuMethod;

/* Instance of a heap type whose solid base is object. Other bases: the base layout followed by
 * the dict at type->dictoffset.
 *
 * Compact instances. A class whose instances are exactly this layout (builtin base object, no
 * __slots__ words, not an exception: OU_TPFLAG_INLINE) gives each instance ob.aux slot words
 * after `dict` (its capacity, fixed at allocation from type->inline_cap), and `dict` is then
 * in one of two modes:
 *   shape mode  `dict` is a tagged VmShape pointer (vm/shape.h, not an object: never counted,
 *               never visited): the instance's attributes are the shape's names, in insertion
 *               order, with their values (owned references) in slots[0..shape->count);
 *   dict mode   `dict` is a real dict (or OU_UNDEF: none yet), as for every other instance;
 *               the slots are unused (OU_UNDEF).
 * Instances start in shape mode on the empty shape. They go to dict mode for good when an
 * attribute is deleted, when they need more slots than their capacity, when a name cannot be
 * added to a shape (limits in ouroconf.h) and whenever anything asks for the dict itself
 * (ou_instance_dict: __dict__, vars(), dir(), the heap tools), so that code outside the
 * attribute protocol always sees a dict. */
typedef struct { OuObject ob; Value dict; Value slots[]; } OuInstance;

/* BaseException and every subclass (user subclasses add nothing but use `dict`). */
typedef struct {
    OuObject ob;
    Value dict;
    Value args;       /* tuple */
    Value traceback;  /* traceback object or OU_NONE */
    Value cause;      /* exception or OU_NONE */
    Value context;    /* exception or OU_NONE */
    bool suppress_context;
} OuException;

/* Traceback entry (linked list, newest last as in CPython's tb_next chain).
 * In CPython a traceback keeps its frame, and so the frame's local variables, alive until the
 * traceback dies (usually when the `except` block that caught it ends): objects held by the
 * locals of the frames an exception left are finalized then, not while it propagates. Ouro's
 * frames live on the VM stack, so the entry keeps the locals instead: room for the frame's
 * local and cell slots is allocated with the entry (nlocals values, zero = nothing), and when
 * the exception leaves the frame, the frame's references move into locals[] (ob.aux is then
 * 1). While the frame still runs (the exception is caught in it) locals[] stays empty. */
typedef struct OuTraceback {
    OuObject ob;
    Value next;  /* traceback or OU_NONE */
    Value code;  /* the OuCode of the frame */
    int32_t line;
    int32_t nlocals;
    Value locals[];
} OuTraceback;

typedef struct { OuObject ob; Value fget, fset, fdel, doc; } OuProperty;
typedef struct { OuObject ob; Value func; } OuStaticMethod; /* also classmethod */
typedef struct { OuObject ob; OuType *type; Value obj; OuType *objtype; } OuSuper;

/* ---------------------------------------------------------------------------------------------
 * Builtin types and singletons (defined in vm/).
 * ------------------------------------------------------------------------------------------- */
extern OuType ou_type_type, ou_object_type, ou_none_type, ou_bool_type, ou_int_type,
    ou_float_type, ou_str_type, ou_list_type, ou_tuple_type, ou_dict_type, ou_set_type,
    ou_frozenset_type, ou_range_type, ou_slice_type, ou_cell_type, ou_module_type,
    ou_cfunction_type, ou_function_type, ou_method_type, ou_code_type, ou_property_type,
    ou_staticmethod_type, ou_classmethod_type, ou_super_type, ou_traceback_type,
    ou_notimplemented_type, ou_ellipsis_type, ou_file_type;

/* Exception types. Each is an OuType* set up at startup (vm/exc.c). */
#define OU_EXC_LIST(X)                                                                      \
    X(BaseException, NULL)                                                                   \
    X(Exception, BaseException)                                                              \
    X(SystemExit, BaseException)                                                             \
    X(KeyboardInterrupt, BaseException)                                                      \
    X(GeneratorExit, BaseException)                                                          \
    X(ArithmeticError, Exception)                                                            \
    X(ZeroDivisionError, ArithmeticError)                                                    \
    X(OverflowError, ArithmeticError)                                                        \
    X(FloatingPointError, ArithmeticError)                                                   \
    X(LookupError, Exception)                                                                \
    X(IndexError, LookupError)                                                               \
    X(KeyError, LookupError)                                                                 \
    X(AttributeError, Exception)                                                             \
    X(NameError, Exception)                                                                  \
    X(UnboundLocalError, NameError)                                                          \
    X(TypeError, Exception)                                                                  \
    X(ValueError, Exception)                                                                 \
    X(UnicodeError, ValueError)                                                              \
    X(AssertionError, Exception)                                                             \
    X(RuntimeError, Exception)                                                               \
    X(RecursionError, RuntimeError)                                                          \
    X(NotImplementedError, RuntimeError)                                                     \
    X(StopIteration, Exception)                                                              \
    X(MemoryError, Exception)                                                                \
    X(ImportError, Exception)                                                                \
    X(ModuleNotFoundError, ImportError)                                                      \
    X(OSError, Exception)                                                                    \
    X(FileNotFoundError, OSError)                                                            \
    X(FileExistsError, OSError)                                                              \
    X(PermissionError, OSError)                                                              \
    X(IsADirectoryError, OSError)                                                            \
    X(EOFError, Exception)                                                                   \
    X(ReferenceError, Exception)                                                             \
    X(SyntaxError, Exception)                                                                \
    X(IndentationError, SyntaxError)                                                         \
    X(TabError, IndentationError)                                                            \
    X(Warning, Exception)                                                                    \
    X(UserWarning, Warning)                                                                  \
    X(DeprecationWarning, Warning)                                                           \
    X(RuntimeWarning, Warning)

#define OU_DECLARE_EXC(name, base) extern OuType *ou_##name;
OU_EXC_LIST(OU_DECLARE_EXC)
#undef OU_DECLARE_EXC

/* Singletons that are objects (immortal: rc never reaches 0). */
extern Value ou_NotImplemented, ou_Ellipsis;

/* ---------------------------------------------------------------------------------------------
 * Reference counting. Immortal static objects start with a huge rc and are never freed.
 * ------------------------------------------------------------------------------------------- */
void ou_obj_dealloc(OuObject *o); /* called when rc hits 0: runs __del__, type->dealloc */

static inline void ou_incref(Value v) {
    if (IS_OBJ(v)) AS_OBJ(v)->rc++;
}
void ou_gc_dirtied(OuObject *o); /* gc/gc.c: a WATCHED object became DIRTY */
static inline void ou_decref(Value v) {
    if (IS_OBJ(v)) {
        OuObject *o = AS_OBJ(v);
        if (--o->rc == 0) {
            ou_obj_dealloc(o);
        } else {
            uint16_t f = o->gcflags;
            if (!(f & OU_GCF_DIRTY)) {
                o->gcflags = (uint16_t)(f | OU_GCF_DIRTY);
                if (f & OU_GCF_WATCHED) ou_gc_dirtied(o);
            }
        }
    }
}
/* Decref that tolerates OU_UNDEF / OU_ERR (they are not objects, so this is the same test). */
#define ou_xdecref ou_decref
static inline Value ou_newref(Value v) { ou_incref(v); return v; }

/* Allocation. ou_obj_alloc zero-fills `size` bytes, sets rc = 1 and type (increfs heap types),
 * and for OU_TPFLAG_GC types reserves the GC header and tracks the object. Returns NULL with
 * MemoryError set on failure. ou_obj_free is what a dealloc slot calls last. */
void *ou_obj_alloc(OuType *type, size_t size);
void ou_obj_free(OuObject *o);
void *ou_mem_alloc(size_t n);          /* raw memory; NULL + MemoryError on failure */
void *ou_mem_realloc(void *p, size_t n);
void ou_mem_free(void *p);

static inline OuType *ou_typeof(Value v) {
    if (IS_OBJ(v)) return AS_OBJ(v)->type;
    if (IS_SMALLINT(v)) return &ou_int_type;
    if (IS_FLOAT(v)) return &ou_float_type;
    if (IS_BOOL(v)) return &ou_bool_type;
    return &ou_none_type;
}
#define OU_TYPE_NAME(v) (ou_typeof(v)->name)
static inline bool ou_is_type(Value v, OuType *t) { return IS_OBJ(v) && AS_OBJ(v)->type == t; }
#define IS_STR(v) ou_is_type((v), &ou_str_type)
#define IS_LIST(v) ou_is_type((v), &ou_list_type)
#define IS_TUPLE(v) ou_is_type((v), &ou_tuple_type)
#define IS_DICT(v) ou_is_type((v), &ou_dict_type)
/* str or an instance of a str subclass (same OuStr layout at the start): for argument checks
 * that, as CPython's PyUnicode_Check, accept subclasses. */
#define IS_STR_SUB(v) (IS_STR(v) || (IS_OBJ(v) && ou_is_subtype(AS_OBJ(v)->type, &ou_str_type)))
/* type->dictoffset value for subclasses of variable-size builtins (str, tuple): the instance
 * dict is the 8-byte-aligned word right after the variable part (see om_dictptr in vm/). */
#define OU_DICTOFFSET_TAIL (-1)
#define IS_BOXINT(v) ou_is_type((v), &ou_int_type)
#define AS_STR(v) ((OuStr *)AS_OBJ(v))
#define AS_LIST(v) ((OuList *)AS_OBJ(v))
#define AS_TUPLE(v) ((OuTuple *)AS_OBJ(v))
#define AS_DICT(v) ((OuDict *)AS_OBJ(v))
#define AS_TYPE(v) ((OuType *)AS_OBJ(v))

/* ---------------------------------------------------------------------------------------------
 * Exceptions (vm/error.c). Single-threaded thread state.
 * ------------------------------------------------------------------------------------------- */
/* Set an exception of `type` with a message built by a printf-like format. Besides the usual
 * %s %d %i %u %ld %lld %zd %c %x %%, it supports %R (repr of a Value), %S (str of a Value),
 * %T (type name of a Value), %U (a str Value's text). Always returns OU_ERR. */
Value ou_err_format(OuType *type, const char *fmt, ...);
Value ou_err_vformat(OuType *type, const char *fmt, va_list ap);
Value ou_err_set_value(OuType *type, Value arg); /* exception with args = (arg,) */
Value ou_err_set_exc(Value exc);                 /* set an existing exception instance */
Value ou_err_nomemory(void);
bool ou_err_occurred(void);
Value ou_err_fetch(void);              /* take the current exception (new ref), clear state */
void ou_err_restore(Value exc);        /* set current exception (steals) */
void ou_err_clear(void);
bool ou_err_matches(OuType *type);     /* current exception is an instance of type */
Value ou_err_peek(void);               /* borrowed current exception or OU_UNDEF */
/* Print `Exception ignored in: <obj repr>` and the traceback of the current exception to
 * stderr, then clear it (used for __del__ and callbacks). */
void ou_err_write_unraisable(Value obj);
/* Print the traceback and exception of `exc` in CPython's format to stderr. */
void ou_err_print(Value exc);
Value ou_exc_new(OuType *type, Value *args, int nargs); /* create an exception instance */
bool ou_exc_matches(Value exc, Value spec); /* spec: exception type or tuple of them */

/* ---------------------------------------------------------------------------------------------
 * Constructors and accessors of concrete types.
 * ------------------------------------------------------------------------------------------- */
Value ou_int(int64_t i);        /* small or boxed int; OU_ERR only on out-of-memory */
Value ou_float(double d);       /* canonicalizes NaN; never fails */
/* Integer value of an int or bool; returns false (no exception) if v is not an int/bool, or
 * is an int outside the int64 range (test ou_is_int to tell the two apart). */
bool ou_int_value(Value v, int64_t *out);
/* Like ou_int_value but raises TypeError naming `what` when v is not an int: 0 / -1. */
int ou_int_arg(Value v, int64_t *out, const char *what);
bool ou_is_int(Value v);        /* int, bool, or subclass instance... (bool counts) */
bool ou_is_number(Value v);     /* int, bool or float */
double ou_number_as_double(Value v); /* precondition: ou_is_number(v); a too large int gives
                                        +-inf (ou_int_to_double reports that instead) */
/* Big integers (vm/bigint.c, vm/int.c). */
/* int(d) for a double: truncates toward zero; ValueError for NaN, OverflowError for inf. */
Value ou_int_from_double(double d);
/* An int or bool as the nearest double: 0, or -1 with OverflowError "int too large to convert
 * to float" (TypeError if v is not an int). */
int ou_int_to_double(Value v, double *out);
/* Parse Python int syntax as int(s, base) does (base 0 or 2..36): the int, or OU_ERR with
 * CPython's ValueError. `orig` is the str shown in the message (OU_UNDEF: made from s). */
Value ou_int_from_text(const char *s, int64_t n, int base, Value orig);
int ou_int_sign(Value v);               /* -1, 0 or 1 for an int or bool */
/* sys.get_int_max_str_digits(): decimal conversions of ints longer than this raise ValueError
 * (0: no limit). Default 4300, as CPython 3.11. */
extern int64_t ou_int_max_str_digits;

Value ou_str_new(const char *utf8, int64_t len); /* validates nothing: input must be UTF-8 */
Value ou_str_cstr(const char *utf8);
Value ou_str_intern(const char *utf8);   /* interned, immortal for the interpreter lifetime */
Value ou_str_intern_value(Value s);     /* steals s, returns the interned equivalent */
Value ou_str_printf(const char *fmt, ...); /* same format extensions as ou_err_format */
Value ou_str_vprintf(const char *fmt, va_list ap); /* va_list form of ou_str_printf */
Value ou_str_concat(Value a, Value b);
static inline const char *ou_str_data(Value s) { return AS_STR(s)->data; }
static inline int64_t ou_str_len(Value s) { return AS_STR(s)->len; }
bool ou_str_eq(Value a, Value b);        /* both str */
bool ou_str_eq_cstr(Value a, const char *s);
int64_t ou_str_hash(Value s);

/* A list of length len whose items are uninitialized: the caller fills every slot with
 * ou_list_set_steal before the list is visible to anything else. len 0 is an empty list. */
Value ou_list_new(int64_t len);
Value ou_list_from(const Value *items, int64_t n); /* increfs items */
int ou_list_append(Value list, Value v);  /* increfs v */
int ou_list_append_steal(Value list, Value v);
static inline void ou_list_set_steal(Value l, int64_t i, Value v) { AS_LIST(l)->items[i] = v; }
Value ou_list_sort(Value list, Value key, bool reverse); /* returns OU_NONE or OU_ERR */

Value ou_tuple_new(int64_t len);          /* items uninitialized: fill with ou_tuple_set_steal */
Value ou_tuple_from(const Value *items, int64_t n); /* increfs items */
Value ou_tuple_pack(int n, ...);          /* increfs each Value argument */
static inline void ou_tuple_set_steal(Value t, int64_t i, Value v) { AS_TUPLE(t)->items[i] = v; }
extern Value ou_empty_tuple;

Value ou_dict_new(void);
/* Lookup: returns a BORROWED value, OU_UNDEF if absent (no exception), OU_ERR on error (the
 * key's __hash__/__eq__ raised). */
Value ou_dict_get(Value d, Value key);
Value ou_dict_get_str(Value d, const char *key); /* borrowed; never errors */
int ou_dict_set(Value d, Value key, Value v);    /* increfs both */
int ou_dict_set_str(Value d, const char *key, Value v);
int ou_dict_del(Value d, Value key);             /* KeyError if absent */
/* Remove and return (new ref) or OU_UNDEF if absent. */
Value ou_dict_pop(Value d, Value key);
/* Iterate: *pos starts at 0; returns false at the end. key/value borrowed. */
bool ou_dict_next(Value d, int64_t *pos, Value *key, Value *value);
int ou_dict_update(Value d, Value other);        /* other: dict or mapping */
Value ou_dict_copy(Value d);
Value ou_dict_keys_list(Value d);

Value ou_set_new(Value iterable);                /* iterable may be OU_UNDEF */
Value ou_frozenset_new(Value iterable);
int ou_set_add(Value s, Value key);
int ou_set_contains(Value s, Value key);
int ou_set_discard(Value s, Value key);          /* 1 removed, 0 absent, -1 error */
bool ou_set_next(Value s, int64_t *pos, Value *key);

Value ou_range_new(int64_t start, int64_t stop, int64_t step);
Value ou_slice_new(Value start, Value stop, Value step); /* increfs */
/* Normalize a slice against a sequence length (CPython's PySlice_GetIndicesEx). Returns the
 * slice length, or -1 with an exception set. */
int64_t ou_slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
/* The first half of ou_slice_indices: reads the bounds (calling __index__, which may run any
 * code, so a mutable sequence must read its length after this). 0, or -1 with an exception. */
int ou_slice_unpack(Value slice, int64_t *start, int64_t *stop, int64_t *step);
/* The second half of ou_slice_indices: clamps integer bounds (step != 0, step >= -INT64_MAX;
 * a missing start/stop given as INT64_MAX / INT64_MIN as that function does) to a sequence of
 * length len. Returns the slice length; cannot fail. */
int64_t ou_slice_adjust(int64_t len, int64_t start, int64_t stop, int64_t step, int64_t *startp,
                        int64_t *stopp);

Value ou_cell_new(Value v);                       /* increfs v (may be OU_UNDEF) */
Value ou_cfunction_new(const char *name, ou_cfunc fn, Value self, const char *doc);
Value ou_method_new(Value func, Value self);
Value ou_module_new(const char *name);
Value ou_property_new(Value fget, Value fset, Value fdel, Value doc);

/* ---------------------------------------------------------------------------------------------
 * Abstract operations (vm/abstract.c). They dispatch on type slots, handle subclasses and
 * user-defined dunders, and raise CPython's messages.
 * ------------------------------------------------------------------------------------------- */
Value ou_repr(Value v);
Value ou_to_str(Value v);                /* str(v) */
int64_t ou_hash(Value v);                /* -1 on error (TypeError: unhashable type: 'list') */
Value ou_richcmp(Value a, Value b, int op); /* full protocol incl. reflection */
int ou_richcmp_bool(Value a, Value b, int op); /* 0/1/-1 */
int ou_equal(Value a, Value b);          /* identity shortcut, then ==; 0/1/-1 */
int ou_truthy(Value v);                  /* 0/1/-1 */
int64_t ou_len(Value v);
Value ou_binop(Value a, Value b, int op);   /* op may include OU_BIN_INPLACE */
Value ou_unaryop(Value a, int op);
Value ou_getattr(Value o, Value name);       /* name: str */
Value ou_getattr_cstr(Value o, const char *name);
/* Like ou_getattr but returns OU_UNDEF without exception if the attribute is missing. */
Value ou_getattr_opt(Value o, Value name);
int ou_setattr(Value o, Value name, Value v); /* v == OU_UNDEF deletes */
/* The generic attribute protocol (vm/type.c), for types whose own getattr/setattr slot handles
 * a few special names (e.g. slice.start, exception.args) and falls back to this: data
 * descriptors of the type, then the instance dict (type->dictoffset), then other type
 * attributes (binding functions via descr_get); AttributeError with CPython's message. */
Value ou_generic_getattr(Value o, Value name);
int ou_generic_setattr(Value o, Value name, Value v);
/* The instance dict of o, BORROWED: a compact instance (see OuInstance) is converted to dict
 * mode first. OU_UNDEF (no exception) when o has no dict field or no dict yet; OU_ERR when the
 * conversion ran out of memory. */
Value ou_instance_dict(Value o);
/* The heap tools (objgraph, `ouro --step`) draw instances with their __dict__: this converts
 * every compact instance alive to dict mode and makes later instances start in dict mode.
 * 0/-1 (out of memory). */
int ou_instances_use_dicts(void);
/* A read-only live view of a mapping, as `C.__dict__` returns (vm/mappingproxy.c). */
extern OuType ou_mappingproxy_type;
Value ou_mappingproxy_new(Value mapping);
/* Iterator over an object with only __getitem__ (vm/iterobject.c). */
Value ou_seqiter_new(Value seq);
int ou_hasattr(Value o, Value name);
Value ou_getitem(Value o, Value key);
int ou_setitem(Value o, Value key, Value v);
int ou_delitem(Value o, Value key);
int ou_contains(Value container, Value item); /* `item in container` */
Value ou_iter(Value v);
Value ou_next(Value it);                     /* OU_UNDEF at end (no exception) */
Value ou_call(Value f, Value *args, int nargs, Value kwnames);
Value ou_call0(Value f);
Value ou_call1(Value f, Value a);
Value ou_call2(Value f, Value a, Value b);
/* Call f(*args_tuple, **kwargs_dict); kwargs may be OU_UNDEF. */
Value ou_call_tuple_dict(Value f, Value args, Value kwargs);
Value ou_call_method(Value obj, const char *name, Value *args, int nargs);
int ou_isinstance(Value v, Value cls);       /* cls: type or tuple; 0/1/-1 */
bool ou_is_subtype(OuType *a, OuType *b);    /* by MRO */
bool ou_instance_of(Value v, OuType *t);     /* ou_is_subtype(ou_typeof(v), t) */
/* Look up name in the type's MRO; borrowed result or OU_UNDEF. */
Value ou_type_lookup(OuType *t, Value name);
/* Prepare a static builtin type (like CPython's PyType_Ready): creates its dict, bases and
 * mro from `base` (object when NULL, except for object itself), and inherits NULL slots from the
 * base. Idempotent. 0/-1. Each type's init function calls it, then adds its methods. */
int ou_type_ready(OuType *t);
/* Convert an iterable to a new list / tuple. */
Value ou_sequence_list(Value iterable);
Value ou_sequence_tuple(Value iterable);
/* __index__ protocol: int value of v for indexing; TypeError otherwise. */
int ou_index(Value v, int64_t *out);
/* The index of a sequence subscript (s[v]): 1 with *out set when v is an int or has __index__,
 * 0 when it is neither (no exception set: the caller tries slices or raises its TypeError),
 * -1 on error. An int beyond int64 is an IndexError here, as CPython says for s[2**100]. */
int ou_index_item(Value v, int64_t *out);
Value ou_format(Value v, Value spec);        /* format(v, spec) */
/* pow(base, exp, mod) for ints (vm/int.c); mod may be OU_NONE for two-argument pow. */
Value ou_number_pow3(Value base, Value exp, Value mod);

/* ---------------------------------------------------------------------------------------------
 * Interpreter-level services used by stdlib/ (vm/interp.c, vm/run.c, vm/import.c).
 * ------------------------------------------------------------------------------------------- */
typedef struct {
    const char *name;
    ou_cfunc fn;
    const char *doc;
} OuMethodDef;

/* Add builtin functions to a module/type dict. */
/* module_name OU_UNDEF makes them methods of a builtin type: read through an instance they bind
 * to it (self becomes args[0]); with a module name they are plain functions that never bind. */
int ou_add_functions(Value dict, const OuMethodDef *defs, Value module_name);
/* Register a builtin module: init is called on first import and returns the module. */
typedef Value (*ou_modinit)(void);
void ou_register_builtin_module(const char *name, ou_modinit init);
Value ou_import(Value name);                /* returns the module (new ref) */
Value ou_builtins_dict(void);               /* borrowed */
Value ou_sys_modules(void);                 /* borrowed dict */
extern Value ou_sys_stdout, ou_sys_stderr, ou_sys_stdin; /* borrowed, may be replaced */
/* Argument parsing helper for builtins. `spec` names the parameters; returns 0/-1.
 * Example: ou_parse_args(args, nargs, kwnames, "sorted", "O|$OO", (const char *[]){"iterable",
 * "key", "reverse", NULL}, &it, &key, &rev); O = any Value (borrowed, missing ones left as
 * preset by the caller, usually OU_UNDEF); '|' starts optional; '$' starts keyword-only. */
int ou_parse_args(Value *args, int nargs, Value kwnames, const char *fname, const char *spec,
                  const char *const *names, ...);
/* Write text to a file-like object (calls .write, or writes fd directly for the std files). */
int ou_file_write_str(Value file, Value s);
int ou_file_write_cstr(Value file, const char *s);
/* Flush the buffer of the builtin sys.stdout (stdlib/fileobject.c). Code that writes to fd 2
 * or the C stderr directly calls it first, so that output interleaves as in CPython. */
void ou_stdout_flush(void);

/* Weak references (vm/weakref.c). Weak references to an object live in a side table keyed
 * by its address, so an object pays nothing until it is first weakly referenced; then it
 * carries OU_GCF_WEAKREFS. */
/* Called by ou_obj_dealloc once the object really dies (after __del__, if it was not
 * resurrected) and before type->dealloc, when OU_GCF_WEAKREFS is set: clears every weak reference to it
 * (they now return None) and calls their callbacks, oldest last (errors -> unraisable). */
void ou_weakref_object_dying(OuObject *o);
/* Called by the collector once it has found the unreachable set (every member flagged
 * OU_GCF_UNREACHABLE), before any finalizer runs: clears every weak reference to a member
 * of the set, and calls the callbacks of those weak references that are not themselves in the
 * set (PEP 442 / CPython's handle_weakrefs: all cleared before any callback runs). Returns
 * the number of callbacks called; never fails (callback errors are unraisable). */
int64_t ou_weakref_gc_clear(OuObject **set, int64_t n);
/* The weakref module's types and operations (vm/weakref.c, used by stdlib/mod_weakref.c).
 * callback: a callable, or None / OU_UNDEF for none. Callback-less refs (and proxies) to one
 * object are shared. TypeError "cannot create weak reference to 'int' object" for objects
 * that do not accept weak references. */
extern OuType ou_weakref_type, ou_weakproxy_type, ou_weakcallableproxy_type;
Value ou_weakref_new(Value obj, Value callback);
Value ou_weakref_proxy(Value obj, Value callback);
Value ou_weakref_referent(Value ref);  /* borrowed: the referent, or None once dead */
int64_t ou_weakref_count(Value obj);   /* weakref.getweakrefcount(obj); never fails */
Value ou_weakref_list(Value obj);      /* weakref.getweakrefs(obj): a new list */
int vm_init_weakref(void);             /* readies the three types; idempotent; 0/-1 */

/* Recursion guard for C code that recurses on user data (repr of nested lists, comparisons). */
int ou_enter_recursive_call(const char *where); /* -1 and RecursionError when too deep */
void ou_leave_recursive_call(void);
/* Reprs of self-containing containers: returns 1 if v is already being repr'd (print "..."). */
int ou_repr_enter(Value v);
void ou_repr_leave(Value v);

#endif
