/* spawn.c: runs one benchmark command and reports what it cost, for bench/run.py.
 *
 * Usage: spawn RESULT_FILE COMMAND [ARGS...]
 * Runs COMMAND with stdin, stdout and stderr inherited, waits for it with wait4 and writes one
 * line to RESULT_FILE: "wall_seconds user_seconds sys_seconds maxrss_kb exit_status".
 *
 * Why a C helper: Linux keeps a process's peak RSS across fork and exec, so a child forked by
 * the Python driver (about 11 MB resident) would report at least the driver's size. Forked from
 * this small program, the command's ru_maxrss is its own.
 *
 * The command is pinned to one CPU (BENCH_CPU, default the last one; BENCH_CPU=none leaves it
 * free): on the 2-core VMs this project runs on, an unpinned run took either 0.66 s or 1.06 s
 * of CPU for the same program, alternating from run to run, and pinned runs took 0.65-0.67 s.
 * Every interpreter is pinned alike.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: spawn RESULT_FILE COMMAND [ARGS...]\n");
        return 2;
    }
    /* The child inherits this process's CPU. */
    const char *cpu = getenv("BENCH_CPU");
    if (!cpu || strcmp(cpu, "none") != 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        int c = cpu && *cpu ? atoi(cpu) : (int)(n > 0 ? n - 1 : 0);
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(c, &set);
        if (sched_setaffinity(0, sizeof set, &set) < 0) perror("spawn: sched_setaffinity");
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* vfork, not fork: the child runs in this process's memory until execv, so its CPU time
     * (what wait4 reports) is the command's exec and run, without the copy of a page table
     * that fork's child pays first (about 1.5 ms of a 4 ms `ouro -c pass` on these VMs). */
    pid_t pid = vfork();
    if (pid < 0) {
        perror("spawn: vfork");
        return 2;
    }
    if (pid == 0) {
        execv(argv[2], argv + 2);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("spawn: wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    FILE *f = fopen(argv[1], "w");
    if (!f) {
        perror("spawn: result file");
        return 2;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    fprintf(f, "%.6f %.6f %.6f %ld %d\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
            (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6,
            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6, ru.ru_maxrss, code);
    fclose(f);
    return 0;
}
