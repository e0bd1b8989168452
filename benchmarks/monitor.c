/*
 * monitor: runs a program as its own child and reports how it ended, its wall time and its
 * peak memory, with limits on both.
 *
 * Usage: monitor MEMORY_KB TIMEOUT_MS PROGRAM [ARGUMENT...]
 *
 * PROGRAM (looked up in PATH) inherits standard input, output and error. Its address space is
 * limited to MEMORY_KB kilobytes (0: no limit), and it is killed after TIMEOUT_MS milliseconds.
 * When it has ended, one line goes to file descriptor 3:
 *     exited STATUS | signaled SIGNAL | timedout,  then MICROSECONDS PEAK_KB
 * e.g. "exited 0 12873.4 20720". PEAK_KB is the child's ru_maxrss from wait4.
 *
 * Why a program of its own: a child's ru_maxrss starts from the memory of the process it was
 * forked from, so a child of the benchmark (tens of megabytes, more after generating big
 * lessons) would report the benchmark's memory. Forked from this small program it reports its
 * own. Built by the Benchmarks target: cc -O2 monitor.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: monitor MEMORY_KB TIMEOUT_MS PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    long memory = atol(argv[1]), timeout = atol(argv[2]);
    FILE *report = fdopen(3, "w");
    if (!report) {
        perror("monitor: file descriptor 3");
        return 2;
    }
    sigset_t child;
    sigemptyset(&child);
    sigaddset(&child, SIGCHLD);
    sigprocmask(SIG_BLOCK, &child, NULL);

    double start = now_us();
    pid_t pid = fork();
    if (pid < 0) {
        perror("monitor: fork");
        return 2;
    }
    if (pid == 0) {
        sigprocmask(SIG_UNBLOCK, &child, NULL);
        close(3);
        if (memory > 0) {
            struct rlimit limit = {(rlim_t)memory * 1024, (rlim_t)memory * 1024};
            setrlimit(RLIMIT_AS, &limit);
        }
        execvp(argv[3], argv + 3);
        perror(argv[3]);
        _exit(127);
    }

    int timedout = 0;
    struct timespec wait = {timeout / 1000, (timeout % 1000) * 1000000L};
    while (sigtimedwait(&child, NULL, &wait) < 0) {
        if (errno == EAGAIN) {
            kill(pid, SIGKILL);
            timedout = 1;
            break;
        }
        /* EINTR: wait again (the remaining time restarts; a bound, not a stopwatch) */
    }
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {}
    double elapsed = now_us() - start;

    if (timedout) fprintf(report, "timedout");
    else if (WIFEXITED(status)) fprintf(report, "exited %d", WEXITSTATUS(status));
    else fprintf(report, "signaled %d", WTERMSIG(status));
    fprintf(report, " %.1f %ld\n", elapsed, usage.ru_maxrss);
    fclose(report);
    return 0;
}
