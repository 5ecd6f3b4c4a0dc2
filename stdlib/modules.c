/* modules.c: the registry of Ouro's builtin modules (imported through vm/import.c). */
#include "stdlib.h"
#include "vm.h"

int vm_init_modules(void)
{
    ou_register_builtin_module("builtins", mod_builtins_module);
    ou_register_builtin_module("sys", mod_sys_init);
    ou_register_builtin_module("math", mod_math_init);
    ou_register_builtin_module("time", mod_time_init);
    ou_register_builtin_module("gc", ou_mod_gc_init);
    ou_register_builtin_module("objgraph", mod_objgraph_init);
    ou_register_builtin_module("weakref", mod_weakref_init);
    return 0;
}

void vm_fini_modules(void)
{
    ou_mod_gc_fini();
    mod_objgraph_fini();
    file_fini();
    ou_decref(mod_sys_dict);
    mod_sys_dict = OU_UNDEF;
}
