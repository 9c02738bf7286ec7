/* Tests enums: implicit and explicit values, negative values, use in switch/arrays, sizeof, enum constants in expressions. */
#include <stdio.h>

enum color { RED, GREEN, BLUE, COLOR_COUNT };
enum weird { A = -3, B, C = 10, D, E = D * 2, F = E - 100, G = 'x' };
enum flags { F_READ = 1 << 0, F_WRITE = 1 << 1, F_EXEC = 1 << 2, F_ALL = F_READ | F_WRITE | F_EXEC };
typedef enum { MON = 1, TUE, WED, THU, FRI, SAT, SUN } weekday;

static const char *color_names[COLOR_COUNT] = {[RED] = "red", [GREEN] = "green", [BLUE] = "blue"};

static const char *day_kind(weekday d) {
    switch (d) {
    case SAT:
    case SUN: return "weekend";
    default: return "weekday";
    }
}

int main(void) {
    printf("RED=%d GREEN=%d BLUE=%d COUNT=%d\n", RED, GREEN, BLUE, COLOR_COUNT);
    printf("A=%d B=%d C=%d D=%d E=%d F=%d G=%d\n", A, B, C, D, E, F, G);
    printf("F_ALL=%d\n", F_ALL);
    for (enum color c = RED; c < COLOR_COUNT; c++) printf("%d:%s\n", c, color_names[c]);
    for (weekday d = MON; d <= SUN; d++) printf("%d %s\n", d, day_kind(d));
    printf("sizeof(enum color)=%zu sizeof(RED)=%zu\n", sizeof(enum color), sizeof(RED));
    int perms = F_READ | F_EXEC;
    printf("read=%d write=%d exec=%d\n", !!(perms & F_READ), !!(perms & F_WRITE), !!(perms & F_EXEC));
    enum color c = BLUE;
    c = (enum color)(c - 1);
    printf("c=%d\n", c);
    int arr[COLOR_COUNT * 2];
    printf("arr len=%zu\n", sizeof arr / sizeof arr[0]);
    enum { LOCAL1 = 100, LOCAL2 };
    printf("LOCAL2=%d\n", LOCAL2);
    {
        enum { RED_SHADOW = RED + 50 };
        printf("RED_SHADOW=%d\n", RED_SHADOW);
    }
    enum weird w = F;
    printf("w=%d w<0: %d\n", w, w < 0);
    switch (w) {
    case A: puts("A"); break;
    case F: puts("F matched"); break;
    default: puts("other"); break;
    }
    return 0;
}
