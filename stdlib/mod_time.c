/* mod_time.c: the time module: clocks and sleep. sleep() is interruptible: a SIGINT during
 * the sleep raises KeyboardInterrupt at once instead of waiting out the delay. */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "stdlib.h"
#include "vm.h"

static int64_t clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static Value clock_float(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return ou_float((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static int no_args(const char *name, int nargs)
{
    if (nargs == 0) return 0;
    ou_err_format(ou_TypeError, "time.%s() takes no arguments (%d given)", name, nargs);
    return -1;
}

#define CLOCK_FUNCS(pyname, id)                                                                 \
    static Value t_##pyname(Value *args, int nargs, Value kwnames)                              \
    {                                                                                           \
        if (no_args(#pyname, nargs) < 0) return OU_ERR;                                         \
        return clock_float(id);                                                                 \
    }                                                                                           \
    static Value t_##pyname##_ns(Value *args, int nargs, Value kwnames)                         \
    {                                                                                           \
        if (no_args(#pyname "_ns", nargs) < 0) return OU_ERR;                                   \
        return ou_int(clock_ns(id));                                                            \
    }

CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)

static Value t_sleep(Value *args, int nargs, Value kwnames)
{
    if (nargs != 1 || (!IS_UNDEF(kwnames) && AS_TUPLE(kwnames)->len > 0))
        return ou_err_format(ou_TypeError, "time.sleep() takes exactly one argument (%d given)",
                             nargs);
    double secs;
    int64_t i;
    if (IS_FLOAT(args[0])) {
        secs = AS_FLOAT(args[0]);
        if (isnan(secs)) return ou_err_format(ou_ValueError, "Invalid value NaN (not a number)");
    } else if (ou_int_value(args[0], &i)) {
        secs = (double)i;
    } else {
        return ou_err_format(ou_TypeError, "'%s' object cannot be interpreted as an integer",
                             OU_TYPE_NAME(args[0]));
    }
    if (secs < 0) return ou_err_format(ou_ValueError, "sleep length must be non-negative");
    if (secs > 9e9) return ou_err_format(ou_OverflowError, "sleep length is too large");
    ou_stdout_flush();
    struct timespec req;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    while (nanosleep(&req, &req) < 0) {
        if (errno != EINTR) break;
        if (vm.interrupted) {
            vm.interrupted = 0;
            Value exc = ou_exc_new(ou_KeyboardInterrupt, NULL, 0);
            if (IS_ERR(exc)) return OU_ERR;
            ou_err_set_exc(exc);
            ou_decref(exc);
            return OU_ERR;
        }
    }
    return OU_NONE;
}

static const OuMethodDef time_functions[] = {
    {"time", t_time, "Return the current time in seconds since the Epoch."},
    {"time_ns", t_time_ns, "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", t_monotonic, "Monotonic clock, cannot go backward."},
    {"monotonic_ns", t_monotonic_ns, "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", t_perf_counter, "Performance counter for benchmarking."},
    {"perf_counter_ns", t_perf_counter_ns, "Performance counter for benchmarking as nanoseconds."},
    {"process_time", t_process_time, "Process time for profiling: sum of kernel and user CPU time."},
    {"process_time_ns", t_process_time_ns, "Process time for profiling as nanoseconds."},
    {"sleep", t_sleep, "Delay execution for a given number of seconds."},
    {NULL, NULL, NULL},
};

Value mod_time_init(void)
{
    Value m = ou_module_new("time");
    if (IS_ERR(m)) return OU_ERR;
    if (mod_add_functions(m, time_functions) < 0) {
        ou_decref(m);
        return OU_ERR;
    }
    return m;
}
