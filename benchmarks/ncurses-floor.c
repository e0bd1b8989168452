/*
 * ncurses-floor: the floor for the tutor's cold start. A C program that paints one screen with
 * ncurses, in colour, and waits for a key, as the tutor does with its first frame; timed by
 * first-frame beside the tutor.
 *
 * Usage: ncurses-floor FILE
 *
 * FILE holds the screen's rows as UTF-8 text, one a line (the Benchmarks target writes the
 * tutor's own first frame there, so both paint the same characters). The first row is drawn
 * bold in a colour pair, the rest plain.
 * Built by the Benchmarks target: cc -O2 ncurses-floor.c -lncursesw
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    static char text[1 << 20];
    FILE *file = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!file) {
        fprintf(stderr, "usage: ncurses-floor FILE (the screen's rows, one a line)\n");
        return 1;
    }
    size_t length = fread(text, 1, sizeof text - 1, file);
    fclose(file);
    text[length] = '\0';

    setlocale(LC_ALL, "");
    initscr();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    if (has_colors()) {
        start_color();
        use_default_colors();
        init_pair(1, COLOR_CYAN, -1);
    }
    int row = 0;
    for (char *line = text; *line && row < LINES; row++) {
        char *end = strchr(line, '\n');
        if (end) *end = '\0';
        if (row == 0) attron(A_BOLD | COLOR_PAIR(1));
        mvaddstr(row, 0, line);
        if (row == 0) attroff(A_BOLD | COLOR_PAIR(1));
        if (!end) break;
        line = end + 1;
    }
    refresh();
    getch();
    endwin();
    return 0;
}
