/* A backtracking regular-expression matcher (the shape of Kernighan and Pike's: `c . * ^ $`
   plus `+` and `?`, recursive), matching patterns against generated lines. Prints the
   number of matches. */
#include <stdio.h>
#include <stdlib.h>

static int matchhere(const char *re, const char *text);

static int matchstar(int c, const char *re, const char *text, int min) {
    const char *t = text;
    while (*t && (*t == c || c == '.')) t++;
    for (; t >= text + min; t--)
        if (matchhere(re, t)) return 1;
    return 0;
}

static int matchhere(const char *re, const char *text) {
    if (re[0] == 0) return 1;
    if (re[1] == '*') return matchstar(re[0], re + 2, text, 0);
    if (re[1] == '+') return matchstar(re[0], re + 2, text, 1);
    if (re[1] == '?') {
        if (*text && (re[0] == '.' || re[0] == *text) && matchhere(re + 2, text + 1)) return 1;
        return matchhere(re + 2, text);
    }
    if (re[0] == '$' && re[1] == 0) return *text == 0;
    if (*text && (re[0] == '.' || re[0] == *text)) return matchhere(re + 1, text + 1);
    return 0;
}

static int match(const char *re, const char *text) {
    if (re[0] == '^') return matchhere(re + 1, text);
    do {
        if (matchhere(re, text)) return 1;
    } while (*text++);
    return 0;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 200000;
    static const char *pats[] = { "ab*c", "^a.*z$", "x+y?z", "q.*q.*q", "a.b.c", "mm*n+o" };
    char line[64];
    unsigned long seed = 12345, matches = 0;
    for (long i = 0; i < n; i++) {
        int len = 20 + (int)(seed % 40);
        for (int k = 0; k < len; k++) {
            seed = seed * 6364136223846793005UL + 1442695040888963407UL;
            line[k] = "abcmnoqxyz"[(seed >> 33) % 10];
        }
        line[len] = 0;
        for (int p = 0; p < 6; p++) matches += match(pats[p], line);
    }
    printf("%lu\n", matches);
    return 0;
}
