/*
 * first-frame: the time from starting a full-screen program to its first full frame, measured
 * from outside through a pseudo-terminal, as a terminal emulator would see it.
 *
 * Usage: first-frame COLUMNS ROWS MARKER PROGRAM [ARGUMENT...]
 *
 * Starts PROGRAM on a new pseudo-terminal of COLUMNS x ROWS with TERM=xterm-256color in the
 * C.UTF-8 locale, reads everything it paints, and prints the microseconds from just before the
 * fork to the last byte of its first frame: the last byte before its output has been quiet for
 * QUIET_MS (a program waiting for a key writes nothing more). The frame counts only when MARKER,
 * a word of its bottom row, is among the bytes; otherwise the program did not paint a full
 * screen (an error message, a crash) and the run fails. The program is then killed.
 *
 * Exit status 0 with the figure on standard output; 1 with a message on standard error.
 * Built and run by the Benchmarks target: cc -O2 first-frame.c -lutil
 */
#define _GNU_SOURCE
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { QUIET_MS = 250, FIRST_BYTE_MS = 10000, KEPT = 1 << 20 };

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: first-frame COLUMNS ROWS MARKER PROGRAM [ARGUMENT...]\n");
        return 1;
    }
    struct winsize size = {.ws_col = (unsigned short)atoi(argv[1]), .ws_row = (unsigned short)atoi(argv[2])};
    const char *marker = argv[3];
    static char kept[KEPT];
    size_t length = 0;
    int master;

    double start = now_us();
    pid_t pid = forkpty(&master, NULL, NULL, &size);
    if (pid < 0) {
        perror("first-frame: forkpty");
        return 1;
    }
    if (pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        setenv("LC_ALL", "C.UTF-8", 1);
        unsetenv("COLUMNS");
        unsetenv("LINES");
        execvp(argv[4], argv + 4);
        perror(argv[4]);
        _exit(127);
    }

    double last = 0;
    for (;;) {
        struct pollfd ready = {.fd = master, .events = POLLIN};
        if (poll(&ready, 1, last == 0 ? FIRST_BYTE_MS : QUIET_MS) <= 0) break;
        char buffer[65536];
        ssize_t got = read(master, buffer, sizeof buffer);
        if (got <= 0) break; /* the program is gone */
        last = now_us();
        size_t room = KEPT - length;
        size_t take = (size_t)got < room ? (size_t)got : room;
        memcpy(kept + length, buffer, take);
        length += take;
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);

    if (last == 0) {
        fprintf(stderr, "first-frame: %s wrote nothing within %d ms\n", argv[4], FIRST_BYTE_MS);
        return 1;
    }
    if (!memmem(kept, length, marker, strlen(marker))) {
        fprintf(stderr, "first-frame: '%s' never came, so %s painted no full frame; it wrote %zu bytes:\n", marker, argv[4], length);
        for (size_t i = 0; i < length && i < 400; i++) fputc(kept[i] >= 32 && kept[i] < 127 ? kept[i] : '.', stderr);
        fputc('\n', stderr);
        return 1;
    }
    printf("%.1f\n", last - start);
    return 0;
}
