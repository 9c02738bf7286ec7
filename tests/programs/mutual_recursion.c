/* Tests mutual recursion with forward prototypes: even/odd, Hofstadter sequences, recursive-descent grammar. */
#include <stdio.h>

static int is_even(unsigned n);
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int hof_f(int n);
static int hof_m(int n);
static int hof_f(int n) { return n == 0 ? 1 : n - hof_m(hof_f(n - 1)); }
static int hof_m(int n) { return n == 0 ? 0 : n - hof_f(hof_m(n - 1)); }

/* grammar: list := '(' items ')' ; items := (atom | list)* ; atom := letter */
static const char *pos;
static int parse_list(int depth);
static int parse_items(int depth);
static int parse_list(int depth) {
    if (*pos != '(') return -1;
    pos++;
    int n = parse_items(depth + 1);
    if (n < 0 || *pos != ')') return -1;
    pos++;
    return n;
}
static int parse_items(int depth) {
    int atoms = 0;
    while (*pos && *pos != ')') {
        if (*pos == '(') {
            int r = parse_list(depth);
            if (r < 0) return -1;
            atoms += r;
        } else if (*pos >= 'a' && *pos <= 'z') {
            printf("%*s%c (depth %d)\n", depth * 2, "", *pos, depth);
            atoms++;
            pos++;
        } else if (*pos == ' ') {
            pos++;
        } else {
            return -1;
        }
    }
    return atoms;
}

static void ping(int n);
static void pong(int n);
static void ping(int n) { if (n > 0) { printf("ping%d ", n); pong(n - 1); } }
static void pong(int n) { if (n > 0) { printf("pong%d ", n); ping(n - 1); } }

int main(void) {
    unsigned tests[] = {0, 1, 2, 7, 10, 1001, 5000};
    for (int i = 0; i < 7; i++) printf("%u even=%d odd=%d\n", tests[i], is_even(tests[i]), is_odd(tests[i]));
    printf("F:");
    for (int i = 0; i < 20; i++) printf(" %d", hof_f(i));
    printf("\nM:");
    for (int i = 0; i < 20; i++) printf(" %d", hof_m(i));
    printf("\n");
    const char *inputs[] = {"(a b (c d) e)", "((x) (y (z)))", "(a (b)", "()", "(a 1)"};
    for (int i = 0; i < 5; i++) {
        pos = inputs[i];
        int r = parse_list(0);
        if (r >= 0 && *pos == '\0') printf("\"%s\": %d atoms\n", inputs[i], r);
        else printf("\"%s\": parse error\n", inputs[i]);
    }
    ping(7);
    printf("\n");
    return 0;
}
