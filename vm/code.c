/* code.c: the code object type. A code object is immutable once the assembler
 * (vm/assemble.c) has built it; it owns its instruction, line and column arrays and references
 * its constant, name and variable tuples. Its constants are only immutable values (numbers,
 * strings, tuples of them, other code objects), so code objects can never be part of a
 * reference cycle and are not tracked by the collector. */
#include <stdio.h>

#include "vm.h"

static void code_dealloc(OuObject *o) {
    OuCode *co = (OuCode *)o;
    ou_mem_free(co->code);
    ou_mem_free(co->lines);
    ou_mem_free(co->cols);
    ou_mem_free(co->cell2arg);
    /* The interpreter's inline cache keeps no references; vm_code_cache_free also frees the
     * blocks it hangs off it (polymorphic method entries). */
    vm_code_cache_free(co);
    ou_xdecref(co->consts);
    ou_xdecref(co->names);
    ou_xdecref(co->varnames);
    ou_xdecref(co->cellvars);
    ou_xdecref(co->freevars);
    ou_xdecref(co->name);
    ou_xdecref(co->qualname);
    ou_xdecref(co->filename);
    ou_xdecref(co->docstring);
    ou_obj_free(o);
}

static Value code_repr(Value self) {
    OuCode *co = (OuCode *)AS_OBJ(self);
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)co);
    return ou_str_printf("<code object %U at %s, file \"%U\", line %d>", co->name, addr,
                         co->filename, (int)co->firstline);
}

static Value code_getattr(Value self, Value name) {
    OuCode *co = (OuCode *)AS_OBJ(self);
    if (IS_STR(name)) {
        const char *s = ou_str_data(name);
        if (s[0] == 'c' && s[1] == 'o' && s[2] == '_') {
            s += 3;
            if (!strcmp(s, "name")) return ou_newref(co->name);
            if (!strcmp(s, "qualname")) return ou_newref(co->qualname);
            if (!strcmp(s, "filename")) return ou_newref(co->filename);
            if (!strcmp(s, "firstlineno")) return ou_int(co->firstline);
            if (!strcmp(s, "argcount")) return ou_int(co->argcount);
            if (!strcmp(s, "kwonlyargcount")) return ou_int(co->kwonlyargcount);
            if (!strcmp(s, "posonlyargcount")) return ou_int(co->posonlyargcount);
            if (!strcmp(s, "nlocals")) return ou_int(co->nlocals);
            if (!strcmp(s, "stacksize")) return ou_int(co->stacksize);
            if (!strcmp(s, "flags")) return ou_int(co->flags);
            if (!strcmp(s, "consts")) return ou_newref(co->consts);
            if (!strcmp(s, "names")) return ou_newref(co->names);
            if (!strcmp(s, "varnames")) return ou_newref(co->varnames);
            if (!strcmp(s, "cellvars")) return ou_newref(co->cellvars);
            if (!strcmp(s, "freevars")) return ou_newref(co->freevars);
        }
    }
    return ou_generic_getattr(self, name);
}

static int64_t code_hash(Value self) {
    /* Identity hash, as for any object without __eq__ (code objects compare by identity). */
    int64_t h = (int64_t)((uintptr_t)AS_OBJ(self) >> 4);
    return h == -1 ? -2 : h;
}

OuType ou_code_type = {
    .ob = {.rc = 1u << 30, .gcflags = OU_GCF_IMMORTAL, .type = &ou_type_type},
    .name = "code",
    .basicsize = sizeof(OuCode),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = code_hash,
    .getattr = code_getattr,
};

int vm_init_code(void) { return ou_type_ready(&ou_code_type); }
