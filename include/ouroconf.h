/* ouroconf.h: every compile-time switch of Ouro, with its default and the reason for it.
 * Override any of them with -D on the compiler command line (the Makefile's MODE does). */
#ifndef OUROCONF_H
#define OUROCONF_H

/* Dispatch by computed goto (GCC/Clang "labels as values"): one indirect jump per opcode
 * gives the branch predictor one site per opcode. 0 selects the portable switch loop. */
#ifndef OU_COMPUTED_GOTO
#if defined(__GNUC__)
#define OU_COMPUTED_GOTO 1
#else
#define OU_COMPUTED_GOTO 0
#endif
#endif

/* GC stress: run a full collection at every Nth allocation of a tracked object (0 = off).
 * MODE=gcstress sets it, to shake out missing references in the collector's view. */
#ifndef OU_GC_STRESS
#define OU_GC_STRESS 0
#endif

/* Default recursion limit, as CPython's sys.getrecursionlimit(). */
#ifndef OU_RECURSION_LIMIT
#define OU_RECURSION_LIMIT 1000
#endif

/* Hard cap on Python frames regardless of setrecursionlimit. Python-to-Python calls do not
 * use the C stack (the loop pushes frames), and C-level recursion is guarded separately, so
 * this only bounds the frame array and value stack. */
#ifndef OU_MAX_FRAMES_HARD
#define OU_MAX_FRAMES_HARD 100000
#endif

/* Maximum nesting of brackets/blocks/expressions accepted by the parser: deeper input is a
 * SyntaxError rather than a C stack overflow in the compiler. */
#ifndef OU_MAX_NESTING
#define OU_MAX_NESTING 200
#endif

/* Maximum indentation levels (CPython: 100). */
#ifndef OU_MAX_INDENT
#define OU_MAX_INDENT 100
#endif

/* Size of the VM value stack (Values) shared by all frames. */
#ifndef OU_STACK_SIZE
#define OU_STACK_SIZE (1u << 20)
#endif

/* Bytes at the start of the first pool arena made resident with one madvise call at the
 * first allocation (0: none): start-up touches about 35 pool pages, each a page fault taken
 * one at a time otherwise. `ouro -c pass`: 131 -> 96 faults; median of 5x100 runs 2.21 ->
 * 2.18 ms CPU, 3.13 -> 2.98 ms elapsed (a small gain, within this VM's noise). */
#ifndef OU_ARENA_PREFAULT
#define OU_ARENA_PREFAULT (256u << 10)
#endif

/* Small-object pools (gc/alloc.c): blocks up to 512 bytes come from size-classed pages in
 * 1 MiB arenas instead of malloc. Off under AddressSanitizer, so that the sanitizer sees every
 * object's allocation and free (OURO_MALLOC=1 or running under valgrind turns them off at run
 * time for the same reason). */
#ifndef OU_USE_POOLS
#if defined(__SANITIZE_ADDRESS__)
#define OU_USE_POOLS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OU_USE_POOLS 0
#endif
#endif
#endif
#ifndef OU_USE_POOLS
#define OU_USE_POOLS 1
#endif

/* Compact instances (vm/shape.c). A shape (hidden class) holds at most OU_SHAPE_MAX_SLOTS
 * names: an instance with more attributes uses a dict, as objects used as namespaces or
 * filled by setattr() in loops are better served by one. At most OU_SHAPE_MAX_COUNT shapes are
 * ever made (they are shared and immortal, so a program inventing attribute names without end
 * must not grow them without bound); past that new names go to dicts. A class whose methods
 * store no `self.NAME` gives its instances OU_INLINE_DEFAULT_CAP slots until instances show
 * that they need more. */
#ifndef OU_SHAPE_MAX_SLOTS
#define OU_SHAPE_MAX_SLOTS 30
#endif
#ifndef OU_SHAPE_MAX_COUNT
#define OU_SHAPE_MAX_COUNT 16384
#endif
#ifndef OU_INLINE_DEFAULT_CAP
#define OU_INLINE_DEFAULT_CAP 4
#endif

#define OU_VERSION "0.1.0"

#endif
