/* import.c: the module registry and `import`.
 *
 * A name is looked up in sys.modules first, then among the builtin modules registered by
 * stdlib/ (created on first import), then as NAME.py in the main script's directory, which is
 * compiled and run once as a module. The module is entered into sys.modules before its body
 * runs, so circular imports see the partly initialized module as in CPython.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "interp.h"

/* Registered builtin modules: a fixed table is enough (a handful of modules). */
#define MAX_BUILTIN_MODULES 64
static struct {
    const char *name;
    ou_modinit init;
} builtin_modules[MAX_BUILTIN_MODULES];
static int nbuiltin_modules;

void ou_register_builtin_module(const char *name, ou_modinit init) {
    for (int i = 0; i < nbuiltin_modules; i++)
        if (!strcmp(builtin_modules[i].name, name)) {
            builtin_modules[i].init = init;
            return;
        }
    if (nbuiltin_modules == MAX_BUILTIN_MODULES) {
        fprintf(stderr, "ouro: too many builtin modules (%s)\n", name);
        return;
    }
    builtin_modules[nbuiltin_modules].name = name;
    builtin_modules[nbuiltin_modules].init = init;
    nbuiltin_modules++;
}

/* ModuleNotFoundError "No module named 'x'" with its `name` attribute, as CPython's. */
static Value not_found(Value name) {
    ou_err_format(ou_ModuleNotFoundError, "No module named '%U'", name);
    Value exc = ou_err_fetch();
    if (IS_OBJ(exc) && ou_setattr(exc, ou_str_intern("name"), name) < 0) ou_err_clear();
    ou_err_restore(exc);
    return OU_ERR;
}

Value vm_import_file(Value name, const char *path) {
    size_t len;
    char *src = vm_read_file(path, &len);
    if (!src) return not_found(name);
    Value m = ou_module_new(ou_str_data(name));
    if (IS_ERR(m)) {
        free(src);
        return OU_ERR;
    }
    OuModule *mod = (OuModule *)AS_OBJ(m);
    Value file = ou_str_cstr(path);
    Value bmod = ou_dict_get_str(vm.modules, "builtins");
    if (IS_ERR(file) || ou_dict_set_str(mod->dict, "__file__", file) < 0 ||
        ou_dict_set_str(mod->dict, "__cached__", OU_NONE) < 0 ||
        ou_dict_set_str(mod->dict, "__builtins__", IS_OBJ(bmod) ? bmod : vm.builtins) < 0 ||
        ou_dict_set(vm.modules, name, m) < 0) {
        if (!IS_ERR(file)) ou_decref(file);
        free(src);
        ou_decref(m);
        return OU_ERR;
    }
    mod->filename = file;
    Value code = vm_compile(src, len, path, "exec", NULL);
    free(src);
    Value r = IS_ERR(code) ? OU_ERR : vm_run_code((OuCode *)AS_OBJ(code), mod->dict, mod->dict);
    ou_xdecref(code);
    if (IS_ERR(r)) {
        Value exc = ou_err_fetch();
        Value old = ou_dict_pop(vm.modules, name);
        if (IS_ERR(old)) ou_err_clear();
        ou_xdecref(old);
        ou_err_restore(exc);
        ou_decref(m);
        return OU_ERR;
    }
    ou_decref(r);
    /* The module may have replaced itself in sys.modules. */
    Value final = ou_dict_get(vm.modules, name);
    if (!IS_UNDEF(final) && !IS_ERR(final)) {
        ou_incref(final);
        ou_decref(m);
        return final;
    }
    return m;
}

Value ou_import(Value name) {
    if (!IS_STR(name))
        return ou_err_format(ou_TypeError, "module name must be str, not %s", OU_TYPE_NAME(name));
    Value m = ou_dict_get(vm.modules, name);
    if (IS_ERR(m)) return OU_ERR;
    if (IS_NONE(m)) return ou_err_format(ou_ModuleNotFoundError, "import of %U halted; None in sys.modules", name);
    if (!IS_UNDEF(m)) return ou_newref(m);
    const char *s = ou_str_data(name);
    if (s[0] == '.')
        return ou_err_format(ou_ImportError, "attempted relative import with no known parent package");
    for (int i = 0; i < nbuiltin_modules; i++) {
        if (strcmp(builtin_modules[i].name, s)) continue;
        m = builtin_modules[i].init();
        if (IS_ERR(m)) return OU_ERR;
        if (ou_dict_set(vm.modules, name, m) < 0) {
            ou_decref(m);
            return OU_ERR;
        }
        return m;
    }
    /* Packages are not supported: a dotted name fails on its first component. */
    const char *dot = strchr(s, '.');
    if (dot) {
        Value first = ou_str_new(s, dot - s);
        if (IS_ERR(first)) return OU_ERR;
        Value fm = ou_import(first);
        if (IS_ERR(fm)) {
            ou_decref(first);
            return OU_ERR;
        }
        ou_decref(fm);
        ou_err_format(ou_ModuleNotFoundError, "No module named '%U'; '%U' is not a package", name, first);
        ou_decref(first);
        return OU_ERR;
    }
    if (IS_STR(vm.main_dir) && s[0]) {
        size_t n = (size_t)ou_str_len(vm.main_dir) + (size_t)ou_str_len(name) + 8;
        char *path = malloc(n);
        if (!path) return ou_err_nomemory();
        snprintf(path, n, "%s/%s.py", ou_str_data(vm.main_dir), s);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            m = vm_import_file(name, path);
            free(path);
            return m;
        }
        free(path);
    }
    return not_found(name);
}
