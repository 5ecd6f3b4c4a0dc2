/* stdlib.h: the interface between the files of stdlib/ (builtins, sys, math, time, files).
 * Other folders use only include/ouro.h. Prefixes: file_ (stdlib/fileobject.c), mod_ (module
 * init functions), bi_ (stdlib/builtins.c). */
#ifndef OU_STDLIB_H
#define OU_STDLIB_H

#include "ouro.h"

/* True when f is an instance of the builtin file type (ou_file_type). */
static inline bool file_is_builtin(Value f) { return ou_is_type(f, &ou_file_type); }

/* Write n bytes of UTF-8 (nchars code points) to a builtin file object; 0/-1 (ValueError on a
 * closed file, OSError on a write failure). */
int file_write_utf8(Value f, const char *s, size_t n);
/* Flush a builtin file's write buffer; 0/-1. */
int file_flush(Value f);
/* One line from a builtin file, newline included; "" at end of file. */
Value file_readline(Value f);

/* The current sys.stdout / sys.stderr / sys.stdin, borrowed: what the sys module's dict holds
 * once the module exists (a user may have replaced them), else the builtin std files.
 * RuntimeError("lost sys.stdout") and OU_ERR when the attribute was deleted. */
Value file_cur_stdout(void);
Value file_cur_stderr(void);
Value file_cur_stdin(void);

/* Release what the file module keeps (the io.UnsupportedOperation class). */
void file_fini(void);

/* The builtin open(). */
Value file_open(Value *args, int nargs, Value kwnames);

/* The sys module's dict once the module is created, else OU_UNDEF (owned by mod_sys.c). */
extern Value mod_sys_dict;

/* Module init functions, registered by stdlib/modules.c. */
Value mod_sys_init(void);
Value mod_math_init(void);
Value mod_time_init(void);
Value mod_builtins_module(void);
Value ou_mod_gc_init(void); /* stdlib/mod_gc.c */
void ou_mod_gc_fini(void);
Value mod_objgraph_init(void); /* stdlib/mod_objgraph.c */
void mod_objgraph_fini(void);
Value mod_weakref_init(void); /* stdlib/mod_weakref.c */

/* Helper for modules: add every function of defs and the module's name; 0/-1. */
int mod_add_functions(Value module, const OuMethodDef *defs);

#endif
